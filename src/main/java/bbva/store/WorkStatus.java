package bbva.store;

import java.util.Locale;

/** State of one phase (detection or OCR) of a processing batch: processing_batches.detection_status / ocr_status. */
public enum WorkStatus {
    PENDING, PROCESSING, COMPLETED, FAILED, SKIPPED;

    /** The value stored in the database and shown to users: "pending", "completed" ... */
    public String db() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static WorkStatus of(String db) {
        return valueOf(db.toUpperCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return db();
    }
}
