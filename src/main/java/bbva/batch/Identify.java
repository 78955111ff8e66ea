package bbva.batch;

import bbva.AnalysisParameters;
import bbva.detect.Detection;
import bbva.identify.Player;
import bbva.identify.PlayerVote;
import bbva.store.PlayerStore;
import bbva.store.Store;
import bbva.store.VideoEntity;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.BatchStatus;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;

/** Step "identify": per track, vote the jersey number, add the team; replaces the video's players in one transaction. */
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
        List<Detection> tracked = store.detections(video.id, 0, Integer.MAX_VALUE).stream()
                .filter(d -> d.trackId() != null).toList();
        List<Player> result = PlayerVote.vote(tracked, players.readings(video.id), params.minTrackFrames(),
                params.minNumberConfidence());
        Map<Integer, Integer> teams = players.teamOfTrack(video.id);
        FaultPoints.reach("identify.voting");
        players.replacePlayers(video.id, result.stream().map(p -> p.withTeam(teams.get(p.trackId()))).toList());
        return BatchStatus.COMPLETED.name();
    }
}
