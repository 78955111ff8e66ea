package bbva;

/**
 * A problem the user can fix (bad input, bad model, bad parameter). Its message names the problem
 * and what to do; the job ends FAILED with it as exit status and the CLI prints it without a stack trace.
 */
public class AnalysisException extends RuntimeException {
    public AnalysisException(String message) {
        super(message);
    }

    public AnalysisException(String message, Throwable cause) {
        super(message, cause);
    }
}
