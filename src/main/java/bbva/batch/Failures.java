package bbva.batch;

import bbva.AnalysisException;

/** Turns a step's exception into the one-line reason a user reads in the job's exit status. */
final class Failures {
    static final String PREFIX = "FAILED: ";

    private Failures() {
    }

    static String reason(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof AnalysisException) {
                return PREFIX + t.getMessage();
            }
        }
        Throwable root = error;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return PREFIX + "unexpected " + root.getClass().getSimpleName() + ": " + root.getMessage()
                + ". Stored batches are kept; after fixing the cause, resume with bbva resume.";
    }
}
