package se.region.grantledger.core.rules;

import se.region.grantledger.core.model.BusinessSupportType;
import se.region.grantledger.core.model.Company;
import se.region.grantledger.core.model.Fund;
import se.region.grantledger.core.model.Money;
import se.region.grantledger.core.model.Municipality;

import java.math.BigInteger;

/**
 * The rules of business support and commercial service that projects do not have, one named check each. A check
 * returns quietly or throws a refusal naming the rule and the numbers; it never changes state.
 */
public final class SupportPolicy {

    private SupportPolicy() {
    }

    /** Tillväxtverket's money is passed on only as its own checks (DOMAIN.md). */
    public static void fundForSupportType(BusinessSupportType type, Fund fund) {
        if (!type.mayBeFundedFrom(fund)) {
            throw new InvalidValue("fund-not-for-support-type", type + " cannot be decided from " + fund
                    + "; Tillväxtverket's money is passed on only as digitalisation and internationalisation checks");
        }
    }

    /** 002, section 1.1.4: investment grants go to the county's smaller municipalities only. */
    public static void investmentGrantOutsideVasteras(BusinessSupportType type, Company company) {
        if (type == BusinessSupportType.INVESTMENT_GRANT && company.municipality() == Municipality.VASTERAS) {
            throw new RuleViolation(Rule.INVESTMENT_GRANT_OUTSIDE_VASTERAS, "company " + company.name() + " ("
                    + company.organisationNumber() + ") is in Västerås; investment grants go only to companies in"
                    + " the county's other municipalities",
                    Figures.of("supportType", type, "municipality", company.municipality().scbCode()));
        }
    }

    /** amount / net cost ≤ max %, compared in integers: amount × 100 ≤ max × net cost. */
    public static void commercialServiceWithinNetCostShare(Money amount, Money netCost, int maxPercent,
                                                           String caseName) {
        BigInteger amountTimes100 = BigInteger.valueOf(amount.ore()).multiply(BigInteger.valueOf(100));
        BigInteger maxTimesNetCost = BigInteger.valueOf(netCost.ore()).multiply(BigInteger.valueOf(maxPercent));
        if (amountTimes100.compareTo(maxTimesNetCost) > 0) {
            Money allowed = netCost.percentRoundedDown(maxPercent);
            throw new RuleViolation(Rule.COMMERCIAL_SERVICE_WITHIN_NET_COST_SHARE, "a grant of " + amount
                    + " is more than " + maxPercent + " % of the net cost " + netCost + " on " + caseName
                    + " (at most " + allowed + ")",
                    Figures.of("amount", amount, "netCost", netCost, "maxSharePercent", maxPercent, "maxAmount", allowed));
        }
    }
}
