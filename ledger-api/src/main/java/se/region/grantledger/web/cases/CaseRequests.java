package se.region.grantledger.web.cases;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import se.region.grantledger.core.model.Fund;
import se.region.grantledger.core.model.Money;

import java.time.LocalDate;

/**
 * Request bodies of the writes every kind of case shares. Amounts are JSON numbers of kronor with at most two
 * decimals. Ids of new sub-records (payments, recoveries) may be given by the client, else one is made.
 */
public final class CaseRequests {

    private CaseRequests() {
    }

    /**
     * {@code requisitionId} names the approved requisition a project's payment pays; business support and
     * commercial service have none. {@code fund} may be left out: a case is paid from the fund it was decided from.
     */
    public record PaymentRequest(@Size(max = 64) String paymentId, String requisitionId, @NotNull Money amount,
                                 Fund fund, @NotNull LocalDate paymentDate, @NotBlank String paymentReference) {
    }

    public record AdvanceRequest(@Size(max = 64) String paymentId, @NotNull Money amount, Fund fund,
                                 @NotNull LocalDate paymentDate, @NotBlank String paymentReference,
                                 @NotBlank String reason) {
    }

    public record RecoveryRequest(@Size(max = 64) String recoveryId, @NotNull LocalDate decisionDate,
                                  @NotNull Money amount, @NotBlank String reason) {
    }

    public record RepaymentRequest(@NotBlank String recoveryId, @NotNull Money amount, @NotNull LocalDate receivedOn,
                                   @NotBlank String reference) {
    }

    public record ClosureRequest(@NotNull LocalDate closedOn, String note) {
    }

    public record WithdrawalRequest(@NotNull LocalDate decisionDate, @NotBlank String reason) {
    }
}
