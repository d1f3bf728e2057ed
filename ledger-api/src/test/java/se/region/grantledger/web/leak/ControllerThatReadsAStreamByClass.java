package se.region.grantledger.web.leak;

import se.region.grantledger.core.appropriation.Appropriation;

/** A leak put back on purpose for ModuleBoundariesTest: a stream named by its aggregate class. */
public class ControllerThatReadsAStreamByClass {

    public String streamType() {
        return Appropriation.class.getSimpleName();
    }
}
