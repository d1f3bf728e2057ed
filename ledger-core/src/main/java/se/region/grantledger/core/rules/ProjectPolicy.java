package se.region.grantledger.core.rules;

import se.region.grantledger.core.model.FinancingPlan;
import se.region.grantledger.core.model.Fund;
import se.region.grantledger.core.model.FundingForm;
import se.region.grantledger.core.model.Money;
import se.region.grantledger.core.model.Period;
import se.region.grantledger.core.model.ProjectKind;

import java.math.BigInteger;
import java.time.LocalDate;

/**
 * The funding rules of a project grant, one named check each. A check returns quietly or throws a
 * {@link RuleViolation} that names the rule, the project and the numbers; it never changes state.
 */
public final class ProjectPolicy {

    /** DOMAIN.md: a project reaches at least 3 of the county's municipalities. */
    public static final int MIN_MUNICIPALITIES = 3;

    private ProjectPolicy() {
    }

    public static void planIncludesRegionalFunding(FinancingPlan plan, String diaryNumber) {
        if (plan.regional11().isZero()) {
            throw new RuleViolation(Rule.PLAN_INCLUDES_REGIONAL_FUNDING,
                    "the financing plan of project " + diaryNumber + " has no REGIONAL_1_1 line",
                    Figures.of("regional11", Money.ZERO, "total", plan.total()));
        }
    }

    /** regional / total ≤ max %, compared in integers: regional × 100 ≤ max × total. */
    public static void regionalShareWithinLimit(FinancingPlan plan, FundingLimits limits, String diaryNumber) {
        BigInteger regionalTimes100 = BigInteger.valueOf(plan.regional11().ore()).multiply(BigInteger.valueOf(100));
        BigInteger maxTimesTotal = BigInteger.valueOf(plan.total().ore())
                .multiply(BigInteger.valueOf(limits.maxRegionalSharePercent()));
        if (regionalTimes100.compareTo(maxTimesTotal) > 0) {
            Money allowed = plan.total().percentRoundedDown(limits.maxRegionalSharePercent());
            throw new RuleViolation(Rule.REGIONAL_SHARE_WITHIN_LIMIT,
                    "1:1 funding " + plan.regional11() + " is more than " + limits.maxRegionalSharePercent()
                            + " % of the total budget " + plan.total() + " of project " + diaryNumber
                            + " (at most " + allowed + ")",
                    Figures.of("regional11", plan.regional11(), "total", plan.total(),
                            "maxSharePercent", limits.maxRegionalSharePercent(), "maxRegional11", allowed));
        }
    }

    public static void minimumMunicipalities(ProjectKind kind, int municipalities, String diaryNumber) {
        if (!kind.mayReachFewerMunicipalities() && municipalities < MIN_MUNICIPALITIES) {
            throw new RuleViolation(Rule.MINIMUM_MUNICIPALITIES,
                    "project " + diaryNumber + " reaches " + municipalities + " municipalities; a " + kind
                            + " must reach at least " + MIN_MUNICIPALITIES + " (pilots and feasibility studies excepted)",
                    Figures.of("municipalities", municipalities, "minimum", MIN_MUNICIPALITIES, "kind", kind));
        }
    }

    public static void paymentWithinPayable(Money payment, Money payable, Money paidOnRequisition, String requisitionId,
                                     String diaryNumber) {
        Money stillPayable = payable.minusOrZero(paidOnRequisition);
        if (payment.isGreaterThan(stillPayable)) {
            throw new RuleViolation(Rule.PAYMENT_WITHIN_PAYABLE,
                    "payment " + payment + " exceeds the " + stillPayable + " still payable on requisition "
                            + requisitionId + " of project " + diaryNumber,
                    Figures.of("payment", payment, "payable", payable, "alreadyPaid", paidOnRequisition,
                            "stillPayable", stillPayable));
        }
    }

    public static void advanceWithinLimits(Money advance, Money advancesPaid, Money granted, FundingLimits limits,
                                    String diaryNumber) {
        Money byShare = granted.percentRoundedDown(limits.maxAdvanceSharePercent());
        Money limit = byShare.min(limits.maxAdvanceAmount());
        if (advancesPaid.plus(advance).isGreaterThan(limit)) {
            throw new RuleViolation(Rule.ADVANCE_WITHIN_LIMITS,
                    "advance " + advance + " would take advances on project " + diaryNumber + " to "
                            + advancesPaid.plus(advance) + ", above the limit " + limit + " (" + limits.maxAdvanceSharePercent()
                            + " % of the grant " + granted + " is " + byShare + "; the cap is " + limits.maxAdvanceAmount() + ")",
                    Figures.of("advance", advance, "advancesAlreadyPaid", advancesPaid, "granted", granted,
                            "maxSharePercent", limits.maxAdvanceSharePercent(), "maxAmount", limits.maxAdvanceAmount(),
                            "limit", limit));
        }
    }

    public static void amendmentNotBelowPaid(Money newGranted, Money netPaid, String diaryNumber) {
        if (netPaid.isGreaterThan(newGranted)) {
            throw new RuleViolation(Rule.AMENDMENT_NOT_BELOW_PAID,
                    "amended grant " + newGranted + " is below the " + netPaid + " already paid to project " + diaryNumber,
                    Figures.of("amendedGrant", newGranted, "alreadyPaid", netPaid));
        }
    }

    public static void requisitionWithinProjectPeriod(Period requisitionPeriod, Period projectPeriod, String diaryNumber) {
        if (!projectPeriod.contains(requisitionPeriod)) {
            throw new RuleViolation(Rule.REQUISITION_WITHIN_PROJECT_PERIOD,
                    "requisition period " + requisitionPeriod + " is not inside the period " + projectPeriod
                            + " of project " + diaryNumber,
                    Figures.of("requisitionPeriod", requisitionPeriod.toString(), "projectPeriod", projectPeriod.toString()));
        }
    }

    public static void oneOpenRequisition(String openRequisitionId, String diaryNumber) {
        if (openRequisitionId != null) {
            throw new RuleViolation(Rule.ONE_OPEN_REQUISITION,
                    "project " + diaryNumber + " already has requisition " + openRequisitionId
                            + " open; approve or reject it first",
                    Figures.of("openRequisitionId", openRequisitionId));
        }
    }

    /** In-kind costs reported so far (this requisition included) may not exceed the plan's in-kind financing. */
    public static void inKindCostsNeedInKindFinancing(Money inKindReported, Money inKindReportedBefore, FinancingPlan plan,
                                               String diaryNumber) {
        Money inKindFinancing = plan.ofForm(FundingForm.IN_KIND);
        Money cumulative = inKindReportedBefore.plus(inKindReported);
        if (cumulative.isGreaterThan(inKindFinancing)) {
            throw new RuleViolation(Rule.IN_KIND_COSTS_NEED_IN_KIND_FINANCING,
                    "in-kind costs " + cumulative + " reported on project " + diaryNumber
                            + " exceed the in-kind financing " + inKindFinancing + " in its plan",
                    Figures.of("inKindCosts", inKindReported, "inKindCostsBefore", inKindReportedBefore,
                            "inKindFinancing", inKindFinancing));
        }
    }

    public static void deductionWithinReportedCosts(Object category, Money deducted, Money reported, String requisitionId) {
        if (deducted.isGreaterThan(reported)) {
            throw new RuleViolation(Rule.DEDUCTION_WITHIN_REPORTED_COSTS,
                    "deductions of " + deducted + " from " + category + " exceed the " + reported
                            + " reported in that category on requisition " + requisitionId,
                    Figures.of("category", category, "deducted", deducted, "reported", reported));
        }
    }

    public static void attesterDidNotApproveRequisition(String attester, String approver, String requisitionId) {
        if (attester.equals(approver)) {
            throw new RuleViolation(Rule.ATTESTER_DID_NOT_APPROVE_REQUISITION,
                    attester + " approved requisition " + requisitionId + " and cannot also attest its payment",
                    Figures.of("attester", attester, "approvedBy", approver, "requisitionId", requisitionId));
        }
    }
}
