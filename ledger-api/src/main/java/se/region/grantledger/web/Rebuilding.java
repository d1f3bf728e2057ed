package se.region.grantledger.web;

import se.region.grantledger.infrastructure.axon.ProjectionRebuild.Progress;

/** The read models are being rebuilt: a report now would show partial figures, so none is served (503). */
public class Rebuilding extends RuntimeException {

    private final transient Progress progress;

    public Rebuilding(Progress progress) {
        super("the projections are being rebuilt from the event store (" + progress.processed() + " of "
                + progress.total() + " events); the reports are served again when it is done", null, false, false);
        this.progress = progress;
    }

    public Progress progress() {
        return progress;
    }
}
