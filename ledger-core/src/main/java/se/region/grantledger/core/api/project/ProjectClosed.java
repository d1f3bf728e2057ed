package se.region.grantledger.core.api.project;

import org.axonframework.serialization.Revision;
import se.region.grantledger.core.api.BusinessDated;
import se.region.grantledger.core.model.Money;

import java.time.LocalDate;

/** {@code releasedAmount} is the decided 1:1 amount that was never (net) paid and is no longer reserved. */
@Revision("1")
public record ProjectClosed(String projectId, LocalDate closedOn, Money releasedAmount,
                            String note) implements BusinessDated {

    @Override
    public LocalDate businessDate() {
        return closedOn;
    }
}
