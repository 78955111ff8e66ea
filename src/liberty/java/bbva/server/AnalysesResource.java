package bbva.server;

import bbva.AnalysisException;
import bbva.AnalysisParameters;
import bbva.RunningExecutions;
import bbva.batch.ForceFailureListener;
import bbva.detect.Detection;
import bbva.export.Exporter;
import bbva.progress.Progress;
import bbva.progress.StoredProgress;
import bbva.store.BatchEntity;
import bbva.store.PlayerEntity;
import bbva.store.PlayerStore;
import bbva.store.Store;
import bbva.store.VideoEntity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.JobInstance;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/** The app's REST API over the same job and tables as the CLI. An analysis id is its job instance id. */
@Path("/analyses")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AnalysesResource {
    static final int MAX_PAGE = 1000;
    static final int MAX_PARAMETER = 255;
    static final long MAX_BODY = 64 * 1024;
    private static final Jsonb JSON = JsonbBuilder.create();
    /** Options a client may set; paths in them are resolved like the video's. */
    static final Set<String> OPTIONS = Set.of(AnalysisParameters.BATCH_SIZE, AnalysisParameters.STRIDE,
            AnalysisParameters.MAX_FRAMES, AnalysisParameters.DETECTOR, AnalysisParameters.MODEL,
            AnalysisParameters.DETECTIONS, AnalysisParameters.THRESHOLD, AnalysisParameters.CLASSES,
            AnalysisParameters.THREADS, AnalysisParameters.OCR_ENABLED, AnalysisParameters.OCR_THREADS,
            AnalysisParameters.MIN_TRACK_FRAMES, AnalysisParameters.REPLACE, ForceFailureListener.PARAMETER);

    @Inject
    Store store;
    @Inject
    PlayerStore players;
    @Inject
    ServerPaths paths;
    @Inject
    RunningExecutions running;
    @Inject
    ServerSlots slots;

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
        checkLength(AnalysisParameters.VIDEO, body.video());
        Properties params = new Properties();
        if (body.options() != null) {
            body.options().forEach((k, v) -> {
                // JSON-B reads an array given as "options" into a map with a null key
                if (k == null || !OPTIONS.contains(k)) {
                    throw new AnalysisException("Unknown option '" + k + "'; known options: " + OPTIONS + ".");
                }
                checkLength(k, v);
                params.setProperty(k, v == null ? "" : v);
            });
        }
        params.setProperty(AnalysisParameters.VIDEO, paths.video(body.video()).toString());
        resolve(params, AnalysisParameters.DETECTIONS, true);
        resolve(params, AnalysisParameters.MODEL, false);
        defaultModel(params);
        AnalysisParameters.parse(params);
        if (slots.queueFull()) {
            throw new ClientErrorException("The server runs " + slots.maxRunning() + " analyses at once and its queue "
                    + "is full. Submit again when some have ended.", 429);
        }
        // the job refuses it too (step "claim"), whichever way it is submitted; here it is a clear 409
        boolean replace = AnalysisParameters.parse(params).replace();
        store.video(params.getProperty(AnalysisParameters.VIDEO)).ifPresent(v -> {
            if (v.jobExecution != null && running.running(v.jobExecution)) {
                throw new ClientErrorException(body.video() + " is being analyzed right now (analysis "
                        + v.jobInstance + "); one analysis of a video runs at a time. Wait for it or stop it.", 409);
            }
            if (v.jobInstance != null && !replace) {
                throw new ClientErrorException(body.video() + " holds the results of analysis " + v.jobInstance
                        + ". To replace them, submit again with \"replace\": \"true\" in the options.", 409);
            }
        });
        long execution = BatchRuntime.getJobOperator().start(Analyses.JOB, params);
        long id = BatchRuntime.getJobOperator().getJobInstance(execution).getInstanceId();
        return Response.status(Response.Status.CREATED).header("Location", "analyses/" + id)
                .entity(Map.of("id", id, "executionId", execution)).build();
    }

    /** Liberty's job repository keeps a job parameter in 255 characters. */
    private static void checkLength(String key, String value) {
        if (value != null && value.length() > MAX_PARAMETER) {
            throw new AnalysisException(key + " is longer than " + MAX_PARAMETER + " characters.");
        }
    }

    private void resolve(Properties params, String key, boolean media) {
        String value = params.getProperty(key, "").strip();
        if (!value.isEmpty()) {
            params.setProperty(key, ServerPaths.inside(media ? paths.media() : paths.models(), value,
                    media ? "media directory" : "models directory", key).toString());
        }
    }

    /** As the CLI does with models/rfdetr.onnx: detector auto uses the models directory's rfdetr.onnx if present. */
    private void defaultModel(Properties params) {
        String detector = params.getProperty(AnalysisParameters.DETECTOR, "").strip();
        java.nio.file.Path standard = paths.models().resolve("rfdetr.onnx");
        if ((detector.isEmpty() || detector.equals("auto")) && params.getProperty(AnalysisParameters.MODEL, "").isBlank()
                && java.nio.file.Files.exists(standard)) {
            params.setProperty(AnalysisParameters.MODEL, standard.toString());
        }
    }

    @GET
    @RolesAllowed("bbva-monitor")
    public List<Map<String, Object>> list() {
        return Analyses.all().stream().sorted(java.util.Comparator.comparingLong(JobInstance::getInstanceId))
                .map(i -> summary(i.getInstanceId(), Analyses.latestExecution(i))).toList();
    }

    private Map<String, Object> summary(long id, JobExecution e) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("executionId", e.getExecutionId());
        out.put("batchStatus", e.getBatchStatus().name());
        out.put("exitStatus", e.getExitStatus());
        out.put("video", paths.relative(e.getJobParameters().getProperty(AnalysisParameters.VIDEO)));
        return out;
    }

    /** Status and progress: the same numbers, from the same tables, as the CLI's status command. */
    @GET
    @Path("{id}")
    @RolesAllowed("bbva-monitor")
    public Map<String, Object> get(@PathParam("id") long id) {
        JobExecution e = Analyses.latestExecution(id);
        Map<String, Object> out = summary(id, e);
        store.video(e.getJobParameters().getProperty(AnalysisParameters.VIDEO)).ifPresent(v -> {
            if (superseded(id, v)) {
                out.put("supersededBy", v.jobInstance);
                return;
            }
            List<BatchEntity> batches = store.batches(v.id);
            Progress p = StoredProgress.of(players, v, batches);
            out.put("phase", p.phase());
            out.put("frames", Map.of("done", p.framesDone(), "total", p.framesTotal()));
            out.put("detections", store.detectionCount(v.id));
            out.put("ocr", Map.of("done", p.ocrDone(), "total", p.ocrTotal()));
            out.put("detectPercent", Progress.percent(p.detectFraction()));
            out.put("ocrPercent", Progress.percent(p.ocrFraction()));
            out.put("overallPercent", Progress.percent(p.overall(Progress.Weights.DEFAULT)));
            out.put("batches", batches.stream().map(b -> Map.of("index", b.batchIndex, "frameStart", b.frameStart,
                    "frameEnd", b.frameEnd, "detectionStatus", b.detectionStatus.db(), "ocrStatus", b.ocrStatus.db())).toList());
        });
        out.put("steps", Analyses.steps(e.getExecutionId()));
        return out;
    }

    @GET
    @Path("{id}/players")
    @RolesAllowed("bbva-monitor")
    public List<PlayerEntity> players(@PathParam("id") long id) {
        return players.players(videoOf(id).id);
    }

    @GET
    @Path("{id}/detections")
    @RolesAllowed("bbva-monitor")
    public Map<String, Object> detections(@PathParam("id") long id, @QueryParam("offset") @DefaultValue("0") String offsetText,
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
        List<Detection> page = store.detectionsPage(v.id, offset, limit);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("total", store.detectionCount(v.id));
        out.put("offset", offset);
        out.put("limit", limit);
        out.put("items", page);
        return out;
    }

    /** The canonical export, byte for byte what {@code bbva export --format json} writes. */
    @GET
    @Path("{id}/export")
    @RolesAllowed("bbva-monitor")
    public StreamingOutput export(@PathParam("id") long id) {
        VideoEntity v = videoOf(id);
        return out -> new Exporter(store, players).writeJson(v, out);
    }

    private VideoEntity videoOf(long id) {
        String path = Analyses.latestExecution(id).getJobParameters().getProperty(AnalysisParameters.VIDEO);
        VideoEntity v = store.video(path).orElseThrow(() -> new NotFoundException("Analysis " + id + " has no results yet."));
        if (superseded(id, v)) {
            throw new ClientErrorException("Analysis " + id + " was superseded by analysis " + v.jobInstance
                    + " of the same video, whose results replaced its own.", 409);
        }
        return v;
    }

    /** Results are kept per video file: a later analysis of the file replaces an earlier one's. */
    private static boolean superseded(long id, VideoEntity v) {
        return v.jobInstance != null && v.jobInstance != id;
    }
}
