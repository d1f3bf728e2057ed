package se.region.grantledger.core.api.project;

import org.axonframework.serialization.Revision;
import se.region.grantledger.core.model.Municipality;
import se.region.grantledger.core.model.Organisation;
import se.region.grantledger.core.model.Period;
import se.region.grantledger.core.model.ProjectKind;

import java.util.List;

@Revision("1")
public record ProjectRegistered(String projectId, String diaryNumber, String nypsCaseId, String title,
                                Organisation owner, List<Municipality> municipalities, ProjectKind kind,
                                String goalArea, Period period) {
}
