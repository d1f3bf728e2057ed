package se.region.grantledger.web.support;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import se.region.grantledger.core.model.BusinessSupportType;
import se.region.grantledger.core.model.CommercialServiceType;
import se.region.grantledger.core.model.Company;
import se.region.grantledger.core.model.Fund;
import se.region.grantledger.core.model.Money;
import se.region.grantledger.core.model.Municipality;
import se.region.grantledger.core.model.Organisation;
import se.region.grantledger.core.model.ServiceRecipientKind;

import java.time.LocalDate;

/**
 * Request bodies of the business-support and commercial-service endpoints. Payments, recoveries, repayments,
 * closure and withdrawal are the same for every kind of case ({@code CaseRequests}).
 */
public final class SupportRequests {

    private SupportRequests() {
    }

    /** {@code fund} defaults to REGIONAL_1_1; TILLVAXTVERKET for the checks the region passes on. */
    public record RegisterBusinessSupportRequest(@NotBlank @Size(max = 64) String diaryNumber,
                                                 @NotNull @Valid Company company,
                                                 @NotNull BusinessSupportType supportType, Fund fund,
                                                 @NotBlank String purpose) {
    }

    public record RegisterCommercialServiceRequest(@NotBlank @Size(max = 64) String diaryNumber,
                                                   @NotNull @Valid Organisation recipient,
                                                   @NotNull ServiceRecipientKind recipientKind,
                                                   @NotNull Municipality municipality,
                                                   @NotNull CommercialServiceType serviceType, int year,
                                                   @NotNull Money netCost) {
    }

    public record DecisionRequest(@NotBlank String decisionNumber, @NotNull LocalDate decisionDate,
                                  @NotNull Money amount) {
    }
}
