package se.region.grantledger.projections;

import java.util.List;

/**
 * A projection whose one stream an auditor's read at other times can replay (docs/audit.md): it names the tables it
 * writes, copied empty inside the replay's rolled-back transaction before the stream's events are fed to it again.
 */
public interface ReplayableProjection {

    /** Every table the projection writes, children before parents. */
    List<String> tables();
}
