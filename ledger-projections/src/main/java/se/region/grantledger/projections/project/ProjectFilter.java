package se.region.grantledger.projections.project;

import se.region.grantledger.core.model.ProjectStatus;

/** Optional criteria for listing projects; a null field does not filter. */
public record ProjectFilter(ProjectStatus status, Integer decisionYear, String municipalityScbCode) {
}
