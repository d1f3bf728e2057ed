package se.region.grantledger.core.appropriation;

import se.region.grantledger.core.model.AppropriationKey;
import se.region.grantledger.core.model.Money;
import se.region.grantledger.core.model.ReleaseReason;
import se.region.grantledger.core.model.SupportType;
import se.region.grantledger.core.rules.Figures;
import se.region.grantledger.core.rules.Rule;
import se.region.grantledger.core.rules.RuleViolation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Records what a case asks of the frames, for tests of the case's own bookkeeping (which appropriation, how
 * much, in which order). A decision above {@link #headroom} is refused as the real ledger would; the real
 * ledger's arithmetic is tested in {@code AppropriationTest}.
 */
public final class RecordingAppropriations implements AppropriationLedger {

    public final List<String> calls = new ArrayList<>();
    public Money headroom = Money.ofKronor(1_000_000_000);

    @Override
    public void reserve(AppropriationKey appropriation, String caseId, SupportType type, Money amount,
                        LocalDate decisionDate) {
        if (amount.isGreaterThan(headroom)) {
            throw new RuleViolation(Rule.COMMITMENTS_WITHIN_FRAME, "over the frame",
                    Figures.of("requested", amount, "headroom", headroom));
        }
        calls.add("reserve " + appropriation.id() + " " + caseId + " " + amount);
    }

    @Override
    public void draw(String appropriationId, String caseId, Money amount, LocalDate paymentDate) {
        calls.add("draw " + appropriationId + " " + caseId + " " + amount);
    }

    @Override
    public void release(String appropriationId, String caseId, Money amount, ReleaseReason reason,
                        LocalDate releasedOn) {
        calls.add("release " + appropriationId + " " + caseId + " " + amount + " " + reason + " " + releasedOn);
    }

    @Override
    public void credit(String appropriationId, String caseId, Money amount, LocalDate receivedOn, boolean caseOpen) {
        calls.add("credit " + appropriationId + " " + caseId + " " + amount + " " + receivedOn
                + (caseOpen ? "" : " and release"));
    }

    @Override
    public void returnToState(String appropriationId, String caseId, Money amount, LocalDate receivedOn) {
        calls.add("to the state " + appropriationId + " " + caseId + " " + amount + " " + receivedOn);
    }
}
