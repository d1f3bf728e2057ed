package se.region.grantledger.core.model;

/** Why reserved money goes back to the frame. */
public enum ReleaseReason {
    /** An amendment lowered the decided amount. */
    AMENDMENT,
    /** The case was closed with money decided but not paid. */
    CLOSURE,
    /** The decision was withdrawn. */
    WITHDRAWAL
}
