package bbva.store;

import bbva.AnalysisParameters;
import bbva.BatchPlan;
import bbva.court.FrameView;
import bbva.detect.Detection;
import bbva.video.VideoInfo;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.Optional;
import java.util.function.Function;

/**
 * All reads and writes of the analysis tables. Every write is one transaction and idempotent:
 * replaying it (as an at-least-once batch runtime does after a crash) leaves the same rows.
 */
public class Store {
    private final Jpa jpa;

    public Store(EntityManagerFactory emf) {
        this.jpa = new Jpa(emf);
    }

    /**
     * Records the video and plans its batches, replacing any earlier results for this path. Runs
     * only in prepare, before any batch of this analysis is processed, so clearing is always safe.
     */
    public VideoEntity planAnalysis(VideoInfo info, AnalysisParameters params, String detector, BatchPlan plan,
                                    boolean ocrEnabled, JobOwner owner) {
        return VideoOwnership.firstOwner(info.path().toString(), () -> inTransaction(em -> {
            LocalDateTime now = now();
            VideoEntity v = VideoOwnership.locked(em, info.path().toString()).orElseGet(VideoEntity::new);
            if (v.id != null) {
                VideoOwnership.takeOver(v, owner);
                em.createQuery("DELETE FROM PlayerEntity p WHERE p.videoId = :v").setParameter("v", v.id).executeUpdate();
                em.createQuery("DELETE FROM TeamEntity t WHERE t.videoId = :v").setParameter("v", v.id).executeUpdate();
                em.createNativeQuery("DELETE FROM track_teams WHERE video_id = ?").setParameter(1, v.id).executeUpdate();
                TrackerStates.clear(em, v.id);
                FrameViews.clear(em, v.id);
                em.createQuery("DELETE FROM OcrReadingEntity r WHERE r.videoId = :v").setParameter("v", v.id).executeUpdate();
                em.createQuery("DELETE FROM DetectionEntity d WHERE d.videoId = :v").setParameter("v", v.id).executeUpdate();
                em.createQuery("DELETE FROM BatchEntity b WHERE b.videoId = :v").setParameter("v", v.id).executeUpdate();
            } else {
                v.createdAt = now;
            }
            v.path = info.path().toString();
            v.name = info.path().getFileName().toString();
            v.fingerprint = info.fingerprint();
            v.sizeBytes = info.sizeBytes();
            v.width = info.width();
            v.height = info.height();
            v.fps = info.fps();
            v.frameCount = info.frameCount();
            v.codec = info.codec();
            v.status = Status.ANALYZING;
            v.detector = detector;
            v.batchSize = params.batchSizeFrames();
            v.frameStride = params.frameStride();
            v.analyzedFrames = plan.analyzedFrames();
            v.executionMode = params.executionMode().id;
            v.detectPartitions = Math.min(params.detectPartitions(), plan.batchCount());
            v.ocrPartitions = Math.min(params.ocrThreads(), plan.batchCount());
            v.jobInstance = owner.instance();
            v.jobExecution = owner.execution();
            v.updatedAt = now;
            if (v.id == null) {
                em.persist(v);
                em.flush();
            }
            BatchRepository.plan(em, v.id, plan, ocrEnabled);
            return v;
        }));
    }

    /**
     * Makes this execution the one whose rows the video's row holds, unless another analysis of the
     * file is running (then an AnalysisException says so). A video not recorded yet is left to prepare.
     */
    public void claim(String path, JobOwner owner) {
        inTransaction(em -> {
            VideoOwnership.locked(em, path).ifPresent(v -> {
                VideoOwnership.takeOver(v, owner);
                v.status = Status.ANALYZING;
                v.updatedAt = now();
            });
            return null;
        });
    }

    public Optional<VideoEntity> video(String path) {
        return read(em -> findVideo(em, path));
    }

    public List<VideoEntity> videos() {
        return read(em -> em.createQuery("SELECT v FROM VideoEntity v ORDER BY v.path", VideoEntity.class).getResultList());
    }

    public List<Batch> batches(long videoId) {
        return read(em -> em.createQuery("SELECT b FROM BatchEntity b WHERE b.videoId = :v ORDER BY b.batchIndex",
                BatchEntity.class).setParameter("v", videoId).getResultStream()
                .map(BatchEntity::toBatch).toList());
    }

    /** The first batch whose detection is complete and whose OCR is still to do, if any. */
    public Optional<Batch> firstToRead(long videoId) {
        return firstToRead(videoId, 0, Integer.MAX_VALUE);
    }

    /** The lowest batch in [from, to] whose detection is complete and whose OCR is neither complete nor skipped. */
    public Optional<Batch> firstToRead(long videoId, int from, int to) {
        return read(em -> em.createQuery("SELECT b FROM BatchEntity b WHERE b.videoId = :v AND b.detectionStatus = :done "
                        + "AND b.ocrStatus <> :done AND b.ocrStatus <> :skipped AND b.batchIndex BETWEEN :from AND :to "
                        + "ORDER BY b.batchIndex", BatchEntity.class)
                .setParameter("v", videoId).setParameter("done", WorkStatus.COMPLETED).setParameter("skipped", WorkStatus.SKIPPED)
                .setParameter("from", from).setParameter("to", to)
                .setMaxResults(1).getResultStream().findFirst()
                .map(BatchEntity::toBatch));
    }

    /** Every batch of the video is detected. */
    public boolean detectionComplete(long videoId) {
        return read(em -> em.createQuery("SELECT COUNT(b) FROM BatchEntity b WHERE b.videoId = :v AND b.detectionStatus <> :done",
                Long.class).setParameter("v", videoId).setParameter("done", WorkStatus.COMPLETED).getSingleResult()) == 0;
    }

    /** One page of the video's detections that are results ({@link Detection#result}), ordered by frame then rank. */
    public List<Detection> detectionsPage(long videoId, int offset, int limit) {
        return read(em -> em.createQuery("SELECT d FROM DetectionEntity d WHERE d.videoId = :v "
                        + "AND (d.weak = FALSE OR d.trackId IS NOT NULL) ORDER BY d.frame, d.index",
                DetectionEntity.class).setParameter("v", videoId).setFirstResult(offset).setMaxResults(limit)
                .getResultList().stream().map(DetectionEntity::toDetection).toList());
    }

    /** Detections of frames [from, to], ordered by frame then rank. */
    /**
     * Every detection of the video in frame and rank order, handed over one batch's frames at a time,
     * so that a step going through a game's millions of boxes holds only one batch of them.
     */
    public void forEachBatch(long videoId, BatchPlan plan, BiConsumer<BatchPlan.Span, List<Detection>> action) {
        for (int b = 0; b < plan.batchCount(); b++) {
            BatchPlan.Span span = plan.span(b);
            action.accept(span, detections(videoId, span.frameStart(), span.frameEnd()));
        }
    }

    public List<Detection> detections(long videoId, int from, int to) {
        return read(em -> em.createQuery("SELECT d FROM DetectionEntity d WHERE d.videoId = :v AND d.frame BETWEEN :a AND :b "
                        + "ORDER BY d.frame, d.index", DetectionEntity.class)
                .setParameter("v", videoId).setParameter("a", from).setParameter("b", to).getResultList()
                .stream().map(DetectionEntity::toDetection).toList());
    }

    /**
     * Sets the track ids of these detections and deletes the {@code dropped} ones (the frames' weak
     * boxes that continue no track), both found by their natural key, records the scene cuts of the
     * analyzed frames [first, last] and saves the tracker's state after them, in one transaction;
     * {@code startedAfter} is the state the chunk began from. A replay finds the same weak boxes gone:
     * they continued no track from the same state, so they change nothing. (By key, not by a range
     * with "track_id IS NULL": Derby planned that one as a scan whose cost grew with the video, the
     * track step taking 2x as long per frame at 14,400 frames as at 3,600.) The batches' detection
     * counts drop by the rows deleted (none in a replay).
     */
    public void writeTracks(long videoId, long execution, BatchPlan plan, int first, int last, List<Detection> tracked,
                            List<Detection> dropped, List<Integer> cuts, int startedAfter, TrackerSnapshot state) {
        inTransaction(em -> {
            VideoOwnership.requireHolder(em, videoId, execution);
            FrameViews.replaceCuts(em, videoId, first, last, cuts);
            var update = em.createQuery("UPDATE DetectionEntity d SET d.trackId = :t "
                    + "WHERE d.videoId = :v AND d.frame = :f AND d.index = :i");
            for (Detection d : tracked) {
                update.setParameter("t", d.trackId()).setParameter("v", videoId).setParameter("f", d.frame())
                        .setParameter("i", d.index()).executeUpdate();
            }
            var delete = em.createQuery("DELETE FROM DetectionEntity d WHERE d.videoId = :v AND d.frame = :f AND d.index = :i");
            Map<Integer, Integer> deleted = new java.util.HashMap<>();
            for (Detection d : dropped) {
                int n = delete.setParameter("v", videoId).setParameter("f", d.frame()).setParameter("i", d.index()).executeUpdate();
                deleted.merge(plan.batchOf(d.frame()), n, Integer::sum);
            }
            BatchRepository.deleted(em, videoId, deleted);
            TrackerStates.save(em, videoId, startedAfter, state);
            return null;
        });
    }

    /** What the detect step saw of the analyzed frames [from, to], in frame order. */
    public List<FrameView> frameViews(long videoId, int from, int to) {
        return read(em -> FrameViews.load(em, videoId, from, to));
    }

    /** The first frames of the video's scenes after the first (where the picture cut to another shot). */
    public List<Integer> sceneCuts(long videoId) {
        return read(em -> FrameViews.cuts(em, videoId));
    }

    /** The tracker's state saved after {@code afterFrame}, if any. */
    public Optional<TrackerSnapshot> trackerState(long videoId, int afterFrame) {
        return read(em -> TrackerStates.load(em, videoId, afterFrame));
    }

    /**
     * The detections stored of the video's batches whose detection completed (those of a batch still
     * being detected count once it completes), from the batches' counts; counted row by row only when
     * a completed batch has no count (detected before bbva kept them).
     */
    public long detectionCount(long videoId) {
        return detectionCount(videoId, batches(videoId));
    }

    /** {@link #detectionCount(long)} from the video's batches as just read. */
    public long detectionCount(long videoId, List<Batch> batches) {
        if (batches.stream().anyMatch(b -> b.detection() == WorkStatus.COMPLETED && b.detections() == null)) {
            return detectionRows(videoId);
        }
        return batches.stream().filter(b -> b.detection() == WorkStatus.COMPLETED).mapToLong(Batch::detections).sum();
    }

    /** The video's detection rows, counted one by one (a scan of its index: seconds at a game's length). */
    public long detectionRows(long videoId) {
        return read(em -> em.createQuery("SELECT COUNT(d) FROM DetectionEntity d WHERE d.videoId = :v", Long.class)
                .setParameter("v", videoId).getSingleResult());
    }

    /**
     * Replaces the detections of the analyzed frames [first, last] (any run of them: a chunk ended
     * early by a stop is as good as a whole batch) and records what that completes, with the counts of
     * each batch completed (batch index -> counts), in one transaction.
     */
    public void writeDetections(long videoId, long execution, BatchPlan plan, int first, int last, List<Detection> detections,
                                List<FrameView> views, Map<Integer, BatchCounts> completed) {
        inTransaction(em -> {
            VideoOwnership.requireHolder(em, videoId, execution);
            FrameViews.replace(em, videoId, first, last, views);
            em.createQuery("DELETE FROM DetectionEntity d WHERE d.videoId = :v AND d.frame BETWEEN :a AND :b")
                    .setParameter("v", videoId).setParameter("a", first).setParameter("b", last).executeUpdate();
            for (Detection d : detections) {
                em.persist(DetectionEntity.of(videoId, d));
            }
            BatchRepository.written(em, videoId, execution, plan, Phase.DETECTION, first, last);
            BatchRepository.counted(em, videoId, completed);
            return null;
        });
    }

    /** A step of {@code execution} failed while working on this batch (nothing changes unless it holds the rows). */
    public void failBatch(long videoId, long execution, Phase phase, int batchIndex) {
        inTransaction(em -> {
            BatchRepository.failed(em, videoId, execution, phase, batchIndex);
            return null;
        });
    }

    /**
     * A restart of the analysis that holds the video's row: the row names this execution now (its
     * liveness is what keeps other analyses off), whichever steps the runtime runs again.
     */
    public void continueAnalysis(String path, long instance, long execution) {
        inTransaction(em -> em.createQuery("UPDATE VideoEntity v SET v.jobExecution = :e, v.status = :s, v.failure = NULL, v.updatedAt = :t "
                        + "WHERE v.path = :p AND v.jobInstance = :i")
                .setParameter("e", execution).setParameter("s", Status.ANALYZING).setParameter("t", now())
                .setParameter("p", path).setParameter("i", instance).executeUpdate());
    }

    /**
     * A step of {@code execution} failed for this reason (kept to the column's 2000 characters); kept
     * only while that execution holds the video's row, so that a late partition of an execution that
     * already ended cannot give its reason to the one that took over.
     */
    public void recordFailure(String path, long execution, String reason) {
        String kept = reason.length() > 2000 ? reason.substring(0, 1997) + "..." : reason;
        inTransaction(em -> em.createQuery("UPDATE VideoEntity v SET v.failure = :f WHERE v.path = :p AND v.jobExecution = :e")
                .setParameter("f", kept).setParameter("p", path).setParameter("e", execution).executeUpdate());
    }

    /** Throws unless {@code execution} holds the rows of this video, as just read (see {@link VideoOwnership}). */
    public void requireHolder(VideoEntity video, long execution) {
        VideoOwnership.requireHolder(video.jobExecution, execution);
    }

    /** The video's status as an execution of this analysis ends, if the row still holds its results. */
    public void finishVideo(String path, long instance, String status) {
        inTransaction(em -> em.createQuery("UPDATE VideoEntity v SET v.status = :s, v.updatedAt = :t "
                        + "WHERE v.path = :p AND v.jobInstance = :i")
                .setParameter("s", status).setParameter("t", now()).setParameter("p", path).setParameter("i", instance)
                .executeUpdate());
    }

    private static Optional<VideoEntity> findVideo(EntityManager em, String path) {
        return em.createQuery("SELECT v FROM VideoEntity v WHERE v.path = :p", VideoEntity.class)
                .setParameter("p", path).getResultStream().findFirst();
    }

    private static LocalDateTime now() {
        return LocalDateTime.now(ZoneOffset.UTC);
    }

    private <T> T read(Function<EntityManager, T> work) {
        return jpa.read(work);
    }

    private <T> T inTransaction(Function<EntityManager, T> work) {
        return jpa.inTransaction(work);
    }
}
