package se.region.grantledger.core.rules;

/**
 * The catalogue of the funding rules the ledger enforces when a command arrives (DOMAIN.md, "Rules the ledger
 * enforces"), each with the policy class whose method of the same name checks it: {@link CasePolicy} for what every
 * case shares, {@link ProjectPolicy}, {@link SupportPolicy}, {@link FramePolicy}, {@link DeMinimisPolicy} and, at the door, {@link RequestPolicy}.
 * Situations in which a command does not fit the case's state are listed beside it in {@link Conflict}.
 * Each has a stable code: the REST layer publishes it as the problem type, so clients and reporting jobs can
 * rely on it for years. Never rename a code; add a new rule instead.
 */
public enum Rule {
    CUMULATIVE_PAYMENTS_WITHIN_GRANT("cumulative-payments-within-grant", CasePolicy.class,
            "Cumulative net payments never exceed the decided amount (advances included)"),
    PAYMENT_WITHIN_PAYABLE("payment-within-payable", ProjectPolicy.class,
            "A payout is at most the approved costs times the regional share of the plan, minus what was already paid for them"),
    REGIONAL_SHARE_WITHIN_LIMIT("regional-share-within-limit", ProjectPolicy.class,
            "The 1:1 share is at most the configured percentage of the project's total cost"),
    PLAN_INCLUDES_REGIONAL_FUNDING("plan-includes-regional-funding", ProjectPolicy.class,
            "A grant decision's financing plan has at least one REGIONAL_1_1 line"),
    MINIMUM_MUNICIPALITIES("minimum-municipalities", ProjectPolicy.class,
            "A project reaches at least 3 of the county's municipalities, unless it is a pilot or feasibility study"),
    ONE_OPEN_REQUISITION("one-open-requisition", ProjectPolicy.class,
            "One requisition open at a time per project"),
    REQUISITION_WITHIN_PROJECT_PERIOD("requisition-within-project-period", ProjectPolicy.class,
            "A requisition covers a period inside the project period"),
    IN_KIND_COSTS_NEED_IN_KIND_FINANCING("in-kind-costs-need-in-kind-financing", ProjectPolicy.class,
            "Costs reported in other than money are matched by in-kind financing in the plan"),
    DEDUCTION_WITHIN_REPORTED_COSTS("deduction-within-reported-costs", ProjectPolicy.class,
            "A deduction cannot exceed the costs reported in its category"),
    ADVANCE_WITHIN_LIMITS("advance-within-limits", ProjectPolicy.class,
            "An advance is at most the configured share of the grant and at most the configured amount"),
    AMENDMENT_NOT_BELOW_PAID("amendment-not-below-paid", ProjectPolicy.class,
            "An amended grant is never below what has already been paid"),
    PAYMENT_FROM_GRANT_FUND("payment-from-grant-fund", CasePolicy.class,
            "A case is paid from the fund it was decided from"),
    RECOVERY_WITHIN_PAID("recovery-within-paid", CasePolicy.class,
            "A recovery is at most what was paid and not yet recovered"),
    REPAYMENT_WITHIN_RECOVERY("repayment-within-recovery", CasePolicy.class,
            "A repayment is at most what is still owed on its recovery"),
    DIARY_NUMBER_UNIQUE("diary-number-unique", CasePolicy.class,
            "A diary number identifies one case"),
    DATE_NOT_BEFORE_DECISION("date-not-before-decision", CasePolicy.class,
            "Nothing is paid, requisitioned or amended before the grant decision it rests on"),
    DECIDER_IS_NOT_PREPARER("decider-is-not-preparer", CasePolicy.class,
            "A grant is decided by someone other than the person who prepared it"),
    ATTESTER_IS_NOT_PROPOSER("attester-is-not-proposer", CasePolicy.class,
            "A payment is attested by someone other than the person who proposed it"),
    ATTESTER_DID_NOT_APPROVE_REQUISITION("attester-did-not-approve-requisition", ProjectPolicy.class,
            "The person who approved a requisition does not attest the payment for it"),
    COMMITMENTS_WITHIN_FRAME("commitments-within-frame", FramePolicy.class,
            "Decisions cannot commit more than the fund's appropriation frame for the decision year; decided-but-unpaid money stays reserved"),
    INVESTMENT_GRANT_OUTSIDE_VASTERAS("investment-grant-outside-vasteras", SupportPolicy.class,
            "Investment grants (investeringsbidrag) only to companies outside Västerås"),
    DE_MINIMIS_WITHIN_CAP("de-minimis-within-cap", DeMinimisPolicy.class,
            "De minimis aid to one single undertaking is at most EUR 300 000 over a rolling three years, counted when decided"),
    EXCHANGE_RATE_ON_DECISION_DATE("exchange-rate-on-decision-date", DeMinimisPolicy.class,
            "De minimis aid is converted to euro at the rate registered for the decision's date; without one there is no decision"),
    COMMERCIAL_SERVICE_WITHIN_NET_COST_SHARE("commercial-service-within-net-cost-share", SupportPolicy.class,
            "A commercial-service grant is at most the configured share of the municipality's net cost"),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", RequestPolicy.class,
            "An Idempotency-Key identifies one request");

    private final String code;
    private final Class<?> policy;
    private final String description;

    Rule(String code, Class<?> policy, String description) {
        this.code = code;
        this.policy = policy;
        this.description = description;
    }

    /**
     * The policy class that checks the rule, in a method named after the code ({@code cumulative-payments-within-grant}
     * is {@code CasePolicy.cumulativePaymentsWithinGrant}); {@code RuleCatalogueTest} holds every rule to it.
     */
    public Class<?> policy() {
        return policy;
    }

    public String code() {
        return code;
    }

    public String description() {
        return description;
    }
}
