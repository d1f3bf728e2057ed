package se.region.grantledger.projections;

import java.util.List;

/**
 * A projection an auditor's as-of read can replay (docs/audit.md): it names the tables it writes, emptied inside the
 * replay's rolled-back transaction before the recorded events are fed to it again, and the views over them that the
 * replay must keep.
 */
public interface ReplayableProjection {

    /** Every table the projection writes, children before parents. */
    List<String> tables();

    /** Views over those tables, recreated in the replay's transaction. */
    default List<String> views() {
        return List.of();
    }
}
