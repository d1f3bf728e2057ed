package se.region.grantledger.core.api.support;

import org.axonframework.serialization.Revision;
import se.region.grantledger.core.api.BusinessDated;
import se.region.grantledger.core.model.Money;

import java.time.LocalDate;

/** Decided commercial-service support, with the net cost and the share limit it was checked against. */
@Revision("1")
public record CommercialServiceGrantDecided(String grantId, String decisionNumber, LocalDate decisionDate,
                                            Money amount, Money netCost, int maxSharePercent, String preparedBy,
                                            String decidedBy) implements BusinessDated {

    @Override
    public LocalDate businessDate() {
        return decisionDate;
    }
}
