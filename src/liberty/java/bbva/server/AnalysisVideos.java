package bbva.server;

import bbva.app.Analyses;
import bbva.store.Store;
import bbva.store.VideoEntity;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.JobExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotFoundException;

/** The video row whose results an analysis (a job instance) shows, or the reason it has none. */
@ApplicationScoped
public class AnalysisVideos {
    @Inject
    Store store;
    private final Analyses analyses = new Analyses(BatchRuntime.getJobOperator());

    JobExecution latestExecution(long id) {
        return analyses.latestExecution(id)
                .orElseThrow(() -> new NotFoundException("No analysis " + id + ": GET /api/analyses lists them."));
    }

    VideoEntity of(long id) {
        String path = Analyses.videoOf(latestExecution(id));
        VideoEntity v = store.video(path).orElseThrow(() -> new NotFoundException("Analysis " + id + " has no results yet."));
        requireCurrent(id, v);
        return v;
    }

    /** Results are kept per video file: a later analysis of the file replaces an earlier one's. */
    static boolean superseded(long id, VideoEntity v) {
        return v.jobInstance != null && v.jobInstance != id;
    }

    static void requireCurrent(long id, VideoEntity v) {
        if (superseded(id, v)) {
            throw new ClientErrorException("Analysis " + id + " was superseded by analysis " + v.jobInstance
                    + " of the same video, whose results replaced its own.", 409);
        }
    }
}
