package se.region.grantledger.core.appropriation;

import se.region.grantledger.core.model.Money;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one case has reserved and not yet drawn or released, per appropriation, oldest first. A case usually
 * has one; an amendment that raises a grant reserves in its own decision year and adds another.
 * <p>
 * Payments draw from the oldest reservation first; a lower amendment releases from the newest first; closure
 * and withdrawal release everything left. The plans are pure functions of this value, so a command handler
 * (which tells the ledger) and an event-sourcing handler (which updates this value) always agree.
 */
public record Reservations(Map<String, Money> outstanding) {

    public static final Reservations NONE = new Reservations(Map.of());

    public Reservations {
        outstanding = Collections.unmodifiableMap(new LinkedHashMap<>(outstanding));
    }

    /** An amount taken from, or given to, one appropriation. */
    public record Share(String appropriationId, Money amount) {
    }

    public Reservations reserved(String appropriationId, Money amount) {
        Map<String, Money> next = new LinkedHashMap<>(outstanding);
        next.merge(appropriationId, amount, Money::plus);
        return new Reservations(next);
    }

    public Money total() {
        return Money.sum(outstanding.values());
    }

    /**
     * Oldest first. Since repayments reach the frames (docs/adr/0014) a payment never exceeds what is reserved: the
     * cumulative rule keeps it within the case's remaining, which equals its reservations. Only history recorded
     * before then (money repaid and paid again while no frame took repayments back) can exceed them; that part
     * draws on nothing, as it did when it was recorded.
     */
    public List<Share> drawPlan(Money amount) {
        return take(amount, new ArrayList<>(outstanding.keySet()));
    }

    /** Newest first: an amendment gives back what it or a later amendment added before the original decision. */
    public List<Share> releasePlan(Money amount) {
        List<String> newestFirst = new ArrayList<>(outstanding.keySet());
        Collections.reverse(newestFirst);
        return take(amount, newestFirst);
    }

    public List<Share> releaseAllPlan() {
        return take(total(), new ArrayList<>(outstanding.keySet()));
    }

    public Reservations without(List<Share> shares) {
        Map<String, Money> next = new LinkedHashMap<>(outstanding);
        shares.forEach(share -> next.computeIfPresent(share.appropriationId(), (id, left) -> left.minus(share.amount())));
        next.values().removeIf(Money::isZero);
        return new Reservations(next);
    }

    private List<Share> take(Money amount, List<String> order) {
        List<Share> shares = new ArrayList<>();
        Money left = amount;
        for (String id : order) {
            if (left.isZero()) {
                break;
            }
            Money taken = left.min(outstanding.get(id));
            if (!taken.isZero()) {
                shares.add(new Share(id, taken));
                left = left.minus(taken);
            }
        }
        return shares;
    }
}
