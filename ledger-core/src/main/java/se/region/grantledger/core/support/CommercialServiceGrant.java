package se.region.grantledger.core.support;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.spring.stereotype.Aggregate;
import se.region.grantledger.core.api.support.CommercialServiceGrantDecided;
import se.region.grantledger.core.api.support.CommercialServiceGrantRegistered;
import se.region.grantledger.core.api.support.DecideCommercialServiceGrant;
import se.region.grantledger.core.api.support.RegisterCommercialServiceGrant;
import se.region.grantledger.core.appropriation.AppropriationLedger;
import se.region.grantledger.core.model.Actor;
import se.region.grantledger.core.model.Fund;
import se.region.grantledger.core.model.Money;
import se.region.grantledger.core.model.SupportType;
import se.region.grantledger.core.project.DiaryNumberRegistry;
import se.region.grantledger.core.rules.CasePolicy;
import se.region.grantledger.core.rules.FundingLimits;
import se.region.grantledger.core.rules.InvalidValue;
import se.region.grantledger.core.rules.Require;
import se.region.grantledger.core.rules.SupportPolicy;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * Support to commercial service (stöd till kommersiell service) for one year's service, e.g. a municipality's
 * home delivery of groceries: decided once against the municipality's net cost, from the 1:1 frame, and paid
 * in arrears, four-eyes.
 */
@Aggregate(cache = "aggregateCache")
public class CommercialServiceGrant extends SupportCase {

    private Money netCost;

    protected CommercialServiceGrant() {
        // for Axon
    }

    @CommandHandler
    public CommercialServiceGrant(RegisterCommercialServiceGrant command, DiaryNumberRegistry diaryNumbers,
                                  MetaData metaData) {
        Require.text(command.grantId(), "grantId");
        Require.text(command.diaryNumber(), "diaryNumber");
        Require.present(command.recipient(), "recipient");
        Require.present(command.recipientKind(), "recipientKind");
        Require.present(command.municipality(), "municipality");
        Require.present(command.serviceType(), "serviceType");
        Require.positive(command.netCost(), "netCost");
        if (command.year() < 1990 || command.year() > 2100) {
            throw new InvalidValue("invalid-year", "the service year lies between 1990 and 2100: " + command.year());
        }
        CasePolicy.diaryNumberUnique(diaryNumbers.claim(command.diaryNumber(), command.grantId()), command.diaryNumber());
        apply(new CommercialServiceGrantRegistered(command.grantId(), command.diaryNumber(), command.recipient(),
                command.recipientKind(), command.municipality(), command.serviceType(), command.year(),
                command.netCost(), Actor.from(metaData).user()));
    }

    @CommandHandler
    public void handle(DecideCommercialServiceGrant command, FundingLimits limits, AppropriationLedger appropriations,
                       MetaData metaData) {
        Actor decider = decision(metaData, command.decisionNumber(), command.decisionDate(), command.amount());
        SupportPolicy.commercialServiceWithinNetCostShare(command.amount(), netCost,
                limits.maxCommercialServiceSharePercent(), caseName());
        reserve(appropriations, command.decisionDate(), command.amount());
        apply(new CommercialServiceGrantDecided(caseId(), command.decisionNumber(), command.decisionDate(),
                command.amount(), netCost, limits.maxCommercialServiceSharePercent(), registeredBy(), decider.user()));
    }

    @Override
    protected SupportType caseType() {
        return SupportType.COMMERCIAL_SERVICE;
    }

    @EventSourcingHandler
    void on(CommercialServiceGrantRegistered event) {
        recordedRegistration(event.grantId(), event.diaryNumber(), Fund.REGIONAL_1_1, event.registeredBy());
        netCost = event.netCost();
    }

    @EventSourcingHandler
    void on(CommercialServiceGrantDecided event) {
        recordedDecision(event.decisionDate(), event.amount());
    }
}
