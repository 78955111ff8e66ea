package bbva.store;

import java.time.LocalDateTime;

/** The two kinds of per-batch work whose state processing_batches keeps. */
public enum Phase {
    DETECTION, OCR;

    WorkStatus of(BatchEntity b) {
        return this == DETECTION ? b.detectionStatus : b.ocrStatus;
    }

    void set(BatchEntity b, WorkStatus status, LocalDateTime now) {
        boolean working = status == WorkStatus.PROCESSING || status == WorkStatus.COMPLETED;
        if (this == DETECTION) {
            b.detectionStatus = status;
            b.detectionCompletedAt = status == WorkStatus.COMPLETED ? now : null;
            b.detectedBy = working ? Worker.name() : null;
        } else {
            b.ocrStatus = status;
            b.ocrCompletedAt = status == WorkStatus.COMPLETED ? now : null;
            b.readBy = working ? Worker.name() : null;
        }
    }
}
