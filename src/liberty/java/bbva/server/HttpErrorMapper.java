package bbva.server;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** JAX-RS's own errors (404 unknown analysis, 405, 415 …) with the same JSON body as bad input. */
@Provider
public class HttpErrorMapper implements ExceptionMapper<WebApplicationException> {
    @Override
    public Response toResponse(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String message = switch (status) {
            case 403 -> "Forbidden: this user's roles do not allow it (submitting, stopping and restarting need "
                    + "bbva-submitter, reading bbva-monitor).";
            case 415 -> "Send the body with Content-Type application/json (an upload: application/octet-stream). "
                    + "Calls that change something take nothing else, so that no cross-site form can make them.";
            default -> e.getMessage();
        };
        return ErrorMapper.json(status, message);
    }
}
