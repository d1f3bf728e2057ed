package se.region.grantledger.infrastructure.axon.upcasting;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.region.grantledger.core.api.GrantDecided;
import se.region.grantledger.core.api.PaymentMade;
import se.region.grantledger.core.api.RequisitionApproved;

import java.util.List;

/**
 * Every change of an event's shape since it was first stored, oldest first. Axon picks these beans up into its
 * upcaster chain. Add a line here, never edit one: events of every revision stay in the store for ten years.
 */
@Configuration(proxyBeanMethods = false)
class EventUpcasters {

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
}
