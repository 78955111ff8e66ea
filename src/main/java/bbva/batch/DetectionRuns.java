package bbva.batch;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether step "detect" of the running analysis of a video is running in this JVM, for step
 * "ocrFollow", which runs beside it in the same split (so in the same JVM) and must end once
 * detection has ended, however it ended: completed, failed or stopped. Keyed by the video, which
 * one analysis at a time holds: Liberty runs each flow of a split as a sub-job with its own ids.
 */
final class DetectionRuns {
    enum State { NOT_STARTED, RUNNING, ENDED }

    private static final Map<String, State> RUNS = new ConcurrentHashMap<>();

    private DetectionRuns() {
    }

    static void started(String video) {
        RUNS.put(video, State.RUNNING);
    }

    static void ended(String video) {
        RUNS.put(video, State.ENDED);
    }

    static State of(String video) {
        return RUNS.getOrDefault(video, State.NOT_STARTED);
    }

    /** An execution of the video's analysis starts or ends: nothing known of its detection. */
    static void forget(String video) {
        RUNS.remove(video);
    }
}
