package se.region.grantledger.core.rules;

import se.region.grantledger.core.model.AppropriationKey;
import se.region.grantledger.core.model.Money;

/**
 * The appropriation frame's rule (docs/adr/0008): decisions never commit more than the fund's frame for their
 * decision year, and a frame is never lowered below what decisions already commit. Decided-but-unpaid money stays
 * committed until it is paid or released.
 */
public final class FramePolicy {

    private FramePolicy() {
    }

    /** A decision of {@code requested} fits what the frame leaves; {@code frame} is null if none is allocated. */
    public static void commitmentsWithinFrame(AppropriationKey key, Money frame, Money committed, Money requested) {
        if (frame == null) {
            throw new RuleViolation(Rule.COMMITMENTS_WITHIN_FRAME, "no frame is allocated for " + key
                    + "; allocate the appropriation before deciding from it",
                    Figures.of("appropriation", key.id(), "frame", Money.ZERO, "committed", Money.ZERO,
                            "requested", requested, "headroom", Money.ZERO));
        }
        Money after = committed.plus(requested);
        if (after.isGreaterThan(frame)) {
            throw new RuleViolation(Rule.COMMITMENTS_WITHIN_FRAME, "a decision of " + requested + " would commit "
                    + after + " of the " + key + " frame of " + frame + "; " + frame.minusOrZero(committed) + " is left",
                    Figures.of("appropriation", key.id(), "frame", frame, "committed", committed,
                            "requested", requested, "headroom", frame.minusOrZero(committed)));
        }
    }

    /** A frame set again is never below what decisions already commit. */
    public static void frameNotBelowCommitted(AppropriationKey key, Money newFrame, Money committed) {
        if (newFrame.compareTo(committed) < 0) {
            throw new RuleViolation(Rule.COMMITMENTS_WITHIN_FRAME, "the " + key + " frame cannot be lowered to "
                    + newFrame + ": decisions already commit " + committed,
                    Figures.of("appropriation", key.id(), "frame", newFrame, "committed", committed));
        }
    }
}
