package se.region.grantledger.core.api.project;

import org.axonframework.serialization.Revision;
import se.region.grantledger.core.api.BusinessDated;
import se.region.grantledger.core.model.FunderCategory;
import se.region.grantledger.core.model.Money;
import se.region.grantledger.core.model.Period;
import se.region.grantledger.core.model.ReportedCosts;

import java.time.LocalDate;
import java.util.Map;

@Revision("1")
public record RequisitionSubmitted(String projectId, String requisitionId, Period period, ReportedCosts costs,
                                   Money totalCosts, Map<FunderCategory, Money> coFinancingReceived,
                                   LocalDate submittedOn) implements BusinessDated {

    @Override
    public LocalDate businessDate() {
        return submittedOn;
    }
}
