package bbva.cli;

import bbva.AnalysisException;

/** Another process is using the data directory in a way that excludes this command. */
final class BusyException extends AnalysisException {
    BusyException(String message) {
        super(message);
    }
}
