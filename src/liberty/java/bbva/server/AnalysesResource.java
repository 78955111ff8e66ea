package bbva.server;

import bbva.AnalysisException;
import bbva.AnalysisParameters;
import bbva.detect.LabelMap;
import bbva.progress.Progress;
import bbva.store.BatchEntity;
import bbva.store.PlayerEntity;
import bbva.store.PlayerStore;
import bbva.store.Store;
import bbva.store.VideoEntity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobInstanceException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.JobInstance;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** The app's REST API over the same tables and job as the CLI. An analysis id is its job instance id. */
@Path("/analyses")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AnalysesResource {
    static final String JOB = "video-analysis";

    @Inject
    Store store;
    @Inject
    PlayerStore players;
    @Inject
    MediaDirectory media;

    /** Body: {"video": "path under the media directory", "options": {"batchSizeFrames": "30", ...}}. */
    public record Submission(String video, Map<String, String> options) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("bbva-submitter")
    public Response submit(Submission body) {
        if (body == null || body.video() == null) {
            throw new AnalysisException("The body needs \"video\": a path under the media directory.");
        }
        Properties params = new Properties();
        if (body.options() != null) {
            params.putAll(body.options());
        }
        params.setProperty(AnalysisParameters.VIDEO, media.resolve(body.video()).toString());
        AnalysisParameters.parse(params);
        JobOperator jobs = BatchRuntime.getJobOperator();
        long execution = jobs.start(JOB, params);
        long instance = jobs.getJobInstance(execution).getInstanceId();
        return Response.status(Response.Status.CREATED).entity(Map.of("id", instance, "executionId", execution)).build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed("bbva-monitor")
    public Map<String, Object> get(@PathParam("id") long id) {
        JobExecution e = latestExecution(id);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("executionId", e.getExecutionId());
        out.put("batchStatus", e.getBatchStatus().name());
        out.put("exitStatus", e.getExitStatus());
        String path = e.getJobParameters().getProperty(AnalysisParameters.VIDEO);
        out.put("video", media.relative(path));
        store.video(path).ifPresent(v -> {
            List<BatchEntity> batches = store.batches(v.id);
            Progress p = Progress.of(v, batches, players.ocrProgress(v.id, LabelMap.PERSON_LABELS));
            out.put("phase", p.detectFraction() < 1 ? "detect" : p.ocrEnabled() && p.ocrFraction() < 1 ? "ocr" : "done");
            out.put("frames", Map.of("done", p.framesDone(), "total", p.framesTotal()));
            out.put("detections", store.detectionCount(v.id));
            out.put("ocr", Map.of("done", p.ocrDone(), "total", p.ocrTotal()));
            out.put("detectPercent", Progress.percent(p.detectFraction()));
            out.put("overallPercent", Progress.percent(p.overall(Progress.Weights.DEFAULT)));
            out.put("batches", batches.stream().map(b -> Map.of("index", b.batchIndex, "frameStart", b.frameStart,
                    "frameEnd", b.frameEnd, "detectionStatus", b.detectionStatus, "ocrStatus", b.ocrStatus)).toList());
        });
        return out;
    }

    @GET
    @Path("{id}/players")
    @RolesAllowed("bbva-monitor")
    public List<PlayerEntity> players(@PathParam("id") long id) {
        VideoEntity v = videoOf(id);
        return players.players(v.id);
    }

    private VideoEntity videoOf(long id) {
        String path = latestExecution(id).getJobParameters().getProperty(AnalysisParameters.VIDEO);
        return store.video(path).orElseThrow(() -> new NotFoundException("analysis " + id + " has no results yet"));
    }

    private static JobExecution latestExecution(long id) {
        JobOperator jobs = BatchRuntime.getJobOperator();
        try {
            for (JobInstance instance : jobs.getJobInstances(JOB, 0, Integer.MAX_VALUE)) {
                if (instance.getInstanceId() == id) {
                    List<JobExecution> executions = jobs.getJobExecutions(instance);
                    return executions.stream().max((a, b) -> Long.compare(a.getExecutionId(), b.getExecutionId())).orElseThrow();
                }
            }
        } catch (NoSuchJobInstanceException | jakarta.batch.operations.NoSuchJobException ignored) {
            // fall through to 404
        }
        throw new NotFoundException("no analysis " + id);
    }
}
