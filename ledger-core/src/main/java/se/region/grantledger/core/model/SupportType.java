package se.region.grantledger.core.model;

/** The three ways the region spends 1:1 money (DOMAIN.md, "Money and where it comes from"). */
public enum SupportType {
    PROJECT,
    BUSINESS_SUPPORT,
    COMMERCIAL_SERVICE
}
