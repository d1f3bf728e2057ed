package se.region.grantledger.core.model;

/** Why reserved money goes back to the frame. */
public enum ReleaseReason {
    /** An amendment lowered the decided amount. */
    AMENDMENT,
    /** The case was closed with money decided but not paid. */
    CLOSURE,
    /** The decision was withdrawn. */
    WITHDRAWAL,
    /** Money credited back to the frame by a repayment after the case was closed or withdrawn. */
    REPAYMENT_AFTER_END
}
