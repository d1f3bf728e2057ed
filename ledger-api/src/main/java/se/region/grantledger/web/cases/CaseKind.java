package se.region.grantledger.web.cases;

import se.region.grantledger.core.model.SupportType;

import java.util.Arrays;

/** The kinds of case as the API's paths name them: {@code /api/projects}, {@code /api/business-supports}, {@code /api/commercial-service-grants}. */
enum CaseKind {
    PROJECTS("projects", SupportType.PROJECT),
    BUSINESS_SUPPORTS("business-supports", SupportType.BUSINESS_SUPPORT),
    COMMERCIAL_SERVICE_GRANTS("commercial-service-grants", SupportType.COMMERCIAL_SERVICE);

    /** The path segment pattern that matches exactly these kinds, for request mappings. */
    static final String PATH = "/api/{kind:projects|business-supports|commercial-service-grants}/{caseId}";

    private final String segment;
    private final SupportType type;

    CaseKind(String segment, SupportType type) {
        this.segment = segment;
        this.type = type;
    }

    static CaseKind ofSegment(String segment) {
        return Arrays.stream(values()).filter(kind -> kind.segment.equals(segment)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no kind of case at /api/" + segment));
    }

    String segment() {
        return segment;
    }

    SupportType type() {
        return type;
    }
}
