package se.region.grantledger.projections.leak;

import se.region.grantledger.core.model.Money;
import se.region.grantledger.core.project.Project;

/** A leak put back on purpose for ModuleBoundariesTest: a projection that reaches into an aggregate. */
public class ProjectionThatReadsAnAggregate {

    public Money granted(Project project) {
        return project == null ? Money.ZERO : Money.ZERO;
    }
}
