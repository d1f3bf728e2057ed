package se.region.grantledger.core.model;

/** Cash, or a public contribution in other than money (offentligt bidrag i annat än pengar: staff time, premises). */
public enum FundingForm {
    CASH,
    IN_KIND
}
