package se.region.grantledger.core.model;

/** Kinds of support to commercial service in sparsely populated areas (förordning 2000:284). */
public enum CommercialServiceType {
    /** Hemsändningsbidrag: a municipality's home delivery of groceries. */
    HOME_DELIVERY,
    OTHER
}
