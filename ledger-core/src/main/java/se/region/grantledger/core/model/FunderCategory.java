package se.region.grantledger.core.model;

/** Where a project's co-financing comes from, as the region reports it (DOMAIN.md, "Money and where it comes from"). */
public enum FunderCategory {
    /** The region's decision from the state appropriation 1:1: the krona leverage is measured against. */
    REGIONAL_1_1,
    /** The region's own development funds and staff time. */
    REGIONAL_OWN,
    /** Europeiska regionala utvecklingsfonden via Tillväxtverket; reported under Tillväxtverket as "EU". */
    ERUF,
    /** Tillväxtverket's national funds; reported under Tillväxtverket as "national". */
    TILLVAXTVERKET_NATIONAL,
    VINNOVA,
    /** The county's municipalities, very often as staff time ("kommunal tid"). */
    MUNICIPALITY,
    OTHER_REGION,
    /** Universities, Energimyndigheten, ESF and other public bodies. */
    OTHER_PUBLIC,
    PRIVATE
}
