package se.region.grantledger.core.api.project;

import org.axonframework.serialization.Revision;
import se.region.grantledger.core.api.BusinessDated;
import se.region.grantledger.core.model.Fund;
import se.region.grantledger.core.model.Money;
import se.region.grantledger.core.model.PaymentType;

import java.time.LocalDate;

/**
 * Money left the region. {@code requisitionId} is null for an advance. {@code paymentReference} is the payment
 * order in the region's finance system. Revision 2 added {@code proposedBy} and {@code attestedBy} (four-eyes);
 * revision-1 events have them null.
 */
@Revision("2")
public record PaymentMade(String projectId, String paymentId, PaymentType type, String requisitionId, Money amount,
                          Fund fund, LocalDate paymentDate, String paymentReference, String reason, String proposedBy,
                          String attestedBy) implements BusinessDated {

    @Override
    public LocalDate businessDate() {
        return paymentDate;
    }
}
