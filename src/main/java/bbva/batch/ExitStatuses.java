package bbva.batch;

import bbva.AnalysisException;
import bbva.store.Worker;
import java.util.Optional;

/**
 * The job's exit status as a user reads it: "COMPLETED", "STOPPED: ..." or "FAILED: ..." with one
 * line on what happened and what to do. Bounded in length, since job repositories store exit
 * statuses in limited columns (Liberty's: 512 characters).
 */
final class ExitStatuses {
    static final String FAILED = "FAILED: ";
    static final String STOPPED = "STOPPED: ";
    static final int MAX_LENGTH = 500;

    private ExitStatuses() {
    }

    /** The reason of a failure here: on a Liberty server it names the server, which matters when partitions run on several. */
    static String failed(Throwable error) {
        return failed(error, Worker.server());
    }

    static String failed(Throwable error, Optional<String> server) {
        return bounded(FAILED + server.map(s -> "on server " + s + ": ").orElse("") + reason(error));
    }

    private static String reason(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof AnalysisException) {
                return t.getMessage();
            }
        }
        Throwable root = error;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return "unexpected " + root.getClass().getSimpleName() + ": " + root.getMessage()
                + ". Stored batches are kept; after fixing the cause, restart the analysis to continue.";
    }

    static String stopped(int batchesDetected, int batchesRead, int batches, boolean ocr) {
        return STOPPED + "stopped on request with " + batchesDetected + "/" + batches + " batches detected"
                + (ocr ? " and " + batchesRead + "/" + batches + " read" : "")
                + "; restart the analysis to continue from there.";
    }

    static String bounded(String status) {
        String oneLine = status.replaceAll("\\s+", " ");
        return oneLine.length() <= MAX_LENGTH ? oneLine : oneLine.substring(0, MAX_LENGTH - 3) + "...";
    }
}
