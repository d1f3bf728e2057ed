package se.region.grantledger.projections.project;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import java.util.Optional;

public interface ProjectStatusRepository extends JpaRepository<ProjectStatusRow, String>,
        JpaSpecificationExecutor<ProjectStatusRow> {

    /** The version alone, without loading the row: the API polls this while it waits for its own write. */
    @Query("select p.version from ProjectStatusRow p where p.projectId = :projectId")
    Optional<Long> findVersion(@Param("projectId") String projectId);
}
