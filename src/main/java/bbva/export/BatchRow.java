package bbva.export;

import bbva.store.Batch;

/** One processing batch and how far each phase has come in it. */
public record BatchRow(int index, int frameStart, int frameEnd, String detectionStatus, String ocrStatus) {
    public static BatchRow of(Batch b) {
        return new BatchRow(b.index(), b.frameStart(), b.frameEnd(), b.detection().db(), b.ocr().db());
    }
}
