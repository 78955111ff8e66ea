package bbva.store;

import java.sql.SQLException;

/** Whether a failure is the database going away (server stopped, network cut) rather than a bad statement. */
public final class ConnectionLoss {
    private ConnectionLoss() {
    }

    public static boolean causes(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            // SQL class 08: connection exception; 57P01-57P03: PostgreSQL shutting down or not accepting connections
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    /** The driver's own words, which name what went wrong (e.g. "Connection to 127.0.0.1:5432 refused. ..."). */
    public static String reason(Throwable failure) {
        String message = failure.getMessage();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException || t.getCause() == null) {
                message = t.getMessage();
            }
            if (t instanceof SQLException) {
                break;
            }
        }
        return message;
    }
}
