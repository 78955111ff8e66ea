package bbva.store;

import bbva.BatchPlan;
import jakarta.persistence.EntityManager;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The one owner of processing_batches. Every status change happens here, inside the transaction of
 * the caller that wrote the rows the status describes, so a status never claims rows that are not
 * committed. A batch is completed only by the write that stores its last analyzed frame; a write
 * that stores part of it leaves it processing. Nothing here assumes that a chunk is a batch.
 */
final class BatchRepository {
    private BatchRepository() {
    }

    static void plan(EntityManager em, long videoId, BatchPlan plan, boolean ocrEnabled) {
        LocalDateTime now = now();
        for (BatchPlan.Span s : plan.spans()) {
            BatchEntity b = new BatchEntity();
            b.videoId = videoId;
            b.batchIndex = s.index();
            b.frameStart = s.frameStart();
            b.frameEnd = s.frameEnd();
            b.detectionStatus = WorkStatus.PENDING;
            b.ocrStatus = ocrEnabled ? WorkStatus.PENDING : WorkStatus.SKIPPED;
            b.createdAt = now;
            em.persist(b);
        }
    }

    /**
     * The caller's transaction has just stored {@code phase}'s results for the analyzed frames
     * {@code [first, last]}, and a reader that resumes only from committed checkpoints has stored
     * every earlier frame of those batches before. A batch whose last frame is in the range is
     * therefore whole; the others are partly stored. A completed batch stays completed: a replayed
     * range rewrites rows it already had. Only the execution holding the video's rows may write them:
     * for any other, this throws and the caller's transaction stores nothing.
     */
    static void written(EntityManager em, long videoId, long execution, BatchPlan plan, Phase phase, int first, int last) {
        VideoOwnership.requireHolder(em, videoId, execution);
        LocalDateTime now = now();
        for (BatchEntity b : rows(em, videoId, plan.batchOf(first), plan.batchOf(last))) {
            if (last >= b.frameEnd) {
                phase.set(b, WorkStatus.COMPLETED, now);
            } else if (phase.of(b) != WorkStatus.COMPLETED) {
                phase.set(b, WorkStatus.PROCESSING, now);
            }
        }
    }

    /** Records the counts of these batches, whose detection completes (batch index -> counts). */
    static void counted(EntityManager em, long videoId, Map<Integer, BatchCounts> counts) {
        change(em, videoId, counts, (b, c) -> {
            b.detections = c.detections();
            b.ocrCrops = c.ocrCrops();
        });
    }

    /** Lowers the detection counts of these batches by the detections deleted from them (batch index -> number). */
    static void deleted(EntityManager em, long videoId, Map<Integer, Integer> deleted) {
        change(em, videoId, deleted, (b, n) -> {
            if (b.detections != null) {
                b.detections -= n;
            }
        });
    }

    private static <T> void change(EntityManager em, long videoId, Map<Integer, T> byBatch, BiConsumer<BatchEntity, T> change) {
        if (byBatch.isEmpty()) {
            return;
        }
        for (BatchEntity b : rows(em, videoId, Collections.min(byBatch.keySet()), Collections.max(byBatch.keySet()))) {
            T value = byBatch.get(b.batchIndex);
            if (value != null) {
                change.accept(b, value);
            }
        }
    }

    /** After a failure while working on a batch: unless it is whole, it is failed (its stored part is kept). */
    static void failed(EntityManager em, long videoId, long execution, Phase phase, int batchIndex) {
        if (!VideoOwnership.holds(em, videoId, execution)) {
            return;
        }
        for (BatchEntity b : rows(em, videoId, batchIndex, batchIndex)) {
            if (phase.of(b) != WorkStatus.COMPLETED) {
                phase.set(b, WorkStatus.FAILED, now());
            }
        }
    }

    private static List<BatchEntity> rows(EntityManager em, long videoId, int fromBatch, int toBatch) {
        return em.createQuery("SELECT b FROM BatchEntity b WHERE b.videoId = :v AND b.batchIndex BETWEEN :a AND :b "
                        + "ORDER BY b.batchIndex", BatchEntity.class)
                .setParameter("v", videoId).setParameter("a", fromBatch).setParameter("b", toBatch).getResultList();
    }

    private static LocalDateTime now() {
        return LocalDateTime.now(ZoneOffset.UTC);
    }
}
