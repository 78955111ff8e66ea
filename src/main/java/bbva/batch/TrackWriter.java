package bbva.batch;

import bbva.detect.Detection;
import bbva.detect.FrameDetections;
import bbva.store.BatchPlan;
import bbva.store.Store;
import bbva.store.VideoEntity;
import bbva.track.Tracker;
import bbva.track.TrackerSettings;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Writer of step "track": stores the track ids, and owns the tracker's state, which is its
 * checkpoint. At a checkpoint the state matches the reader's position, so a restart goes on with
 * exactly the tracks an uninterrupted run would have; replayed frames get the same ids again.
 */
@Named("trackWriter")
@Dependent
public class TrackWriter extends AbstractItemWriter {
    @Inject
    JobParameters job;
    @Inject
    StepContext stepContext;
    @Inject
    Store store;

    private long videoId;
    private BatchPlan plan;
    private Tracker tracker;

    @Override
    public void open(Serializable checkpoint) {
        VideoEntity video = job.video();
        videoId = video.id;
        plan = BatchPlan.of(video);
        TrackerSettings settings = TrackerSettings.withReid(job.params().reidSeconds(), video.fps);
        tracker = checkpoint == null ? new Tracker(settings) : new Tracker(settings, (Tracker.State) checkpoint);
        StepResources.of(stepContext).put(Tracker.class, tracker);
    }

    @Override
    public void writeItems(List<Object> items) {
        List<Detection> tracked = new ArrayList<>();
        for (Object item : items) {
            tracked.addAll(((FrameDetections) item).detections());
        }
        store.writeTracks(videoId, tracked);
        FaultPoints.reach("track.committed." + plan.batchOf(((FrameDetections) items.get(items.size() - 1)).frame()));
    }

    /** A copy: the live state changes as the next chunk is processed. */
    @Override
    public Serializable checkpointInfo() {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(tracker.state());
            }
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                return (Serializable) in.readObject();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
