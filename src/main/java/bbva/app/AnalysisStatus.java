package bbva.app;

import bbva.progress.Progress;
import bbva.store.Batch;
import java.util.List;

/**
 * Where an analysis stands, in numbers only (the CLI and the REST API word it): progress, detections
 * stored, batches, and how it runs: its execution mode and each detection stream's share of batches.
 */
public record AnalysisStatus(Progress progress, long detections, List<Batch> batches, String executionMode,
                             List<Stream> streams) {
    /** One detection partition: batches [firstBatch, lastBatch], of which {@code detected} are complete. */
    public record Stream(int firstBatch, int lastBatch, int detected) {
        public int batches() {
            return lastBatch - firstBatch + 1;
        }
    }
}
