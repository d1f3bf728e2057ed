package se.region.grantledger.core.api.limits;

import org.axonframework.serialization.Revision;
import se.region.grantledger.core.api.BusinessDated;
import se.region.grantledger.core.model.Money;

import java.time.LocalDate;

/** A payment drew on a case's reservation: committed money became paid money. */
@Revision("1")
public record AppropriationDrawn(String appropriationId, String caseId, Money amount,
                                 LocalDate paymentDate) implements BusinessDated {

    @Override
    public LocalDate businessDate() {
        return paymentDate;
    }
}
