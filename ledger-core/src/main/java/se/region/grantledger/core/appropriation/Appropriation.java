package se.region.grantledger.core.appropriation;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;
import se.region.grantledger.core.api.limits.AllocateAppropriation;
import se.region.grantledger.core.api.limits.AppropriationAllocated;
import se.region.grantledger.core.api.limits.AppropriationCredited;
import se.region.grantledger.core.api.limits.AppropriationDrawn;
import se.region.grantledger.core.api.limits.AppropriationReleased;
import se.region.grantledger.core.api.limits.AppropriationReserved;
import se.region.grantledger.core.api.limits.RepaymentReturnedToState;
import se.region.grantledger.core.model.AppropriationKey;
import se.region.grantledger.core.model.Money;
import se.region.grantledger.core.model.ReleaseReason;
import se.region.grantledger.core.model.SupportType;
import se.region.grantledger.core.rules.FramePolicy;
import se.region.grantledger.core.rules.InvalidValue;
import se.region.grantledger.core.rules.Require;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One fund's frame for one year and what decisions have committed against it. Committed is everything
 * reserved minus everything released: paid money stays committed (it was spent from this frame), unpaid money
 * stays reserved until closure or withdrawal gives it back.
 * <p>
 * Decisions do not send commands here. They change this aggregate through {@link AppropriationLedger} in their
 * own unit of work, which holds this aggregate's lock until it commits: two racing decisions are serialised,
 * and the second sees the first one's reservation.
 */
@Aggregate(snapshotTriggerDefinition = "limitSnapshots", cache = "aggregateCache",
        snapshotFilter = "appropriationSnapshotFilter")
@Revision("2") // of the snapshot's shape: raise it when the fields change, and older snapshots are ignored
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Appropriation {

    @AggregateIdentifier
    private String appropriationId;
    private AppropriationKey key;
    private Money frame = Money.ZERO;
    private Money committed = Money.ZERO;
    private final Map<String, Money> outstandingByCase = new HashMap<>();
    private final Map<String, Money> drawnByCase = new HashMap<>();

    protected Appropriation() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(AllocateAppropriation command) {
        AppropriationKey requested = new AppropriationKey(Require.present(command.fund(), "fund"), command.year());
        if (!requested.id().equals(command.appropriationId())) {
            throw new InvalidValue("appropriation-id-mismatch", "appropriation " + command.appropriationId()
                    + " is not the one for " + requested);
        }
        Money newFrame = Require.present(command.frame(), "frame");
        Require.text(command.reference(), "reference");
        FramePolicy.frameNotBelowCommitted(requested, newFrame, committed);
        if (key != null && newFrame.equals(frame)) {
            return; // allocating the same frame again changes nothing and records nothing
        }
        apply(new AppropriationAllocated(requested.id(), requested.fund(), requested.year(), newFrame, frame,
                command.reference()));
    }

    void reserve(String caseId, SupportType type, Money amount, LocalDate decisionDate) {
        FramePolicy.commitmentsWithinFrame(key, frame, committed, amount);
        Money after = committed.plus(amount);
        apply(new AppropriationReserved(appropriationId, caseId, type, amount, decisionDate, after));
    }

    void draw(String caseId, Money amount, LocalDate paymentDate) {
        requireOutstanding(caseId, amount, "draw");
        apply(new AppropriationDrawn(appropriationId, caseId, amount, paymentDate));
    }

    void release(String caseId, Money amount, ReleaseReason reason, LocalDate releasedOn) {
        requireOutstanding(caseId, amount, "release");
        apply(new AppropriationReleased(appropriationId, caseId, amount, reason, releasedOn, committed.minus(amount)));
    }

    void credit(String caseId, Money amount, LocalDate receivedOn, boolean caseOpen) {
        requireDrawn(caseId, amount);
        apply(new AppropriationCredited(appropriationId, caseId, amount, receivedOn));
        if (!caseOpen) {
            apply(new AppropriationReleased(appropriationId, caseId, amount, ReleaseReason.REPAYMENT_AFTER_END,
                    receivedOn, committed.minus(amount)));
        }
    }

    void returnToState(String caseId, Money amount, LocalDate receivedOn) {
        requireDrawn(caseId, amount);
        apply(new RepaymentReturnedToState(appropriationId, caseId, amount, receivedOn));
    }

    private void requireDrawn(String caseId, Money amount) {
        Money drawn = drawnByCase.getOrDefault(caseId, Money.ZERO);
        if (amount.isGreaterThan(drawn)) {
            throw new IllegalStateException("case " + caseId + " cannot have " + amount + " repaid on " + key
                    + ": only " + drawn + " was drawn for it and not repaid");
        }
    }

    /** The cases keep their own account of what they reserved here; disagreement is a bug, not a client error. */
    private void requireOutstanding(String caseId, Money amount, String action) {
        Money outstanding = outstandingByCase.getOrDefault(caseId, Money.ZERO);
        if (amount.isGreaterThan(outstanding)) {
            throw new IllegalStateException("case " + caseId + " cannot " + action + " " + amount + " on " + key
                    + ": only " + outstanding + " is reserved for it");
        }
    }

    @EventSourcingHandler
    void on(AppropriationAllocated event) {
        appropriationId = event.appropriationId();
        key = new AppropriationKey(event.fund(), event.year());
        frame = event.frame();
    }

    @EventSourcingHandler
    void on(AppropriationReserved event) {
        committed = committed.plus(event.amount());
        outstandingByCase.merge(event.caseId(), event.amount(), Money::plus);
    }

    @EventSourcingHandler
    void on(AppropriationDrawn event) {
        outstandingByCase.computeIfPresent(event.caseId(), (id, left) -> left.minus(event.amount()));
        drawnByCase.merge(event.caseId(), event.amount(), Money::plus);
    }

    /** Paid down: the money is the case's reservation again (released at once by the next event if it ended). */
    @EventSourcingHandler
    void on(AppropriationCredited event) {
        drawnByCase.computeIfPresent(event.caseId(), (id, drawn) -> drawn.minus(event.amount()));
        outstandingByCase.merge(event.caseId(), event.amount(), Money::plus);
    }

    @EventSourcingHandler
    void on(RepaymentReturnedToState event) {
        drawnByCase.computeIfPresent(event.caseId(), (id, drawn) -> drawn.minus(event.amount()));
    }

    @EventSourcingHandler
    void on(AppropriationReleased event) {
        committed = committed.minus(event.amount());
        outstandingByCase.computeIfPresent(event.caseId(), (id, left) -> left.minus(event.amount()));
    }
}
