package bbva.cli;

/** Process exit codes, documented in the README. */
final class ExitCodes {
    static final int OK = 0;
    static final int JOB_FAILED = 1;
    static final int BAD_INPUT = 2;
    static final int BUSY = 3;

    private ExitCodes() {
    }
}
