package se.region.grantledger.projections.project;

import jakarta.persistence.criteria.Join;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Optional;

/** Read side of the project status: one project, or a filtered page of them. */
@Service
@Transactional(readOnly = true)
public class ProjectStatusQueries {

    private final ProjectStatusRepository repository;

    public ProjectStatusQueries(ProjectStatusRepository repository) {
        this.repository = repository;
    }

    public Optional<ProjectStatusRow> find(String projectId) {
        return repository.findById(projectId);
    }

    public Optional<Long> version(String projectId) {
        return repository.findVersion(projectId);
    }

    public Page<ProjectStatusRow> list(ProjectFilter filter, Pageable page) {
        return repository.findAll(matching(filter), page);
    }

    private static Specification<ProjectStatusRow> matching(ProjectFilter filter) {
        return (root, query, cb) -> {
            var conditions = cb.conjunction();
            if (filter.status() != null) {
                conditions = cb.and(conditions, cb.equal(root.get("status"), filter.status()));
            }
            if (filter.decisionYear() != null) {
                conditions = cb.and(conditions, cb.equal(root.get("decisionYear"), filter.decisionYear()));
            }
            if (filter.municipalityScbCode() != null) {
                Join<ProjectStatusRow, String> municipality = root.join("municipalities");
                conditions = cb.and(conditions, cb.equal(municipality, filter.municipalityScbCode()));
            }
            return conditions;
        };
    }
}
