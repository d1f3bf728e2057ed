package se.region.grantledger.core.api.project;

import org.axonframework.serialization.Revision;
import se.region.grantledger.core.api.BusinessDated;
import se.region.grantledger.core.model.Money;

import java.time.LocalDate;

@Revision("1")
public record RecoveryDecided(String projectId, String recoveryId, LocalDate decisionDate, Money amount,
                              String reason) implements BusinessDated {

    @Override
    public LocalDate businessDate() {
        return decisionDate;
    }
}
