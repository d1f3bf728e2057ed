package se.region.grantledger.core.api.limits;

import org.axonframework.serialization.Revision;
import se.region.grantledger.core.api.BusinessDated;
import se.region.grantledger.core.model.Euro;
import se.region.grantledger.core.model.Money;
import se.region.grantledger.core.model.OrganisationNumber;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The region decided de minimis aid: the kronor, the rate of the decision's date and the euro it counts as. */
@Revision("1")
public record DeMinimisAidGranted(String undertakingId, String caseId, OrganisationNumber company,
                                  LocalDate decisionDate, Money amount, BigDecimal sekPerEuro,
                                  Euro amountEur) implements BusinessDated {

    @Override
    public LocalDate businessDate() {
        return decisionDate;
    }
}
