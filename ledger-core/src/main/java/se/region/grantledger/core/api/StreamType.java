package se.region.grantledger.core.api;

/**
 * The aggregate {@code type} each kind of event stream is stored under, as readers name streams (an auditor's
 * {@code /events} view, the audit export, reporting SQL). They are the aggregates' simple class names, as they have
 * been since each stream's first event; {@code StreamTypeTest} holds them to the classes. Never change one.
 */
public final class StreamType {

    public static final String PROJECT = "Project";
    public static final String BUSINESS_SUPPORT = "BusinessSupport";
    public static final String COMMERCIAL_SERVICE_GRANT = "CommercialServiceGrant";
    public static final String APPROPRIATION = "Appropriation";
    public static final String UNDERTAKING = "Undertaking";
    public static final String EXCHANGE_RATES = "ExchangeRates";

    private StreamType() {
    }
}
