package bbva.store;

/** Values of processing_batches.detection_status / ocr_status and of videos.status. */
public final class Status {
    public static final String PENDING = "pending";
    public static final String PROCESSING = "processing";
    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";
    public static final String SKIPPED = "skipped";
    public static final String ANALYZING = "analyzing";
    public static final String STOPPED = "stopped";

    private Status() {
    }
}
