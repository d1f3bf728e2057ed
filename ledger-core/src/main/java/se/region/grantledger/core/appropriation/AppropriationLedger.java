package se.region.grantledger.core.appropriation;

import se.region.grantledger.core.model.AppropriationKey;
import se.region.grantledger.core.model.Fund;
import se.region.grantledger.core.model.Money;
import se.region.grantledger.core.model.ReleaseReason;
import se.region.grantledger.core.model.SupportType;

import java.time.LocalDate;

/**
 * The appropriation frames, as a deciding case sees them. Each call changes the {@link Appropriation} in the
 * unit of work of the case's own command, so the case's event and the frame's event are stored together or
 * not at all (docs/adr/0008). A refusal is a {@link se.region.grantledger.core.rules.RuleViolation}.
 */
public interface AppropriationLedger {

    /** Reserves a decision's amount against its fund's frame for the decision year, or refuses. */
    void reserve(AppropriationKey appropriation, String caseId, SupportType type, Money amount, LocalDate decisionDate);

    /** A payment draws on what the case has reserved there. */
    void draw(String appropriationId, String caseId, Money amount, LocalDate paymentDate);

    /** Gives reserved, unpaid money back to the frame, as of the business date of the releasing decision. */
    void release(String appropriationId, String caseId, Money amount, ReleaseReason reason, LocalDate releasedOn);

    /**
     * A same-year repayment back to the frame the payment was drawn from: the case's to pay again while it is
     * open ({@code caseOpen}), released at once if the case has ended.
     */
    void credit(String appropriationId, String caseId, Money amount, LocalDate receivedOn, boolean caseOpen);

    /** An earlier year's payment repaid, recorded on the frame it was drawn from as returned to the state. */
    void returnToState(String appropriationId, String caseId, Money amount, LocalDate receivedOn);
}
