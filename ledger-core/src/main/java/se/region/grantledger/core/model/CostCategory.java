package se.region.grantledger.core.model;

/** The cost categories a requisition reports, as in Tillväxtverket's budget template. */
public enum CostCategory {
    STAFF,
    EXTERNAL_SERVICES,
    TRAVEL,
    INVESTMENTS,
    FLAT_RATE_INDIRECT,
    /** Costs in other than money (staff time, premises); must be matched by in-kind financing. */
    IN_KIND
}
