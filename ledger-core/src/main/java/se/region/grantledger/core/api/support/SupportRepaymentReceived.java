package se.region.grantledger.core.api.support;

import org.axonframework.serialization.Revision;
import se.region.grantledger.core.model.Money;
import se.region.grantledger.core.model.SupportType;

import java.time.LocalDate;

@Revision("1")
public record SupportRepaymentReceived(String caseId, SupportType supportType, String recoveryId, Money amount,
                                       LocalDate receivedOn, String reference) {
}
