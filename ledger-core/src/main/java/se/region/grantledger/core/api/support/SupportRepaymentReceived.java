package se.region.grantledger.core.api.support;

import org.axonframework.serialization.Revision;
import se.region.grantledger.core.api.BusinessDated;
import se.region.grantledger.core.model.Money;
import se.region.grantledger.core.model.SupportType;

import java.time.LocalDate;

/** Money repaid on a recovery reached the region; revision 2 says where it went, as {@code RepaymentReceived}. */
@Revision("2")
public record SupportRepaymentReceived(String caseId, SupportType supportType, String recoveryId, Money amount,
                                       LocalDate receivedOn, String reference, Money creditedToFrame,
                                       Money returnedToState) implements BusinessDated {

    @Override
    public LocalDate businessDate() {
        return receivedOn;
    }
}
