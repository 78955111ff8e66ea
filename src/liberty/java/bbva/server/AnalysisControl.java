package bbva.server;

import bbva.AnalysisException;
import bbva.Param;
import bbva.RunningExecutions;
import bbva.app.AnalysisRequest;
import bbva.app.Analyses;
import bbva.store.Store;
import bbva.store.VideoEntity;
import jakarta.annotation.Resource;
import jakarta.batch.operations.JobExecutionNotRunningException;
import jakarta.batch.operations.JobRestartException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.JobExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.ClientErrorException;
import java.sql.SQLException;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * What the REST API changes: it submits, stops and restarts analyses. Requests are checked here
 * (body size and shape, parameter lengths, the video in the media directory, a full queue, the
 * video's own analysis running or holding results) so that a refusal is a clear 4xx; the job checks
 * the rules again (step "claim") however it is submitted.
 */
@ApplicationScoped
public class AnalysisControl {
    static final int MAX_PARAMETER = 255;
    static final long MAX_BODY = 64 * 1024;
    static final int RESTART_ATTEMPTS = 5;
    static final long RESTART_PAUSE_MILLIS = 1000;
    private static final Jsonb JSON = JsonbBuilder.create();
    private static final Logger LOG = Logger.getLogger(AnalysisControl.class.getName());

    @Inject
    Store store;
    @Resource(lookup = "jdbc/batch")
    DataSource jobRepository;
    @Inject
    ServerPaths paths;
    @Inject
    RunningExecutions running;
    @Inject
    ServerSlots slots;
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

    /** What a stop was asked of. */
    public record Stopping(long id, long executionId) {
    }

    /** Starts an analysis of a video in the media directory. */
    public Started submit(String text, Long length) {
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
        options.forEach(AnalysisControl::checkLength);
        AnalysisRequest request = AnalysisRequest.of(body.video(), options, paths);
        if (!java.nio.file.Files.isRegularFile(request.params().video())) {
            throw new AnalysisException("There is no video " + body.video() + " in the media directory: upload it first "
                    + "(POST /api/uploads?name=...) or copy it there, then submit again.");
        }
        checkQueue("Submit");
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
        return new Started(id, execution);
    }

    /** Stops the analysis's running execution, also one waiting for a slot. */
    public Stopping stop(long id) {
        JobExecution e = videos.latestExecution(id);
        if (!Analyses.active(e)) {
            throw new ClientErrorException("Analysis " + id + " is not running (" + e.getBatchStatus() + ").", 409);
        }
        slots.stopWaiting(e.getExecutionId());
        try {
            analyses.stop(e);
        } catch (JobExecutionNotRunningException gone) {
            failOrphan(id, e);
        }
        return new Stopping(id, e.getExecutionId());
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

    /** Continues a failed or stopped analysis from its checkpoints, with its own options. */
    public Started restart(long id) {
        JobExecution e = videos.latestExecution(id);
        VideoEntity v = store.video(Analyses.videoOf(e)).orElse(null);
        if (v != null && AnalysisVideos.superseded(id, v)) {
            throw new ClientErrorException("Analysis " + id + " was superseded by analysis " + v.jobInstance
                    + " of the same video; restart that one.", 409);
        }
        if (Analyses.active(e) || !Analyses.unfinished(e)) {
            throw new ClientErrorException("Analysis " + id + " is " + e.getBatchStatus()
                    + "; only a FAILED or STOPPED analysis can be restarted.", 409);
        }
        checkQueue("Restart");
        for (int attempt = 1; ; attempt++) {
            try {
                int orphans = Orphans.releasePartitions(jobRepository, e.getExecutionId());
                if (orphans > 0) {
                    LOG.info("Analysis " + id + ": " + orphans + " partition(s) of execution " + e.getExecutionId()
                            + " were left unfinished; they run again on this restart.");
                }
                return new Started(id, analyses.restart(e));
            } catch (SQLException | JobRestartException refused) {
                // in distributed mode a partition still queued when the execution ended may start on an executor
                // just after the release: release it too (its writes are refused once the restart holds the rows)
                if (attempt == RESTART_ATTEMPTS || !String.valueOf(refused.getMessage()).contains("non-final state")) {
                    throw new ClientErrorException("Analysis " + id + " cannot be restarted now: " + refused.getMessage(), 409);
                }
                pause(RESTART_PAUSE_MILLIS);
            }
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new ClientErrorException("The restart was interrupted; ask again.", 409);
        }
    }

    /** Liberty's job repository keeps a job parameter in 255 characters. */
    private static void checkLength(String key, String value) {
        if (value != null && value.length() > MAX_PARAMETER) {
            throw new AnalysisException(key + " is longer than " + MAX_PARAMETER + " characters.");
        }
    }

    /** 429 when the server's queue is full; {@code what} the user can do again later. */
    private void checkQueue(String what) {
        if (slots.queueFull()) {
            throw new ClientErrorException("The server runs " + slots.maxRunning() + " analyses at once and its queue "
                    + "is full. " + what + " again when some have ended.", 429);
        }
    }
}
