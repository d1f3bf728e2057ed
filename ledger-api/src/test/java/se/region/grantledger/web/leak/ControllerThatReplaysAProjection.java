package se.region.grantledger.web.leak;

import se.region.grantledger.projections.project.ProjectStatusProjection;

/** A leak put back on purpose for ModuleBoundariesTest: the web layer driving a projection's handlers itself. */
public class ControllerThatReplaysAProjection {

    private final ProjectStatusProjection projection;

    public ControllerThatReplaysAProjection(ProjectStatusProjection projection) {
        this.projection = projection;
    }

    public Object projection() {
        return projection;
    }
}
