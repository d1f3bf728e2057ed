package se.region.grantledger.core.support;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.spring.stereotype.Aggregate;
import se.region.grantledger.core.api.support.AttestBusinessSupportPayment;
import se.region.grantledger.core.api.support.BusinessSupportDecided;
import se.region.grantledger.core.api.support.BusinessSupportRegistered;
import se.region.grantledger.core.api.support.CloseBusinessSupport;
import se.region.grantledger.core.api.support.DecideBusinessSupport;
import se.region.grantledger.core.api.support.DecideBusinessSupportRecovery;
import se.region.grantledger.core.api.support.ProposeBusinessSupportPayment;
import se.region.grantledger.core.api.support.RegisterBusinessSupport;
import se.region.grantledger.core.api.support.RegisterBusinessSupportRepayment;
import se.region.grantledger.core.api.support.WithdrawBusinessSupport;
import se.region.grantledger.core.appropriation.AppropriationLedger;
import se.region.grantledger.core.model.Actor;
import se.region.grantledger.core.model.BusinessSupportType;
import se.region.grantledger.core.model.Company;
import se.region.grantledger.core.model.Fund;
import se.region.grantledger.core.model.Municipality;
import se.region.grantledger.core.model.SupportType;
import se.region.grantledger.core.project.DiaryNumberRegistry;
import se.region.grantledger.core.rules.CaseRules;
import se.region.grantledger.core.rules.Figures;
import se.region.grantledger.core.rules.InvalidValue;
import se.region.grantledger.core.rules.Require;
import se.region.grantledger.core.rules.Rule;
import se.region.grantledger.core.rules.RuleViolation;
import se.region.grantledger.core.undertaking.DeMinimisRegister;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * Business support (regionalt företagsstöd) to one company, one event stream per case. A case officer
 * registers the application; an approver decides it, which counts it as de minimis aid to the company's single
 * undertaking and reserves it in the fund's frame; then it is paid, four-eyes, as {@link SupportCase} describes.
 */
@Aggregate
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
        if (!type.mayBeFundedFrom(from)) {
            throw new InvalidValue("fund-not-for-support-type", type + " cannot be decided from " + from
                    + "; Tillväxtverket's money is passed on only as digitalisation and internationalisation checks");
        }
        investmentGrantOutsideVasteras(type, applicant);
        CaseRules.diaryNumberUnique(diaryNumbers.claim(command.diaryNumber(), command.caseId()), command.diaryNumber());
        apply(new BusinessSupportRegistered(command.caseId(), command.diaryNumber(), applicant, type, from,
                command.purpose(), Actor.from(metaData).user()));
    }

    @CommandHandler
    public void handle(DecideBusinessSupport command, DeMinimisRegister deMinimis, AppropriationLedger appropriations,
                       MetaData metaData) {
        Actor decider = decider(metaData);
        Require.text(command.decisionNumber(), "decisionNumber");
        Require.present(command.decisionDate(), "decisionDate");
        Require.positive(command.amount(), "amount");
        requireUndecided();
        DeMinimisRegister.Granted aid = deMinimis.grant(company.organisationNumber(), caseId(), command.decisionDate(),
                command.amount());
        reserveFrame(appropriations, command.decisionDate(), command.amount());
        apply(new BusinessSupportDecided(caseId(), command.decisionNumber(), command.decisionDate(), command.amount(),
                fund(), aid.undertakingId(), aid.sekPerEuro(), aid.amount(), registeredBy(), decider.user()));
    }

    @CommandHandler
    public void handle(ProposeBusinessSupportPayment command, MetaData metaData) {
        proposePayment(command.paymentId(), command.amount(), command.paymentDate(), command.paymentReference(),
                metaData);
    }

    @CommandHandler
    public void handle(AttestBusinessSupportPayment command, AppropriationLedger appropriations, MetaData metaData) {
        attestPayment(command.paymentId(), appropriations, metaData);
    }

    @CommandHandler
    public void handle(DecideBusinessSupportRecovery command, MetaData metaData) {
        decideRecovery(command.recoveryId(), command.decisionDate(), command.amount(), command.reason(), metaData);
    }

    @CommandHandler
    public void handle(RegisterBusinessSupportRepayment command) {
        registerRepayment(command.recoveryId(), command.amount(), command.receivedOn(), command.reference());
    }

    @CommandHandler
    public void handle(CloseBusinessSupport command, AppropriationLedger appropriations, MetaData metaData) {
        close(command.closedOn(), command.note(), appropriations, metaData);
    }

    @CommandHandler
    public void handle(WithdrawBusinessSupport command, AppropriationLedger appropriations, MetaData metaData) {
        withdraw(command.decisionDate(), command.reason(), appropriations, metaData);
    }

    /** 002, section 1.1.4: investment grants go to the county's smaller municipalities only. */
    static void investmentGrantOutsideVasteras(BusinessSupportType type, Company company) {
        if (type == BusinessSupportType.INVESTMENT_GRANT && company.municipality() == Municipality.VASTERAS) {
            throw new RuleViolation(Rule.INVESTMENT_GRANT_OUTSIDE_VASTERAS, "company " + company.name() + " ("
                    + company.organisationNumber() + ") is in Västerås; investment grants go only to companies in"
                    + " the county's other municipalities",
                    Figures.of("supportType", type, "municipality", company.municipality().scbCode()));
        }
    }

    @Override
    protected SupportType supportType() {
        return SupportType.BUSINESS_SUPPORT;
    }

    @EventSourcingHandler
    void on(BusinessSupportRegistered event) {
        registered(event.caseId(), event.diaryNumber(), event.fund(), event.registeredBy());
        company = event.company();
    }

    @EventSourcingHandler
    void on(BusinessSupportDecided event) {
        decided(event.decisionDate(), event.amount());
    }
}
