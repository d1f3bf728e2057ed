package se.region.grantledger.core.api.limits;

import org.axonframework.serialization.Revision;
import se.region.grantledger.core.api.BusinessDated;
import se.region.grantledger.core.model.Money;

import java.time.LocalDate;

/**
 * A repayment returning a payment of an earlier budget year went to the state as income (docs/adr/0014); the frame
 * the payment was drawn from records it, and its paid and committed figures do not change.
 */
@Revision("1")
public record RepaymentReturnedToState(String appropriationId, String caseId, Money amount,
                                       LocalDate receivedOn) implements BusinessDated {

    @Override
    public LocalDate businessDate() {
        return receivedOn;
    }
}
