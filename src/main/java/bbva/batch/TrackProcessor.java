package bbva.batch;

import bbva.track.Tracker;
import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Processor of step "track": runs the step's tracker (restored from the checkpoint by {@link TrackWriter}) over one frame. */
@Named("trackProcessor")
@Dependent
public class TrackProcessor implements ItemProcessor {
    @Inject
    StepContext stepContext;

    @Override
    public Object processItem(Object item) {
        TrackFrame frame = (TrackFrame) item;
        FaultPoints.reach("track.frame." + frame.frame());
        Tracker tracker = StepResources.of(stepContext).require(Tracker.class);
        if (frame.cut()) {
            tracker.cut();
        }
        return new TrackFrame(frame.frame(), tracker.update(frame.frame(), frame.people()), frame.cut());
    }
}
