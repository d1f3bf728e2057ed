package se.region.grantledger.core.appropriation;

import se.region.grantledger.core.model.Money;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What one case has drawn from its frames and not had back, each draw with the frame it came from and the budget
 * year it was paid in, oldest first. A repayment returns the most recent draws first (docs/adr/0014): the part
 * that returns a payment of the repayment's own year is credited back to the frame it came from; the rest, paid in
 * an earlier year, goes to the state. Like {@link Reservations}, the plan is a pure function of this value, so the
 * command handler and the event-sourcing handler always agree.
 */
public record Draws(List<Draw> draws) {

    public static final Draws NONE = new Draws(List.of());

    public Draws {
        draws = List.copyOf(draws);
    }

    /** Money paid from one frame in one budget year. */
    public record Draw(String appropriationId, int year, Money amount) {
    }

    /**
     * A part of a repayment: back to the frame it was drawn from ({@code credited}), or to the state; with no frame
     * for money paid before the case kept its draws (payments before 2026-11-28 are read back as draws, so only a
     * case's inconsistent history would leave some).
     */
    public record Returned(String appropriationId, Money amount, boolean credited) {
    }

    public Draws drawn(List<Reservations.Share> shares, int year) {
        List<Draw> next = new ArrayList<>(draws);
        shares.forEach(share -> next.add(new Draw(share.appropriationId(), year, share.amount())));
        return new Draws(next);
    }

    /** Newest first; what is not covered by draws (paid before draws were recorded) returns to no frame. */
    public List<Returned> returnPlan(Money amount, int repaidInYear) {
        List<Returned> plan = new ArrayList<>();
        Money left = amount;
        List<Draw> newestFirst = new ArrayList<>(draws);
        Collections.reverse(newestFirst);
        for (Draw draw : newestFirst) {
            if (left.isZero()) {
                break;
            }
            Money returned = left.min(draw.amount());
            plan.add(new Returned(draw.appropriationId(), returned, draw.year() == repaidInYear));
            left = left.minus(returned);
        }
        if (!left.isZero()) {
            plan.add(new Returned(null, left, false));
        }
        return plan;
    }

    /** The draws after a repayment's plan: each part taken from the newest draw of its frame. */
    public Draws without(List<Returned> plan) {
        List<Draw> next = new ArrayList<>(draws);
        for (Returned part : plan) {
            Money left = part.amount();
            for (int i = next.size() - 1; i >= 0 && !left.isZero(); i--) {
                Draw draw = next.get(i);
                if (draw.appropriationId().equals(part.appropriationId())) {
                    Money taken = left.min(draw.amount());
                    left = left.minus(taken);
                    next.set(i, new Draw(draw.appropriationId(), draw.year(), draw.amount().minus(taken)));
                }
            }
        }
        next.removeIf(draw -> draw.amount().isZero());
        return new Draws(next);
    }

    public static Money credited(List<Returned> plan) {
        return Money.sum(plan.stream().filter(Returned::credited).map(Returned::amount).toList());
    }

    public static Money toState(List<Returned> plan) {
        return Money.sum(plan.stream().filter(part -> !part.credited()).map(Returned::amount).toList());
    }
}
