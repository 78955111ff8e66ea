package bbva.batch.track;

import bbva.detect.Detection;
import bbva.court.FrameLook;
import bbva.BatchPlan;
import bbva.batch.JobParameters;
import bbva.batch.track.TrackFrame;
import bbva.store.Store;
import bbva.store.VideoEntity;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reader of step "track": each analyzed frame's people on the floor, in frame order, and whether a
 * scene cut comes before it (its look against the analyzed frame before it, which may be in the
 * batch before). Checkpoint = next frame index, anywhere.
 */
@Named("trackReader")
@Dependent
public class TrackReader extends AbstractItemReader {
    @Inject
    JobParameters job;
    @Inject
    Store store;

    private long videoId;
    private BatchPlan plan;
    private int nextFrame;
    private int loadedBatch = -1;
    private final Map<Integer, List<Detection>> loaded = new HashMap<>();
    private final Map<Integer, List<Detection>> otherWeak = new HashMap<>();
    private final Map<Integer, FrameLook> looks = new HashMap<>();

    @Override
    public void open(Serializable checkpoint) {
        VideoEntity video = job.video();
        videoId = video.id;
        plan = BatchPlan.of(video);
        nextFrame = checkpoint == null ? 0 : (Integer) checkpoint;
    }

    @Override
    public Object readItem() {
        if (nextFrame >= plan.endFrame()) {
            return null;
        }
        int batch = plan.batchOf(nextFrame);
        if (batch != loadedBatch) {
            // one query per batch, not per frame
            BatchPlan.Span span = plan.span(batch);
            loaded.clear();
            otherWeak.clear();
            for (Detection d : store.detections(videoId, span.frameStart(), span.frameEnd())) {
                if (d.inPlay()) {
                    loaded.computeIfAbsent(d.frame(), k -> new ArrayList<>()).add(d);
                } else if (d.weak()) {
                    otherWeak.computeIfAbsent(d.frame(), k -> new ArrayList<>()).add(d);
                }
            }
            looks.clear();
            store.frameViews(videoId, span.frameStart() - plan.stride(), span.frameEnd()).forEach(v -> looks.put(v.frame(), v.look()));
            loadedBatch = batch;
        }
        FrameLook look = looks.get(nextFrame);
        FrameLook before = looks.get(nextFrame - plan.stride());
        TrackFrame item = new TrackFrame(nextFrame, loaded.getOrDefault(nextFrame, List.of()),
                otherWeak.getOrDefault(nextFrame, List.of()), look != null && before != null && look.cutFrom(before));
        nextFrame += plan.stride();
        return item;
    }

    @Override
    public Serializable checkpointInfo() {
        return nextFrame;
    }

}
