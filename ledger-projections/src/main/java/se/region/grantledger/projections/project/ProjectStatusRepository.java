package se.region.grantledger.projections.project;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.Optional;

public interface ProjectStatusRepository extends JpaRepository<ProjectStatusRow, String>,
        JpaSpecificationExecutor<ProjectStatusRow> {

    /**
     * The row, locked until the handler's transaction ends. A segment can briefly be processed by two instances
     * (a claim taken over after it timed out); the lock makes the second wait and then see the first's change,
     * instead of both reading the same row and one overwriting the other.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from ProjectStatusRow p where p.projectId = :projectId")
    Optional<ProjectStatusRow> findForUpdate(@Param("projectId") String projectId);

    /** The version alone, without loading the row: the API polls this while it waits for its own write. */
    @Query("select p.version from ProjectStatusRow p where p.projectId = :projectId")
    Optional<Long> findVersion(@Param("projectId") String projectId);
}
