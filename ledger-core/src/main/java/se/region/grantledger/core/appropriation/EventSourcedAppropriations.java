package se.region.grantledger.core.appropriation;

import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import se.region.grantledger.core.model.AppropriationKey;
import se.region.grantledger.core.model.Money;
import se.region.grantledger.core.model.ReleaseReason;
import se.region.grantledger.core.model.SupportType;
import se.region.grantledger.core.rules.FramePolicy;

import java.time.LocalDate;
import java.util.function.Supplier;

/**
 * The ledger of frames over Axon's repository of {@link Appropriation}s. Loading an aggregate inside a command's
 * unit of work takes its lock and enlists its events in that unit of work, which is what makes a decision and
 * its reservation one transaction. The repository comes through a supplier because Axon builds repositories
 * after the beans their command handlers need.
 */
public class EventSourcedAppropriations implements AppropriationLedger {

    private final Supplier<Repository<Appropriation>> repository;

    public EventSourcedAppropriations(Supplier<Repository<Appropriation>> repository) {
        this.repository = repository;
    }

    @Override
    public void reserve(AppropriationKey appropriation, String caseId, SupportType type, Money amount,
                        LocalDate decisionDate) {
        Aggregate<Appropriation> frame;
        try {
            frame = repository.get().load(appropriation.id());
        } catch (AggregateNotFoundException noFrame) {
            FramePolicy.commitmentsWithinFrame(appropriation, null, Money.ZERO, amount);
            return;
        }
        frame.execute(it -> it.reserve(caseId, type, amount, decisionDate));
    }

    @Override
    public void draw(String appropriationId, String caseId, Money amount, LocalDate paymentDate) {
        repository.get().load(appropriationId).execute(it -> it.draw(caseId, amount, paymentDate));
    }

    @Override
    public void release(String appropriationId, String caseId, Money amount, ReleaseReason reason,
                        LocalDate releasedOn) {
        repository.get().load(appropriationId).execute(it -> it.release(caseId, amount, reason, releasedOn));
    }

    @Override
    public void credit(String appropriationId, String caseId, Money amount, LocalDate receivedOn, boolean caseOpen) {
        repository.get().load(appropriationId).execute(it -> it.credit(caseId, amount, receivedOn, caseOpen));
    }

    @Override
    public void returnToState(String appropriationId, String caseId, Money amount, LocalDate receivedOn) {
        repository.get().load(appropriationId).execute(it -> it.returnToState(caseId, amount, receivedOn));
    }
}
