package bbva.server;

import bbva.AnalysisException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;

/** Bad input as a 400 with a JSON body naming the problem. */
@Provider
public class ErrorMapper implements ExceptionMapper<AnalysisException> {
    @Override
    public Response toResponse(AnalysisException e) {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", e.getMessage())).build();
    }
}
