package se.region.grantledger.web.cases;

import org.springframework.http.ResponseEntity;
import se.region.grantledger.core.model.SupportType;

/**
 * How one kind of case answers a write once the read model shows it (read-your-writes): with the case's own view,
 * and its version as the ETag; 202 if the read model did not catch up in time. Each kind of case has one.
 */
public interface CaseAnswers {

    SupportType type();

    /** The case after the write. */
    ResponseEntity<?> view(String caseId);

    /** The case after a write that moved money in a frame; the frame (and an undertaking) are awaited too. */
    ResponseEntity<?> viewWithLimits(String caseId);

    /** 201 with the id of what the write made inside the case (a payment, a recovery) and the case after it. */
    ResponseEntity<?> created(String caseId, String id);
}
