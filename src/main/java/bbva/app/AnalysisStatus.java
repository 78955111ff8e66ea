package bbva.app;

import bbva.progress.Progress;
import bbva.store.Batch;
import java.util.List;

/** Where an analysis stands, in numbers only (the CLI and the REST API word it): progress, detections stored, batches. */
public record AnalysisStatus(Progress progress, long detections, List<Batch> batches) {
}
