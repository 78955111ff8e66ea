package bbva.server;

import bbva.AnalysisException;
import bbva.AnalysisParameters;
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
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
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
    /** Options a client may set; paths in them are resolved like the video's. */
    static final Set<String> OPTIONS = Set.of(AnalysisParameters.BATCH_SIZE, AnalysisParameters.STRIDE,
            AnalysisParameters.MAX_FRAMES, AnalysisParameters.DETECTOR, AnalysisParameters.MODEL,
            AnalysisParameters.DETECTIONS, AnalysisParameters.THRESHOLD, AnalysisParameters.CLASSES,
            AnalysisParameters.THREADS, AnalysisParameters.OCR_ENABLED, AnalysisParameters.OCR_THREADS,
            AnalysisParameters.MIN_TRACK_FRAMES, ForceFailureListener.PARAMETER);

    @Inject
    Store store;
    @Inject
    PlayerStore players;
    @Inject
    ServerPaths paths;

    /** Body: {"video": "path under the media directory", "options": {"batchSizeFrames": "30", ...}}. */
    public record Submission(String video, Map<String, String> options) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("bbva-submitter")
    public Response submit(Submission body) {
        if (body == null || body.video() == null || body.video().isBlank()) {
            throw new AnalysisException("The body needs \"video\": a path relative to the media directory.");
        }
        Properties params = new Properties();
        if (body.options() != null) {
            body.options().forEach((k, v) -> {
                if (!OPTIONS.contains(k)) {
                    throw new AnalysisException("Unknown option '" + k + "'; known options: " + OPTIONS + ".");
                }
                params.setProperty(k, v == null ? "" : v);
            });
        }
        params.setProperty(AnalysisParameters.VIDEO, paths.video(body.video()).toString());
        resolve(params, AnalysisParameters.DETECTIONS, true);
        resolve(params, AnalysisParameters.MODEL, false);
        defaultModel(params);
        AnalysisParameters.parse(params);
        long execution = BatchRuntime.getJobOperator().start(Analyses.JOB, params);
        long id = BatchRuntime.getJobOperator().getJobInstance(execution).getInstanceId();
        return Response.status(Response.Status.CREATED).header("Location", "analyses/" + id)
                .entity(Map.of("id", id, "executionId", execution)).build();
    }

    private void resolve(Properties params, String key, boolean media) {
        String value = params.getProperty(key, "").strip();
        if (!value.isEmpty()) {
            params.setProperty(key, (media ? paths.video(value) : paths.model(value)).toString());
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
                    "frameEnd", b.frameEnd, "detectionStatus", b.detectionStatus, "ocrStatus", b.ocrStatus)).toList());
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
    public Map<String, Object> detections(@PathParam("id") long id, @QueryParam("offset") @DefaultValue("0") int offset,
                                          @QueryParam("limit") @DefaultValue("100") int limit) {
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
        return store.video(path).orElseThrow(() -> new NotFoundException("Analysis " + id + " has no results yet."));
    }
}
