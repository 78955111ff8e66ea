package bbva.server;

import bbva.AnalysisException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Upload of a video into the media directory's {@code uploads/}, then analysed like any other:
 * {@code POST /api/uploads?name=game.mp4} with the bytes as the body; the answer names the path to submit.
 */
@Path("/uploads")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class UploadsResource {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,120}");

    @Inject
    ServerPaths paths;

    @POST
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    @RolesAllowed("bbva-submitter")
    public Response upload(@QueryParam("name") String name, @HeaderParam("Content-Length") Long length, InputStream body)
            throws IOException {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new AnalysisException("Query parameter 'name' must be a plain file name (letters, digits, . _ -), e.g. game.mp4.");
        }
        long max = paths.uploadMaxBytes();
        if (length != null && length > max) {
            throw tooLarge(length, max);
        }
        java.nio.file.Path dir = Files.createDirectories(paths.media().resolve("uploads"));
        if (Files.exists(dir.resolve(name))) {
            throw taken(name);
        }
        java.nio.file.Path part = Files.createTempFile(dir, ".upload-", ".part");
        long total = 0;
        try {
            try (OutputStream out = Files.newOutputStream(part)) {
                byte[] buffer = new byte[1 << 16];
                for (int n; (n = body.read(buffer)) > 0; ) {
                    total += n;
                    if (total > max) {
                        throw tooLarge(total, max);
                    }
                    out.write(buffer, 0, n);
                }
            }
            checkIsVideo(part);
            // a link fails atomically if the name is taken: an upload never replaces a file, least of all one in analysis
            Files.createLink(dir.resolve(name), part);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw taken(name);
        } finally {
            Files.deleteIfExists(part);
        }
        return Response.status(Response.Status.CREATED).entity(Map.of("video", "uploads/" + name, "bytes", total)).build();
    }

    private static ClientErrorException taken(String name) {
        return new ClientErrorException("uploads/" + name + " exists already; an upload never replaces a file. "
                + "Upload it under another name.", 409);
    }

    /** Refuses what FFmpeg cannot open as a video, before it is kept (the analysis would fail on it later). */
    private static void checkIsVideo(java.nio.file.Path file) {
        try (bbva.video.FrameSource frames = bbva.video.FrameSource.open(file, 0)) {
            if (frames.next() == null) {
                throw new IOException("no frame");
            }
        } catch (Exception e) {
            throw new AnalysisException("The upload is not a video FFmpeg can open (no frame could be decoded). "
                    + "Upload a video file, such as MP4 (H.264) or AVI.");
        }
    }

    private static UploadTooLarge tooLarge(long size, long max) {
        return new UploadTooLarge("The upload is larger than the limit of " + max + " bytes (got at least " + size
                + "). Copy large videos into the media directory instead, or raise bbva.upload.max.bytes in server.xml.");
    }

    /** 413 with a JSON reason (see ErrorMapper). */
    static final class UploadTooLarge extends AnalysisException {
        UploadTooLarge(String message) {
            super(message);
        }
    }
}
