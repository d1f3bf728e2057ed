package se.region.grantledger.core.model;

/** Where a business-support or commercial-service case stands. */
public enum SupportStatus {
    REGISTERED,
    DECIDED,
    CLOSED,
    WITHDRAWN
}
