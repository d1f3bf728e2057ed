package se.region.grantledger.core.model;

/** The money a payment is drawn from. Every payment names one. */
public enum Fund {
    /** Anslag 1:1 Regionala tillväxtåtgärder, the state appropriation the region decides over. */
    REGIONAL_1_1,
    /** Regionala utvecklingsmedel: the region's own development funds. */
    REGIONAL_DEVELOPMENT,
    /** Tillväxtverket's checks that the region passes on (not 1:1 money). */
    TILLVAXTVERKET
}
