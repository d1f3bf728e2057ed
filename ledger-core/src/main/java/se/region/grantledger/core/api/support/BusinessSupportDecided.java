package se.region.grantledger.core.api.support;

import org.axonframework.serialization.Revision;
import se.region.grantledger.core.api.BusinessDated;
import se.region.grantledger.core.model.Euro;
import se.region.grantledger.core.model.Fund;
import se.region.grantledger.core.model.Money;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Decided business support, with the de minimis aid it counts as and who prepared and decided it. */
@Revision("1")
public record BusinessSupportDecided(String caseId, String decisionNumber, LocalDate decisionDate, Money amount,
                                     Fund fund, String undertakingId, BigDecimal sekPerEuro, Euro amountEur,
                                     String preparedBy, String decidedBy) implements BusinessDated {

    @Override
    public LocalDate businessDate() {
        return decisionDate;
    }
}
