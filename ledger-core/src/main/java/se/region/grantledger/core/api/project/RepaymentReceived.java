package se.region.grantledger.core.api.project;

import org.axonframework.serialization.Revision;
import se.region.grantledger.core.api.BusinessDated;
import se.region.grantledger.core.model.Money;

import java.time.LocalDate;

/**
 * Money repaid on a recovery reached the region. Revision 2 (docs/adr/0014) says where it went:
 * {@code creditedToFrame}, the part returning payments of the same budget year, back to the frames they were drawn
 * from; {@code returnedToState}, the part returning payments of earlier years, to the state as income. In revision-1
 * events both are null: no frame was credited then, so the whole amount is read as returned to the state.
 */
@Revision("2")
public record RepaymentReceived(String projectId, String recoveryId, Money amount, LocalDate receivedOn,
                                String reference, Money creditedToFrame,
                                Money returnedToState) implements BusinessDated {

    @Override
    public LocalDate businessDate() {
        return receivedOn;
    }
}
