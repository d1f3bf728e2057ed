package se.region.grantledger.core.rules;

import se.region.grantledger.core.model.Money;

/**
 * The limits DOMAIN.md marks "configurable". Injected into the aggregates' command handlers, so a region can
 * change them by configuration without touching code or history.
 *
 * @param maxRegionalSharePercent          the 1:1 share of a project's total cost (Region Västmanland's rules: 50 %)
 * @param maxAdvanceSharePercent           an advance as a share of the grant (förordning 2003:596 §11: half)
 * @param maxAdvanceAmount                 an advance in kronor (förordning 2003:596 §11: SEK 400 000)
 * @param maxCommercialServiceSharePercent a commercial-service grant as a share of the municipality's net cost
 *                                         (förordning 2000:284: 50 %)
 */
public record FundingLimits(int maxRegionalSharePercent, int maxAdvanceSharePercent, Money maxAdvanceAmount,
                            int maxCommercialServiceSharePercent) {

    public static final FundingLimits DEFAULTS = new FundingLimits(50, 50, Money.ofKronor(400_000), 50);

    public FundingLimits {
        if (outsidePercent(maxRegionalSharePercent) || outsidePercent(maxAdvanceSharePercent)
                || outsidePercent(maxCommercialServiceSharePercent)) {
            throw new IllegalArgumentException("percentages lie between 0 and 100");
        }
    }

    private static boolean outsidePercent(int percent) {
        return percent < 0 || percent > 100;
    }
}
