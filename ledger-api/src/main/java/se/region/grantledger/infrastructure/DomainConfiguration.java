package se.region.grantledger.infrastructure;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.region.grantledger.core.appropriation.Appropriation;
import se.region.grantledger.core.appropriation.AppropriationLedger;
import se.region.grantledger.core.appropriation.EventSourcedAppropriations;
import se.region.grantledger.core.exchange.ExchangeRates;
import se.region.grantledger.core.model.Money;
import se.region.grantledger.core.rules.FundingLimits;
import se.region.grantledger.core.undertaking.DeMinimisRegister;
import se.region.grantledger.core.undertaking.EventSourcedDeMinimisRegister;
import se.region.grantledger.core.undertaking.Undertaking;
import se.region.grantledger.core.undertaking.UndertakingMembers;

/**
 * The resources the aggregates' command handlers ask for. The limits that span cases reach Axon's repositories
 * through the Axon configuration, looked up when a command runs: the repositories are built after these beans.
 */
@Configuration(proxyBeanMethods = false)
class DomainConfiguration {

    @Bean
    FundingLimits fundingLimits(FundingLimitsProperties properties) {
        return new FundingLimits(properties.maxRegionalSharePercent(), properties.maxAdvanceSharePercent(),
                Money.ofSek(properties.maxAdvanceSek()), properties.maxCommercialServiceSharePercent());
    }

    @Bean
    AppropriationLedger appropriationLedger(ObjectProvider<org.axonframework.config.Configuration> axon) {
        return new EventSourcedAppropriations(() -> axon.getObject().repository(Appropriation.class));
    }

    @Bean
    DeMinimisRegister deMinimisRegister(ObjectProvider<org.axonframework.config.Configuration> axon,
                                        UndertakingMembers members) {
        return new EventSourcedDeMinimisRegister(() -> axon.getObject().repository(Undertaking.class),
                () -> axon.getObject().repository(ExchangeRates.class), members);
    }
}
