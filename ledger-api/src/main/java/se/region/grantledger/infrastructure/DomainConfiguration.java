package se.region.grantledger.infrastructure;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.region.grantledger.core.model.Money;
import se.region.grantledger.core.rules.FundingLimits;

/** The resources the aggregates' command handlers ask for. */
@Configuration(proxyBeanMethods = false)
class DomainConfiguration {

    @Bean
    FundingLimits fundingLimits(FundingLimitsProperties properties) {
        return new FundingLimits(properties.maxRegionalSharePercent(), properties.maxAdvanceSharePercent(),
                Money.ofSek(properties.maxAdvanceSek()), properties.maxCommercialServiceSharePercent());
    }
}
