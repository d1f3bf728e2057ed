package se.region.grantledger.core.model;

/** Where a project is in its life: registered, granted (money may move), then closed or withdrawn. */
public enum ProjectStatus {
    REGISTERED,
    GRANTED,
    CLOSED,
    WITHDRAWN
}
