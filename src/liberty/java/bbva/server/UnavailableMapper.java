package bbva.server;

import bbva.store.ConnectionLoss;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Any other failure of a call: 503 naming the cause when the database is unreachable (PostgreSQL
 * stopped, network cut), so a client knows to try again once it is back; else a 500 that points to
 * the server's log, where the failure is.
 */
@Provider
public class UnavailableMapper implements ExceptionMapper<RuntimeException> {
    private static final Logger LOG = Logger.getLogger(UnavailableMapper.class.getName());

    @Override
    public Response toResponse(RuntimeException e) {
        if (ConnectionLoss.causes(e)) {
            LOG.warning(() -> "database unreachable: " + ConnectionLoss.reason(e));
            return ErrorMapper.json(503, "The database is unreachable (" + ConnectionLoss.reason(e) + "). Check that it "
                    + "runs and that this server reaches it, then try again; stored analyses are kept.");
        }
        LOG.log(Level.SEVERE, "unexpected failure of a call", e);
        return ErrorMapper.json(500, "Unexpected " + e.getClass().getSimpleName() + "; the server's log has the details.");
    }
}
