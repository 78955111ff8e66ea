package bbva.store;

/** Values of videos.status (a batch's statuses are {@link WorkStatus}). */
public final class Status {
    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";
    public static final String ANALYZING = "analyzing";
    public static final String STOPPED = "stopped";

    private Status() {
    }
}
