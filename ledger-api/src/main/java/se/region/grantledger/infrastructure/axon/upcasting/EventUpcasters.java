package se.region.grantledger.infrastructure.axon.upcasting;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import se.region.grantledger.core.api.exchange.ExchangeRateRegistered;
import se.region.grantledger.core.api.limits.AppropriationAllocated;
import se.region.grantledger.core.api.limits.AppropriationDrawn;
import se.region.grantledger.core.api.limits.AppropriationReleased;
import se.region.grantledger.core.api.limits.AppropriationReserved;
import se.region.grantledger.core.api.limits.CompanyJoinedUndertaking;
import se.region.grantledger.core.api.limits.DeMinimisAidGranted;
import se.region.grantledger.core.api.limits.OtherDeMinimisAidDeclared;
import se.region.grantledger.core.api.limits.UndertakingRegistered;
import se.region.grantledger.core.api.project.GrantAmended;
import se.region.grantledger.core.api.project.GrantDecided;
import se.region.grantledger.core.api.project.GrantDecisionProposed;
import se.region.grantledger.core.api.project.GrantWithdrawn;
import se.region.grantledger.core.api.project.PaymentMade;
import se.region.grantledger.core.api.project.PaymentProposed;
import se.region.grantledger.core.api.project.ProjectClosed;
import se.region.grantledger.core.api.project.ProjectRegistered;
import se.region.grantledger.core.api.project.RecoveryDecided;
import se.region.grantledger.core.api.project.RepaymentReceived;
import se.region.grantledger.core.api.project.RequisitionApproved;
import se.region.grantledger.core.api.project.RequisitionRejected;
import se.region.grantledger.core.api.project.RequisitionSubmitted;
import se.region.grantledger.core.api.support.BusinessSupportDecided;
import se.region.grantledger.core.api.support.BusinessSupportRegistered;
import se.region.grantledger.core.api.support.CommercialServiceGrantDecided;
import se.region.grantledger.core.api.support.CommercialServiceGrantRegistered;
import se.region.grantledger.core.api.support.SupportCaseClosed;
import se.region.grantledger.core.api.support.SupportDecisionWithdrawn;
import se.region.grantledger.core.api.support.SupportPaymentMade;
import se.region.grantledger.core.api.support.SupportPaymentProposed;
import se.region.grantledger.core.api.support.SupportRecoveryDecided;
import se.region.grantledger.core.api.support.SupportRepaymentReceived;

import java.util.List;

/**
 * Every change of an event's shape since it was first stored, oldest first. Axon picks these beans up into its
 * upcaster chain. Add a line here, never edit one: events of every revision stay in the store for ten years.
 */
@Configuration(proxyBeanMethods = false)
class EventUpcasters {

    /**
     * Messages by feature (docs/adr/0013): every event stored before 2026-11-28 is named in the one flat package
     * the messages had. First in the chain, so the upcasters below match today's names.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    MovedEventTypes eventsOfTheFlatApiPackage() {
        return new MovedEventTypes(MovedEventTypes.formerlyIn("se.region.grantledger.core.api",
                ExchangeRateRegistered.class,
                AppropriationAllocated.class,
                AppropriationDrawn.class,
                AppropriationReleased.class,
                AppropriationReserved.class,
                CompanyJoinedUndertaking.class,
                DeMinimisAidGranted.class,
                OtherDeMinimisAidDeclared.class,
                UndertakingRegistered.class,
                GrantAmended.class,
                GrantDecided.class,
                GrantDecisionProposed.class,
                GrantWithdrawn.class,
                PaymentMade.class,
                PaymentProposed.class,
                ProjectClosed.class,
                ProjectRegistered.class,
                RecoveryDecided.class,
                RepaymentReceived.class,
                RequisitionApproved.class,
                RequisitionRejected.class,
                RequisitionSubmitted.class,
                BusinessSupportDecided.class,
                BusinessSupportRegistered.class,
                CommercialServiceGrantDecided.class,
                CommercialServiceGrantRegistered.class,
                SupportCaseClosed.class,
                SupportDecisionWithdrawn.class,
                SupportPaymentMade.class,
                SupportPaymentProposed.class,
                SupportRecoveryDecided.class,
                SupportRepaymentReceived.class));
    }

    /** Four-eyes (issue 3): who prepared and who decided. */
    @Bean
    AddedFieldsUpcaster grantDecidedRevision1To2() {
        return new AddedFieldsUpcaster(GrantDecided.class, "1", "2", List.of("preparedBy", "decidedBy"));
    }

    /** Four-eyes (issue 3): who proposed and who attested. */
    @Bean
    AddedFieldsUpcaster paymentMadeRevision1To2() {
        return new AddedFieldsUpcaster(PaymentMade.class, "1", "2", List.of("proposedBy", "attestedBy"));
    }

    /** Four-eyes (issue 3): who approved, who may then not attest the payment. */
    @Bean
    AddedFieldsUpcaster requisitionApprovedRevision1To2() {
        return new AddedFieldsUpcaster(RequisitionApproved.class, "1", "2", List.of("approvedBy"));
    }

    /** Money coming back (docs/adr/0014): where a repayment went; null in older events, read as to the state. */
    @Bean
    AddedFieldsUpcaster repaymentReceivedRevision1To2() {
        return new AddedFieldsUpcaster(RepaymentReceived.class, "1", "2", List.of("creditedToFrame", "returnedToState"));
    }

    @Bean
    AddedFieldsUpcaster supportRepaymentReceivedRevision1To2() {
        return new AddedFieldsUpcaster(SupportRepaymentReceived.class, "1", "2",
                List.of("creditedToFrame", "returnedToState"));
    }
}
