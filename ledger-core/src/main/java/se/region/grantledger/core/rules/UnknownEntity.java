package se.region.grantledger.core.rules;

import java.util.Map;

/** The command names something inside a case (a requisition, a recovery) that the case does not have. */
public class UnknownEntity extends DomainException {

    public UnknownEntity(String what, String id, String caseId) {
        super("unknown-" + what, "no " + what + " " + id + " on case " + caseId, Map.of(what + "Id", id, "caseId", caseId));
    }
}
