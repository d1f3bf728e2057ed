package se.region.grantledger.core.api.project;

import org.axonframework.serialization.Revision;
import se.region.grantledger.core.api.BusinessDated;
import se.region.grantledger.core.model.Fund;
import se.region.grantledger.core.model.Money;
import se.region.grantledger.core.model.PaymentType;

import java.time.LocalDate;

/** A payment waiting for attestation. {@code requisitionId} is null for an advance. No money has moved yet. */
@Revision("1")
public record PaymentProposed(String projectId, String paymentId, PaymentType type, String requisitionId,
                              Money amount, Fund fund, LocalDate paymentDate, String paymentReference, String reason,
                              String proposedBy) implements BusinessDated {

    @Override
    public LocalDate businessDate() {
        return paymentDate;
    }
}
