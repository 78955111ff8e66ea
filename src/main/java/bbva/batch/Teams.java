package bbva.batch;

import bbva.BatchPlan;
import bbva.batch.faults.FaultPoints;
import bbva.store.PlayerStore;
import bbva.store.Store;
import bbva.store.VideoEntity;
import bbva.teams.KitClustering;
import bbva.teams.TeamAssignment;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.BatchStatus;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Step "teams": clusters the tracked people's kit colours into teams and gives each track one; replaces
 * the video's teams in one transaction. Deterministic, so a rerun after a crash writes the same rows.
 */
@Named("teams")
@Dependent
public class Teams extends AbstractBatchlet {
    @Inject
    JobParameters job;
    @Inject
    Store store;
    @Inject
    PlayerStore players;

    @Override
    public String process() {
        VideoEntity video = job.video();
        BatchPlan plan = BatchPlan.of(video);
        TeamAssignment teams = KitClustering.assign(each -> store.forEachBatch(video.id, plan, (span, boxes) -> boxes.forEach(each)),
                job.params().teams());
        FaultPoints.reach("teams.clustered");
        players.replaceTeams(video.id, job.execution(), teams);
        return BatchStatus.COMPLETED.name();
    }
}
