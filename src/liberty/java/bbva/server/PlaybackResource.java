package bbva.server;

import bbva.AnalysisException;
import bbva.court.Court;
import bbva.detect.Detection;
import bbva.identify.Player;
import bbva.render.StoredResults;
import bbva.render.TrackPictures;
import bbva.store.PlayerStore;
import bbva.store.Store;
import bbva.store.VideoEntity;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * What the web page plays: the video (as it is when a browser can play it, else a copy written once
 * in the background), the stored results by frame range to draw over it, a track's pictures, and the
 * video with its results drawn on it as a download.
 */
@Path("/analyses/{id}/playback")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class PlaybackResource {
    /** Frames of boxes per request: about 30 s of a 30 fps video. */
    static final int MAX_FRAMES = 900;
    static final int MAX_PICTURES = 4;
    private static final ObjectWriter JSON = new ObjectMapper().writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    @Inject
    AnalysisVideos videos;
    @Inject
    Renditions renditions;
    @Inject
    Store store;
    @Inject
    PlayerStore players;

    /** How far the server is with a video it writes (202 while it works). */
    public record Progress(String state, int framesDone, int framesTotal, String reason) {
        static Progress of(Renditions.Rendition r) {
            return new Progress(r.state().name(), r.done(), r.total(), r.reason());
        }
    }

    /**
     * The video to play, with range requests. A video browsers cannot play answers 202 with the
     * progress of its copy (started by the first request) until the copy is there.
     */
    @GET
    @Path("video")
    @Produces({"video/mp4", MediaType.APPLICATION_JSON})
    @RolesAllowed("bbva-monitor")
    public Response video(@PathParam("id") long id, @HeaderParam("Range") String range) throws IOException {
        Renditions.Rendition r = renditions.of(videos.of(id), Renditions.Kind.PLAYABLE, true);
        return switch (r.state()) {
            case READY -> RangeFile.of(r.file(), "video/mp4", range);
            case FAILED -> Response.status(500).entity(Progress.of(r)).type(MediaType.APPLICATION_JSON).build();
            default -> Response.accepted(Progress.of(r)).type(MediaType.APPLICATION_JSON).build();
        };
    }

    /** The video with its results drawn on it: 202 with progress while it is written, then the MP4 as a download. */
    @GET
    @Path("annotated")
    @Produces({"video/mp4", MediaType.APPLICATION_JSON})
    @RolesAllowed("bbva-monitor")
    public Response annotated(@PathParam("id") long id, @HeaderParam("Range") String range) throws IOException {
        VideoEntity v = videos.of(id);
        Renditions.Rendition r = renditions.of(v, Renditions.Kind.ANNOTATED, false);
        if (r.state() != Renditions.State.READY) {
            return Response.status(r.state() == Renditions.State.FAILED ? 500 : 202).entity(Progress.of(r))
                    .type(MediaType.APPLICATION_JSON).build();
        }
        return Response.fromResponse(RangeFile.of(r.file(), "video/mp4", range))
                .header("Content-Disposition", "attachment; filename=\"" + downloadName(v, id) + "-annotated.mp4\"").build();
    }

    /** Starts writing the annotated video (a JSON body, as every call that changes something). */
    @POST
    @Path("annotated")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("bbva-submitter")
    public Response renderAnnotated(@PathParam("id") long id, String ignored) {
        Renditions.Rendition r = renditions.of(videos.of(id), Renditions.Kind.ANNOTATED, true);
        return Response.status(r.state() == Renditions.State.READY ? 200 : 202).entity(Progress.of(r)).build();
    }

    static String downloadName(VideoEntity v, long id) {
        return v.name.replaceAll("[^A-Za-z0-9._-]", "_") + "-analysis-" + id;
    }

    /** One box as the page draws it. */
    public record Box(float x1, float y1, float x2, float y2, Integer track, Integer team, String number,
                      boolean offCourt, String kind) {
    }

    /** An analysed frame: its boxes (a frame skipped by the stride shows its analysed frame's), court and cut. */
    public record FrameBoxes(int frame, boolean cut, double[] court, List<Box> boxes) {
    }

    /** Frames [from, to] that are analysed; frames not analysed yet are left out. */
    public record Boxes(double fps, int width, int height, int frameCount, int from, int to, List<FrameBoxes> frames) {
    }

    @GET
    @Path("boxes")
    @RolesAllowed("bbva-monitor")
    public StreamingOutput boxes(@PathParam("id") long id, @QueryParam("from") @DefaultValue("0") String fromText,
                                 @QueryParam("to") String toText) {
        VideoEntity v = videos.of(id);
        int from = number(fromText, "from");
        int to = toText == null ? Math.min(v.frameCount - 1, from + MAX_FRAMES - 1) : number(toText, "to");
        if (from < 0 || to < from || to >= v.frameCount || to - from >= MAX_FRAMES) {
            throw new AnalysisException("from and to must be frames from 0 to " + (v.frameCount - 1) + ", from <= to, at most "
                    + MAX_FRAMES + " frames.");
        }
        StoredResults results = StoredResults.open(store, players, v, java.nio.file.Path.of(v.path));
        Map<Integer, Integer> teamOf = new HashMap<>();
        for (Player p : results.players()) {
            if (p.team() != null) {
                teamOf.put(p.trackId(), p.team());
            }
        }
        List<FrameBoxes> frames = new ArrayList<>();
        for (int f = from; f <= to; f++) {
            if (!results.analysed(f)) {
                continue;
            }
            List<Box> boxes = new ArrayList<>();
            for (Detection d : results.at(f)) {
                boxes.add(new Box(d.x1(), d.y1(), d.x2(), d.y2(), d.trackId(), d.trackId() == null ? null : teamOf.get(d.trackId()),
                        results.number(d.trackId()), d.offCourt(), d.kind().name().toLowerCase(java.util.Locale.ROOT)));
            }
            Court court = results.court(f);
            frames.add(new FrameBoxes(f, results.cutAt(f), court == null ? null : court.corners(), boxes));
        }
        Boxes page = new Boxes(v.fps, v.width, v.height, v.frameCount, from, to, frames);
        return out -> JSON.writeValue(out, page);
    }

    private static int number(String text, String name) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new AnalysisException(name + " must be a frame number, got '" + text + "'.");
        }
    }

    /** A track's clearest pictures (its largest boxes, half a second apart at least), side by side. */
    @GET
    @Path("tracks/{track}.png")
    @Produces("image/png")
    @RolesAllowed("bbva-monitor")
    public StreamingOutput trackPictures(@PathParam("id") long id, @PathParam("track") String track,
                                         @QueryParam("count") @DefaultValue("3") String count) {
        VideoEntity v = videos.of(id);
        int n = number(count, "count");
        if (n < 1 || n > MAX_PICTURES) {
            throw new AnalysisException("count must be from 1 to " + MAX_PICTURES + ".");
        }
        StoredResults results = StoredResults.open(store, players, v, java.nio.file.Path.of(v.path));
        var image = TrackPictures.draw(results, java.nio.file.Path.of(v.path), number(track, "track"), n);
        return out -> ImageIO.write(image, "png", out);
    }
}
