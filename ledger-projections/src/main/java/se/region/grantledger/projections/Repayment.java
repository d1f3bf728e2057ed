package se.region.grantledger.projections;

import se.region.grantledger.core.model.Money;

/**
 * Where a repayment went, as the read models count it (docs/adr/0014): credited back to a frame, or returned to the
 * state. A repayment recorded before repayments reached the frames (its event's revision 1 has neither figure) was
 * taken back by no frame, so all of it counts as returned to the state.
 */
public record Repayment(long creditedOre, long toStateOre) {

    public static Repayment of(Money amount, Money creditedToFrame, Money returnedToState) {
        if (creditedToFrame == null || returnedToState == null) {
            return new Repayment(0, amount.ore());
        }
        return new Repayment(creditedToFrame.ore(), returnedToState.ore());
    }
}
