package bbva.batch.track;

import bbva.AnalysisException;
import bbva.detect.Detection;
import bbva.BatchPlan;
import bbva.batch.faults.FaultPoints;
import bbva.batch.JobParameters;
import bbva.batch.track.TrackFrame;
import bbva.store.Store;
import bbva.store.TrackerSnapshot;
import bbva.store.VideoEntity;
import bbva.track.Tracker;
import bbva.track.TrackerSettings;
import bbva.track.TrackerStateFormat;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Writer of step "track": owns and runs the tracker over the chunk's frames in order, and stores the track ids. Its state after each chunk is
 * saved in bbva's tables with the chunk's track ids; the checkpoint is only the last frame tracked,
 * so it stays a few bytes whatever the number of tracks. A restart loads the state of that frame and
 * goes on with exactly the tracks an uninterrupted run would have; replayed frames get the same ids.
 */
@Named("trackWriter")
@Dependent
public class TrackWriter extends AbstractItemWriter {
    @Inject
    JobParameters job;
    @Inject
    Store store;

    private long videoId;
    private BatchPlan plan;
    private Tracker tracker;
    private int savedAfter;

    @Override
    public void open(Serializable checkpoint) {
        VideoEntity video = job.video();
        videoId = video.id;
        plan = BatchPlan.of(video);
        TrackerSettings settings = TrackerSettings.withReid(job.params().reidSeconds(), video.fps);
        if (checkpoint == null || Integer.valueOf(TrackerSnapshot.NOTHING_TRACKED).equals(checkpoint)) {
            savedAfter = TrackerSnapshot.NOTHING_TRACKED;
            tracker = new Tracker(settings);
        } else if (checkpoint instanceof Integer after) {
            savedAfter = after;
            TrackerSnapshot saved = store.trackerState(videoId, after).orElseThrow(() -> new AnalysisException(
                    "The tracking state saved after frame " + after + " is missing from the database; "
                            + "analyze the video again from the start (bbva analyze VIDEO --fresh)."));
            tracker = new Tracker(settings, TrackerStateFormat.decode(saved.format(), saved.text()));
        } else {
            throw new AnalysisException("This analysis was stopped in step track by an older version of bbva, whose "
                    + "tracking state cannot be continued; analyze the video again from the start (bbva analyze VIDEO --fresh).");
        }
    }

    @Override
    public void writeItems(List<Object> items) {
        List<Detection> tracked = new ArrayList<>();
        List<Detection> dropped = new ArrayList<>();
        List<Integer> cuts = new ArrayList<>();
        for (Object item : items) {
            TrackFrame frame = (TrackFrame) item;
            FaultPoints.reach("track.frame." + frame.frame());
            if (frame.cut()) {
                tracker.cut();
            }
            Tracker.Update result = tracker.update(frame.frame(), frame.people());
            tracked.addAll(result.tracked());
            dropped.addAll(result.droppedWeak());
            dropped.addAll(frame.otherWeak());
            if (frame.cut()) {
                cuts.add(frame.frame());
            }
        }
        int first = ((TrackFrame) items.get(0)).frame();
        int last = ((TrackFrame) items.get(items.size() - 1)).frame();
        store.writeTracks(videoId, job.execution(), plan, first, last, tracked, dropped, cuts, savedAfter,
                new TrackerSnapshot(last, TrackerStateFormat.FORMAT, TrackerStateFormat.encode(tracker.state())));
        savedAfter = last;
        FaultPoints.reach("track.committed." + plan.batchOf(last));
    }

    @Override
    public Serializable checkpointInfo() {
        return savedAfter;
    }
}
