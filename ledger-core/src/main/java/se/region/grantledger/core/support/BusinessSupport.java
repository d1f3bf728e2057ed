package se.region.grantledger.core.support;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.spring.stereotype.Aggregate;
import se.region.grantledger.core.api.support.BusinessSupportDecided;
import se.region.grantledger.core.api.support.BusinessSupportRegistered;
import se.region.grantledger.core.api.support.DecideBusinessSupport;
import se.region.grantledger.core.api.support.RegisterBusinessSupport;
import se.region.grantledger.core.appropriation.AppropriationLedger;
import se.region.grantledger.core.model.Actor;
import se.region.grantledger.core.model.BusinessSupportType;
import se.region.grantledger.core.model.Company;
import se.region.grantledger.core.model.Fund;
import se.region.grantledger.core.model.SupportType;
import se.region.grantledger.core.project.DiaryNumberRegistry;
import se.region.grantledger.core.rules.CasePolicy;
import se.region.grantledger.core.rules.Require;
import se.region.grantledger.core.rules.SupportPolicy;
import se.region.grantledger.core.undertaking.DeMinimisRegister;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * Business support (regionalt företagsstöd) to one company, one event stream per case. A case officer
 * registers the application; an approver decides it, which counts it as de minimis aid to the company's single
 * undertaking and reserves it in the fund's frame; then it is paid, four-eyes, as {@link se.region.grantledger.core.cases.GrantCase} describes.
 */
@Aggregate(cache = "aggregateCache")
public class BusinessSupport extends SupportCase {

    private Company company;

    protected BusinessSupport() {
        // for Axon
    }

    @CommandHandler
    public BusinessSupport(RegisterBusinessSupport command, DiaryNumberRegistry diaryNumbers, MetaData metaData) {
        Require.text(command.caseId(), "caseId");
        Require.text(command.diaryNumber(), "diaryNumber");
        Company applicant = Require.present(command.company(), "company");
        BusinessSupportType type = Require.present(command.supportType(), "supportType");
        Fund from = Require.present(command.fund(), "fund");
        Require.text(command.purpose(), "purpose");
        SupportPolicy.fundForSupportType(type, from);
        SupportPolicy.investmentGrantOutsideVasteras(type, applicant);
        CasePolicy.diaryNumberUnique(diaryNumbers.claim(command.diaryNumber(), command.caseId()), command.diaryNumber());
        apply(new BusinessSupportRegistered(command.caseId(), command.diaryNumber(), applicant, type, from,
                command.purpose(), Actor.from(metaData).user()));
    }

    @CommandHandler
    public void handle(DecideBusinessSupport command, DeMinimisRegister deMinimis, AppropriationLedger appropriations,
                       MetaData metaData) {
        Actor decider = decision(metaData, command.decisionNumber(), command.decisionDate(), command.amount());
        DeMinimisRegister.Granted aid = deMinimis.grant(company.organisationNumber(), caseId(), command.decisionDate(),
                command.amount());
        reserve(appropriations, command.decisionDate(), command.amount());
        apply(new BusinessSupportDecided(caseId(), command.decisionNumber(), command.decisionDate(), command.amount(),
                fund(), aid.undertakingId(), aid.sekPerEuro(), aid.amount(), registeredBy(), decider.user()));
    }

    @Override
    protected SupportType caseType() {
        return SupportType.BUSINESS_SUPPORT;
    }

    @EventSourcingHandler
    void on(BusinessSupportRegistered event) {
        recordedRegistration(event.caseId(), event.diaryNumber(), event.fund(), event.registeredBy());
        company = event.company();
    }

    @EventSourcingHandler
    void on(BusinessSupportDecided event) {
        recordedDecision(event.decisionDate(), event.amount());
    }
}
