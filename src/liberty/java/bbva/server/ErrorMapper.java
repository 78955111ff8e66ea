package bbva.server;

import bbva.AnalysisException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;

/** Bad input as a 400 (413 for an oversized upload) with a JSON body naming the problem and the fix. */
@Provider
public class ErrorMapper implements ExceptionMapper<AnalysisException> {
    @Override
    public Response toResponse(AnalysisException e) {
        int status = e instanceof UploadsResource.UploadTooLarge ? 413 : 400;
        return json(status, e.getMessage());
    }

    static Response json(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(Map.of("error", message)).build();
    }
}
