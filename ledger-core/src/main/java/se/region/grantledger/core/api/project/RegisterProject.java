package se.region.grantledger.core.api.project;

import se.region.grantledger.core.model.Municipality;
import se.region.grantledger.core.model.Organisation;
import se.region.grantledger.core.model.Period;
import se.region.grantledger.core.model.ProjectKind;

import java.util.Set;

/** Register a project before any grant is decided for it. {@code nypsCaseId} may be null. */
public record RegisterProject(String projectId, String diaryNumber, String nypsCaseId, String title,
                              Organisation owner, Set<Municipality> municipalities, ProjectKind kind,
                              String goalArea, Period period) {
}
