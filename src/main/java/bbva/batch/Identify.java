package bbva.batch;

import bbva.AnalysisParameters;
import bbva.ocr.OcrReading;
import bbva.identify.Player;
import bbva.identify.PlayerVote;
import bbva.BatchPlan;
import bbva.batch.faults.FaultPoints;
import bbva.store.PlayerStore;
import bbva.store.Store;
import bbva.store.VideoEntity;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.BatchStatus;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Step "identify": per track, vote the jersey number, add the team; replaces the video's players in one
 * transaction. It goes through the video a batch at a time: memory holds the tracks, not the boxes.
 */
@Named("identify")
@Dependent
public class Identify extends AbstractBatchlet {
    @Inject
    JobParameters job;
    @Inject
    Store store;
    @Inject
    PlayerStore players;

    @Override
    public String process() {
        AnalysisParameters params = job.params();
        VideoEntity video = job.video();
        BatchPlan plan = BatchPlan.of(video);
        PlayerVote vote = new PlayerVote(plan);
        store.forEachBatch(video.id, plan, (span, detections) -> {
            Map<String, OcrReading> read = new HashMap<>();
            players.readings(video.id, span.frameStart(), span.frameEnd()).forEach(r -> read.put(r.frame() + "/" + r.index(), r));
            detections.forEach(d -> vote.add(d, read.get(d.frame() + "/" + d.index())));
        });
        List<Player> result = vote.players(params.minTrackFrames(), params.minNumberConfidence());
        Map<Integer, Integer> teams = players.teamOfTrack(video.id);
        FaultPoints.reach("identify.voting");
        boolean videoHasTeams = !players.teams(video.id).isEmpty();
        players.replacePlayers(video.id, job.execution(),
                result.stream().map(p -> p.inTeam(teams.get(p.trackId()), videoHasTeams)).toList());
        return BatchStatus.COMPLETED.name();
    }
}
