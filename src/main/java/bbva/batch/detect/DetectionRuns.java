package bbva.batch.detect;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether step "detect" of the running analysis of a video is running in this JVM, for step
 * "ocrFollow", which runs beside it in the same split (so in the same JVM) and must end once
 * detection has ended, however it ended: completed, failed or stopped. Keyed by the video, which
 * one analysis at a time holds: Liberty runs each flow of a split as a sub-job with its own ids.
 * Detection also sends news (a batch stored, a start, an end) that wakes "ocrFollow" at once instead of
 * it polling the database while detection needs every core.
 */
public final class DetectionRuns {
    public enum State { NOT_STARTED, RUNNING, ENDED }

    private static final Map<String, State> RUNS = new ConcurrentHashMap<>();
    private static final Object NEWS = new Object();
    private static long news;

    private DetectionRuns() {
    }

    public static void started(String video) {
        RUNS.put(video, State.RUNNING);
        signal();
    }

    public static void ended(String video) {
        RUNS.put(video, State.ENDED);
        signal();
    }

    /** Detection stored a batch or changed state (of any video: a waiter then just looks again). */
    public static void signal() {
        synchronized (NEWS) {
            news++;
            NEWS.notifyAll();
        }
    }

    /** How much news there has been: pass it to {@link #awaitNews} to wait for more. */
    public static long news() {
        synchronized (NEWS) {
            return news;
        }
    }

    /** Waits until there is news after {@code seen}, or {@code millis} have passed (detection in another JVM sends none). */
    public static void awaitNews(long seen, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        synchronized (NEWS) {
            for (long left = millis; news == seen && left > 0; left = (deadline - System.nanoTime()) / 1_000_000) {
                NEWS.wait(left);
            }
        }
    }

    public static State of(String video) {
        return RUNS.getOrDefault(video, State.NOT_STARTED);
    }

    /** An execution of the video's analysis starts or ends: nothing known of its detection. */
    public static void forget(String video) {
        RUNS.remove(video);
    }
}
