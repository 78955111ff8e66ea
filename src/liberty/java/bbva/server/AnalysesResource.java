package bbva.server;

import bbva.AnalysisException;
import bbva.AnalysisParameters;
import bbva.Param;
import bbva.RunningExecutions;
import bbva.app.AnalysisRequest;
import bbva.app.AnalysisStatus;
import bbva.app.AnalysisStatuses;
import bbva.app.Analyses;
import bbva.export.BatchRow;
import bbva.export.DetectionRow;
import bbva.export.Exporter;
import bbva.export.PersonRow;
import bbva.export.PlayerRow;
import bbva.export.TeamRow;
import bbva.identify.People;
import bbva.progress.Progress;
import bbva.store.Batch;
import bbva.store.PlayerStore;
import bbva.store.Store;
import bbva.store.VideoEntity;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.batch.operations.JobExecutionNotRunningException;
import jakarta.batch.operations.JobRestartException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.JobExecution;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** The app's REST API over the same job and tables as the CLI. An analysis id is its job instance id. */
@Path("/analyses")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AnalysesResource {
    static final int MAX_PAGE = 1000;
    static final int MAX_PARAMETER = 255;
    static final long MAX_BODY = 64 * 1024;
    private static final Jsonb JSON = JsonbBuilder.create();

    @Inject
    Store store;
    @Inject
    PlayerStore players;
    private static final Logger LOG = Logger.getLogger(AnalysesResource.class.getName());
    private static final ObjectWriter ROWS = new ObjectMapper().writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    @Resource(lookup = "jdbc/batch")
    DataSource jobRepository;
    @Inject
    ServerPaths paths;
    @Inject
    RunningExecutions running;
    @Inject
    ServerSlots slots;
    @Inject
    AnalysisStatuses statuses;
    @Inject
    AnalysisVideos videos;

    private final Analyses analyses = new Analyses(BatchRuntime.getJobOperator());

    /** Body: {"video": "path under the media directory", "options": {"batchSizeFrames": "30", ...}}. */
    public record Submission(String video, Map<String, String> options) {
        /** Parsed here, not by the JAX-RS provider, so that a body that is not this JSON is a 400 with a reason. */
        static Submission parse(String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            try {
                return JSON.fromJson(text, Submission.class);
            } catch (RuntimeException e) {
                // JSON-B's errors for a body of the wrong shape are not all JsonbExceptions
                throw new AnalysisException("The body is not the JSON this call takes, {\"video\": \"...\", "
                        + "\"options\": {\"name\": \"value\"}} (" + e.getMessage() + ").");
            }
        }
    }

    /** The id of a started analysis and of its first execution. */
    public record Started(long id, long executionId) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("bbva-submitter")
    public Response submit(String text, @HeaderParam("Content-Length") Long length) {
        if ((length != null && length > MAX_BODY) || text.length() > MAX_BODY) {
            throw new ClientErrorException("A submission is a small JSON object; this body has " + text.length()
                    + " bytes (at most " + MAX_BODY + ").", 413);
        }
        Submission body = Submission.parse(text);
        if (body == null || body.video() == null || body.video().isBlank()) {
            throw new AnalysisException("The body needs \"video\": a path relative to the media directory.");
        }
        Map<String, String> options = body.options() == null ? Map.of() : body.options();
        checkLength(Param.VIDEO.id, body.video());
        options.forEach(AnalysesResource::checkLength);
        AnalysisRequest request = AnalysisRequest.of(body.video(), options, paths);
        if (!java.nio.file.Files.isRegularFile(request.params().video())) {
            throw new AnalysisException("There is no video " + body.video() + " in the media directory: upload it first "
                    + "(POST /api/uploads?name=...) or copy it there, then submit again.");
        }
        if (slots.queueFull()) {
            throw new ClientErrorException("The server runs " + slots.maxRunning() + " analyses at once and its queue "
                    + "is full. Submit again when some have ended.", 429);
        }
        // the job refuses it too (step "claim"), whichever way it is submitted; here it is a clear 409
        store.video(request.params().video().toString()).ifPresent(v -> {
            if (v.jobExecution != null && running.running(v.jobExecution)) {
                throw new ClientErrorException(body.video() + " is being analyzed right now (analysis "
                        + v.jobInstance + "); one analysis of a video runs at a time. Wait for it or stop it.", 409);
            }
            if (v.jobInstance != null && !request.params().replace()) {
                throw new ClientErrorException(body.video() + " holds the results of analysis " + v.jobInstance
                        + ". To replace them, submit again with \"replace\": \"true\" in the options.", 409);
            }
        });
        long execution = analyses.start(request);
        long id = BatchRuntime.getJobOperator().getJobInstance(execution).getInstanceId();
        return Response.status(Response.Status.CREATED).header("Location", "analyses/" + id)
                .entity(new Started(id, execution)).build();
    }

    /** What a stop was asked of. */
    public record Stopping(long id, long executionId) {
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
        JobExecution e = latestExecution(id);
        if (!Analyses.active(e)) {
            throw new ClientErrorException("Analysis " + id + " is not running (" + e.getBatchStatus() + ").", 409);
        }
        slots.stopWaiting(e.getExecutionId());
        try {
            analyses.stop(e);
        } catch (JobExecutionNotRunningException gone) {
            failOrphan(id, e);
        }
        return Response.accepted(new Stopping(id, e.getExecutionId())).build();
    }

    /**
     * The repository says the execution runs, this server says it does not: it lost the database
     * mid-run (it ended the job but could not record that). Marked FAILED so that it can be restarted.
     */
    private void failOrphan(long id, JobExecution e) {
        String reason = "FAILED: the server lost the database while it ran this analysis and could not record how it "
                + "ended; restart the analysis to continue from its checkpoints.";
        try {
            if (!Orphans.failExecution(jobRepository, e.getExecutionId(), System.getProperty("wlp.server.name", ""), reason)) {
                throw new ClientErrorException("Analysis " + id + " runs on another server; stop it there.", 409);
            }
            LOG.warning("Analysis " + id + ": execution " + e.getExecutionId() + " was STARTED in the job repository but "
                    + "runs nowhere; marked FAILED.");
        } catch (SQLException failed) {
            throw new IllegalStateException("could not mark execution " + e.getExecutionId() + " failed", failed);
        }
    }

    /** Continues a failed or stopped analysis from its checkpoints, with its own options. JSON body, as stop. */
    @POST
    @Path("{id}/restart")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("bbva-submitter")
    public Response restart(@PathParam("id") long id, String ignored) {
        JobExecution e = latestExecution(id);
        VideoEntity v = store.video(Analyses.videoOf(e)).orElse(null);
        if (v != null && AnalysisVideos.superseded(id, v)) {
            throw new ClientErrorException("Analysis " + id + " was superseded by analysis " + v.jobInstance
                    + " of the same video; restart that one.", 409);
        }
        if (Analyses.active(e) || !Analyses.unfinished(e)) {
            throw new ClientErrorException("Analysis " + id + " is " + e.getBatchStatus()
                    + "; only a FAILED or STOPPED analysis can be restarted.", 409);
        }
        if (slots.queueFull()) {
            throw new ClientErrorException("The server runs " + slots.maxRunning() + " analyses at once and its queue "
                    + "is full. Restart when some have ended.", 429);
        }
        try {
            int orphans = Orphans.releasePartitions(jobRepository, e.getExecutionId());
            if (orphans > 0) {
                LOG.info("Analysis " + id + ": " + orphans + " partition(s) of execution " + e.getExecutionId()
                        + " were left unfinished by a server that is gone; they run again on this restart.");
            }
            long execution = analyses.restart(e);
            return Response.status(Response.Status.CREATED).entity(new Started(id, execution)).build();
        } catch (SQLException | JobRestartException refused) {
            throw new ClientErrorException("Analysis " + id + " cannot be restarted now: " + refused.getMessage(), 409);
        }
    }

    /** Liberty's job repository keeps a job parameter in 255 characters. */
    private static void checkLength(String key, String value) {
        if (value != null && value.length() > MAX_PARAMETER) {
            throw new AnalysisException(key + " is longer than " + MAX_PARAMETER + " characters.");
        }
    }

    /** An analysis as the list shows it. */
    public record Summary(long id, long executionId, String batchStatus, String exitStatus, String video) {
    }

    /** Where an analysis stands: the same numbers, from the same tables, as the CLI's status command. */
    public record Detail(long id, long executionId, String batchStatus, String exitStatus, String video, Long supersededBy,
                         Double fps, String phase, Count frames, Long detections, Count ocr, Integer detectPercent, Integer ocrPercent,
                         Integer overallPercent, String executionMode, List<AnalysisStatus.Stream> detectionStreams,
                         List<BatchRow> batches, List<BatchWorkers> workers, List<Analyses.Step> steps) {
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
        JobExecution e = latestExecution(id);
        Summary s = summary(id, e);
        List<Analyses.Step> steps = analyses.steps(e.getExecutionId());
        VideoEntity v = store.video(Analyses.videoOf(e)).orElse(null);
        if (v == null || AnalysisVideos.superseded(id, v)) {
            return new Detail(id, s.executionId(), s.batchStatus(), s.exitStatus(), s.video(), v == null ? null : v.jobInstance,
                    null, null, null, null, null, null, null, null, null, null, null, null, steps);
        }
        AnalysisStatus status = statuses.of(v);
        Progress p = status.progress();
        return new Detail(id, s.executionId(), s.batchStatus(), s.exitStatus(), s.video(), null, v.fps, p.phase(),
                new Count(p.framesDone(), p.framesTotal()), status.detections(), new Count(p.ocrDone(), p.ocrTotal()),
                Progress.percent(p.detectFraction()), Progress.percent(p.ocrFraction()),
                Progress.percent(p.overall(Progress.Weights.DEFAULT)), status.executionMode(), status.streams(),
                status.batches().stream().map(BatchRow::of).toList(), status.batches().stream().map(BatchWorkers::of).toList(),
                steps);
    }

    /** The players, as the export has them. */
    @GET
    @Path("{id}/players")
    @RolesAllowed("bbva-monitor")
    public StreamingOutput players(@PathParam("id") long id) {
        return asExported(players.players(videoOf(id).id).stream().map(PlayerRow::of).toList());
    }

    /** People: one per (team, number) with its tracks, and the unidentified tracks; as the export has them. */
    @GET
    @Path("{id}/people")
    @RolesAllowed("bbva-monitor")
    public StreamingOutput people(@PathParam("id") long id) {
        return asExported(People.of(players.players(videoOf(id).id)).stream().map(PersonRow::of).toList());
    }

    /** The teams by kit colour, as the export has them. */
    @GET
    @Path("{id}/teams")
    @RolesAllowed("bbva-monitor")
    public StreamingOutput teams(@PathParam("id") long id) {
        return asExported(players.teams(videoOf(id).id).stream().map(TeamRow::of).toList());
    }

    /**
     * Rows written as the export writes them (Jackson), so that a missing value is there as null (a
     * player of no team, a box without a track) rather than left out as JSON-B does.
     */
    private static StreamingOutput asExported(Object rows) {
        return out -> ROWS.writeValue(out, rows);
    }

    /** One page of detections. */
    public record Page(long total, int offset, int limit, List<DetectionRow> items) {
    }

    @GET
    @Path("{id}/detections")
    @RolesAllowed("bbva-monitor")
    public StreamingOutput detections(@PathParam("id") long id, @QueryParam("offset") @DefaultValue("0") String offsetText,
                           @QueryParam("limit") @DefaultValue("100") String limitText) {
        int offset;
        int limit;
        try {
            offset = Integer.parseInt(offsetText.strip());
            limit = Integer.parseInt(limitText.strip());
        } catch (NumberFormatException e) {
            offset = -1;
            limit = -1;
        }
        if (offset < 0 || limit < 1 || limit > MAX_PAGE) {
            throw new AnalysisException("offset must be >= 0 and limit between 1 and " + MAX_PAGE + ".");
        }
        VideoEntity v = videoOf(id);
        return asExported(new Page(store.detectionCount(v.id), offset, limit,
                store.detectionsPage(v.id, offset, limit).stream().map(DetectionRow::of).toList()));
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
        VideoEntity v = videoOf(id);
        String name = v.name.replaceAll("[^A-Za-z0-9._-]", "_") + "-analysis-" + id;
        Exporter exporter = new Exporter(store, players);
        return switch (format) {
            case "json" -> download((StreamingOutput) out -> exporter.writeJson(v, out), MediaType.APPLICATION_JSON, name + ".json");
            case "csv" -> download((StreamingOutput) out -> CsvZip.write(exporter, v, name, out), "application/zip", name + "-csv.zip");
            default -> throw new AnalysisException("format must be json or csv, got '" + format + "'.");
        };
    }

    private static Response download(StreamingOutput body, String type, String fileName) {
        return Response.ok(body, type).header("Content-Disposition", "attachment; filename=\"" + fileName + "\"").build();
    }

    /** Frame N with the stored results drawn on it (as {@code bbva snapshot}). */
    @GET
    @Path("{id}/frames/{frame}")
    @Produces("image/png")
    @RolesAllowed("bbva-monitor")
    public StreamingOutput frame(@PathParam("id") long id, @PathParam("frame") String frame) {
        return Pictures.frame(store, players, videoOf(id), frame);
    }

    /** The players sheet (as {@code bbva players}); {@code ?all=true} adds short tracks. */
    @GET
    @Path("{id}/players.png")
    @Produces("image/png")
    @RolesAllowed("bbva-monitor")
    public StreamingOutput playerSheet(@PathParam("id") long id, @QueryParam("all") @DefaultValue("false") String all) {
        if (!all.equals("true") && !all.equals("false")) {
            throw new AnalysisException("all must be true or false.");
        }
        return Pictures.players(store, players, videoOf(id), Boolean.parseBoolean(all));
    }

    private JobExecution latestExecution(long id) {
        return videos.latestExecution(id);
    }

    private VideoEntity videoOf(long id) {
        return videos.of(id);
    }
}
