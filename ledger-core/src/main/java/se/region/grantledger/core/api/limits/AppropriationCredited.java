package se.region.grantledger.core.api.limits;

import org.axonframework.serialization.Revision;
import se.region.grantledger.core.api.BusinessDated;
import se.region.grantledger.core.model.Money;

import java.time.LocalDate;

/**
 * A repayment in the same budget year as the payment it returns came back to the frame the payment was drawn from
 * (anslagsförordningen 2011:223; docs/adr/0014): the frame's paid goes down and the money is the case's to pay again,
 * or is released with the case's rest at closure.
 */
@Revision("1")
public record AppropriationCredited(String appropriationId, String caseId, Money amount,
                                    LocalDate receivedOn) implements BusinessDated {

    @Override
    public LocalDate businessDate() {
        return receivedOn;
    }
}
