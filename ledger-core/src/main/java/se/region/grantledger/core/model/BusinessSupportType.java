package se.region.grantledger.core.model;

/** The kinds of regional business support (regionala företagsstöd) to companies. */
public enum BusinessSupportType {
    /** Investeringsbidrag: only to companies outside Västerås (002, section 1.1.4). */
    INVESTMENT_GRANT,
    /** Konsultcheck. */
    CONSULTANCY_CHECK,
    /** Innovationsstöd. */
    INNOVATION_SUPPORT,
    /** Affärsutvecklingscheck for digitalisation; the region may pass on Tillväxtverket's money for it. */
    DIGITALISATION_CHECK,
    /** Affärsutvecklingscheck for internationalisation; the region may pass on Tillväxtverket's money for it. */
    INTERNATIONALISATION_CHECK;

    /** Which funds a support of this type may be decided from. */
    public boolean mayBeFundedFrom(Fund fund) {
        return switch (fund) {
            case REGIONAL_1_1 -> true;
            case TILLVAXTVERKET -> this == DIGITALISATION_CHECK || this == INTERNATIONALISATION_CHECK;
            case REGIONAL_DEVELOPMENT -> false;
        };
    }
}
