package se.region.grantledger.core.api.support;

import org.axonframework.serialization.Revision;
import se.region.grantledger.core.api.BusinessDated;
import se.region.grantledger.core.model.Fund;
import se.region.grantledger.core.model.Money;
import se.region.grantledger.core.model.SupportType;

import java.time.LocalDate;

/** A payment of business support or commercial-service support, attested: the money moved. */
@Revision("1")
public record SupportPaymentMade(String caseId, SupportType supportType, String paymentId, Money amount, Fund fund,
                                 LocalDate paymentDate, String paymentReference, String proposedBy,
                                 String attestedBy) implements BusinessDated {

    @Override
    public LocalDate businessDate() {
        return paymentDate;
    }
}
