package se.region.grantledger.core.rules;

import java.util.Map;

/** The command names something inside a case (a requisition, a recovery) that the case does not have. */
public class UnknownEntity extends DomainException {

    public UnknownEntity(String what, String id, String caseId) {
        super("unknown-" + what, "no " + what + " " + id + " on case " + caseId, Map.of(what + "Id", id, "caseId", caseId));
    }

    private UnknownEntity(String code, String message, Map<String, Object> figures) {
        super(code, message, figures);
    }

    /** The id names a case of another kind than the request expected (a project's id on a business-support path). */
    public static UnknownEntity caseOf(String expectedType, String caseId) {
        return new UnknownEntity("unknown-case", "no " + expectedType.toLowerCase().replace('_', ' ') + " " + caseId,
                Map.of("caseId", caseId, "expectedCaseType", expectedType));
    }
}
