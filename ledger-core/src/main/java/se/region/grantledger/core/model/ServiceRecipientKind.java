package se.region.grantledger.core.model;

/** Who receives commercial-service support. */
public enum ServiceRecipientKind {
    MUNICIPALITY,
    SHOP
}
