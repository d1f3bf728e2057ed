package se.region.grantledger.web.project;

/** No project with this id. */
public class ProjectNotFound extends RuntimeException {

    private final String projectId;

    public ProjectNotFound(String projectId) {
        super("no project " + projectId, null, false, false);
        this.projectId = projectId;
    }

    public String projectId() {
        return projectId;
    }
}
