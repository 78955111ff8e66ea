package bbva.server;

import bbva.app.AnalysisStatus;
import bbva.app.AnalysisStatuses;
import bbva.app.Analyses;
import bbva.export.BatchRow;
import bbva.progress.Progress;
import bbva.server.AnalysisControl.Started;
import bbva.server.AnalysisControl.Stopping;
import bbva.store.Batch;
import bbva.store.Store;
import bbva.store.VideoEntity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.JobExecution;
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
import java.util.List;

/**
 * The app's REST API over the same job and tables as the CLI. An analysis id is its job instance id.
 * What it changes is {@link AnalysisControl}'s, what it serves of the results {@link AnalysisResults}'s.
 */
@Path("/analyses")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AnalysesResource {
    @Inject
    Store store;
    @Inject
    ServerPaths paths;
    @Inject
    AnalysisStatuses statuses;
    @Inject
    AnalysisVideos videos;
    @Inject
    AnalysisControl control;
    @Inject
    AnalysisResults results;

    private final Analyses analyses = new Analyses(BatchRuntime.getJobOperator());

    /** Body: {"video": "path under the media directory", "options": {"batchSizeFrames": "30", ...}}. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("bbva-submitter")
    public Response submit(String text, @HeaderParam("Content-Length") Long length) {
        Started started = control.submit(text, length);
        return Response.status(Response.Status.CREATED).header("Location", "analyses/" + started.id()).entity(started).build();
    }

    /**
     * Stops the analysis's running execution (also one waiting for a slot). Like every call that changes
     * something, it takes a JSON body ({} is enough): a cross-site form cannot send one.
     */
    @POST
    @Path("{id}/stop")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("bbva-submitter")
    public Response stop(@PathParam("id") long id, String ignored) {
        Stopping stopping = control.stop(id);
        return Response.accepted(stopping).build();
    }

    /** Continues a failed or stopped analysis from its checkpoints, with its own options. JSON body, as stop. */
    @POST
    @Path("{id}/restart")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("bbva-submitter")
    public Response restart(@PathParam("id") long id, String ignored) {
        return Response.status(Response.Status.CREATED).entity(control.restart(id)).build();
    }

    /** An analysis as the list shows it. */
    public record Summary(long id, long executionId, String batchStatus, String exitStatus, String video) {
    }

    /** Where an analysis stands: the same numbers, from the same tables, as the CLI's status command. */
    public record Detail(long id, long executionId, String batchStatus, String exitStatus, String video, Long supersededBy,
                         Double fps, String phase, Count frames, Long detections, Count ocr, Integer detectPercent, Integer ocrPercent,
                         Integer overallPercent, String executionMode, List<AnalysisStatus.Stream> detectionStreams,
                         List<BatchRow> batches, List<BatchWorkers> workers, List<Analyses.Step> steps) {
        /** An analysis whose video has no results of its own (yet, or any more: {@code supersededBy} holds them). */
        static Detail withoutResults(Summary s, Long supersededBy, List<Analyses.Step> steps) {
            return new Detail(s.id(), s.executionId(), s.batchStatus(), s.exitStatus(), s.video(), supersededBy,
                    null, null, null, null, null, null, null, null, null, null, null, null, steps);
        }

        static Detail of(Summary s, VideoEntity v, AnalysisStatus status, List<Analyses.Step> steps) {
            Progress p = status.progress();
            return new Detail(s.id(), s.executionId(), s.batchStatus(), s.exitStatus(), s.video(), null, v.fps, p.phase(),
                    new Count(p.framesDone(), p.framesTotal()), status.detections(), new Count(p.ocrDone(), p.ocrTotal()),
                    Progress.percent(p.detectFraction()), Progress.percent(p.ocrFraction()),
                    Progress.percent(p.overall(Progress.Weights.DEFAULT)), status.executionMode(), status.streams(),
                    status.batches().stream().map(BatchRow::of).toList(), status.batches().stream().map(BatchWorkers::of).toList(),
                    steps);
        }
    }

    /** Which server detected a batch and which read its numbers (distributed mode spreads them over executors). */
    public record BatchWorkers(int index, String detectedBy, String readBy) {
        static BatchWorkers of(Batch b) {
            return new BatchWorkers(b.index(), b.detectedBy(), b.readBy());
        }
    }

    /** Done out of total. */
    public record Count(long done, long total) {
    }

    @GET
    @RolesAllowed("bbva-monitor")
    public List<Summary> list() {
        return analyses.instances().stream().map(i -> summary(i.getInstanceId(), analyses.latestExecution(i))).toList();
    }

    private Summary summary(long id, JobExecution e) {
        return new Summary(id, e.getExecutionId(), e.getBatchStatus().name(), e.getExitStatus(),
                paths.relative(Analyses.videoOf(e)));
    }

    @GET
    @Path("{id}")
    @RolesAllowed("bbva-monitor")
    public Detail get(@PathParam("id") long id) {
        JobExecution e = videos.latestExecution(id);
        Summary s = summary(id, e);
        List<Analyses.Step> steps = analyses.steps(e.getExecutionId());
        VideoEntity v = store.video(Analyses.videoOf(e)).orElse(null);
        if (v == null || AnalysisVideos.superseded(id, v)) {
            return Detail.withoutResults(s, v == null ? null : v.jobInstance, steps);
        }
        return Detail.of(s, v, statuses.of(v), steps);
    }

    /** The players, as the export has them. */
    @GET
    @Path("{id}/players")
    @RolesAllowed("bbva-monitor")
    public StreamingOutput players(@PathParam("id") long id) {
        return results.players(id);
    }

    /** People: one per (team, number) with its tracks, and the unidentified tracks; as the export has them. */
    @GET
    @Path("{id}/people")
    @RolesAllowed("bbva-monitor")
    public StreamingOutput people(@PathParam("id") long id) {
        return results.people(id);
    }

    /** The teams by kit colour, as the export has them. */
    @GET
    @Path("{id}/teams")
    @RolesAllowed("bbva-monitor")
    public StreamingOutput teams(@PathParam("id") long id) {
        return results.teams(id);
    }

    /** One page of detections ({@code limit} at most {@link AnalysisResults#MAX_PAGE}). */
    @GET
    @Path("{id}/detections")
    @RolesAllowed("bbva-monitor")
    public StreamingOutput detections(@PathParam("id") long id, @QueryParam("offset") @DefaultValue("0") String offset,
                                      @QueryParam("limit") @DefaultValue("100") String limit) {
        return results.detections(id, offset, limit);
    }

    /**
     * The canonical export as a download named after the video: {@code format=json} (default) byte for
     * byte what {@code bbva export} writes, {@code format=csv} a zip of the CSV tables of
     * {@code bbva export --format csv}.
     */
    @GET
    @Path("{id}/export")
    @Produces({MediaType.APPLICATION_JSON, "application/zip"})
    @RolesAllowed("bbva-monitor")
    public Response export(@PathParam("id") long id, @QueryParam("format") @DefaultValue("json") String format) {
        return results.export(id, format);
    }

    /** Frame N with the stored results drawn on it (as {@code bbva snapshot}). */
    @GET
    @Path("{id}/frames/{frame}")
    @Produces("image/png")
    @RolesAllowed("bbva-monitor")
    public StreamingOutput frame(@PathParam("id") long id, @PathParam("frame") String frame) {
        return results.frame(id, frame);
    }

    /** The players sheet (as {@code bbva players}); {@code ?all=true} adds short tracks. */
    @GET
    @Path("{id}/players.png")
    @Produces("image/png")
    @RolesAllowed("bbva-monitor")
    public StreamingOutput playerSheet(@PathParam("id") long id, @QueryParam("all") @DefaultValue("false") String all) {
        return results.playerSheet(id, all);
    }
}
