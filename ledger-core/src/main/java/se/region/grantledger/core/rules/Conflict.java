package se.region.grantledger.core.rules;

/**
 * Every situation in which a command does not fit the state it finds, one code per situation, the same code in
 * every kind of case (docs/rules.md lists them with the rules). The REST layer publishes the code as the problem
 * {@code type} with status 409 (412 for a stale version). Never rename a code; add a new one instead.
 */
public enum Conflict {
    ALREADY_DECIDED("already-decided", "The case is already decided; a decision is made once, later changes are amendments"),
    NOT_DECIDED("not-decided", "Nothing is decided on the case yet, so nothing can be paid, recovered, closed or withdrawn"),
    CASE_CLOSED("case-closed", "The case is closed"),
    CASE_WITHDRAWN("case-withdrawn", "The decision on the case is withdrawn"),
    NO_GRANT_PROPOSAL("no-grant-proposal", "A project's grant is decided on a proposal a case officer prepared first"),
    PAYMENT_ALREADY_MADE("payment-already-made", "A payment id is proposed and attested once"),
    PAYMENT_AWAITING_ATTESTATION("payment-awaiting-attestation", "A case with a payment awaiting attestation is not closed"),
    ADVANCE_NOT_ALLOWED("advance-not-allowed", "Advances are paid on project grants only"),
    RECOVERY_ALREADY_DECIDED("recovery-already-decided", "A recovery id is decided once"),
    REQUISITION_ALREADY_SUBMITTED("requisition-already-submitted", "A requisition id is submitted once"),
    REQUISITION_ALREADY_DECIDED("requisition-already-decided", "A requisition is approved or rejected once"),
    REQUISITION_NOT_APPROVED("requisition-not-approved", "Only an approved requisition is paid"),
    OPEN_REQUISITION("open-requisition", "A project with an open requisition is not closed"),
    APPROVED_REQUISITION_UNPAID("approved-requisition-unpaid", "A project with an approved requisition not fully paid is not closed"),
    AID_ALREADY_DECLARED("aid-already-declared", "Other de minimis aid is declared once per id"),
    COMPANY_ALREADY_IN_UNDERTAKING("company-already-in-undertaking", "A company joins its single undertaking once"),
    COMPANY_IN_ANOTHER_UNDERTAKING("company-in-another-undertaking", "A company belongs to one single undertaking"),
    COMPANY_WITHOUT_UNDERTAKING("company-without-undertaking", "Business support is decided for a company registered in a single undertaking"),
    EXCHANGE_RATE_ALREADY_REGISTERED("exchange-rate-already-registered", "One exchange rate per currency and day"),
    UNDERTAKING_ID_TAKEN("undertaking-id-taken", "An id names one stream of one kind"),
    IDEMPOTENCY_KEY_IN_PROGRESS("idempotency-key-in-progress", "A request sent again while the first with its Idempotency-Key still runs waits for it; after a while it is refused"),
    STALE_VERSION("stale-version", "A write that names the version it read (If-Match) finds the case still at it");

    private final String code;
    private final String description;

    Conflict(String code, String description) {
        this.code = code;
        this.description = description;
    }

    public String code() {
        return code;
    }

    public String description() {
        return description;
    }
}
