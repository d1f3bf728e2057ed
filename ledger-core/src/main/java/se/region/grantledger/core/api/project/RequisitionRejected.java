package se.region.grantledger.core.api.project;

import org.axonframework.serialization.Revision;
import se.region.grantledger.core.api.BusinessDated;

import java.time.LocalDate;

@Revision("1")
public record RequisitionRejected(String projectId, String requisitionId, LocalDate decisionDate,
                                  String reason) implements BusinessDated {

    @Override
    public LocalDate businessDate() {
        return decisionDate;
    }
}
