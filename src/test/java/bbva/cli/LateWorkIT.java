package bbva.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bbva.AnalysisException;
import bbva.embedded.DataDir;
import bbva.embedded.EmbeddedRuntime;
import bbva.BatchPlan;
import bbva.store.PlayerStore;
import bbva.store.Store;
import bbva.store.VideoEntity;
import bbva.video.PlayerClip;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Work of an execution that no longer holds the video's rows (a partition delivered after a restart
 * took them over) stores nothing: its writes are refused, its failures are not recorded, and the
 * analysis exports what it did before.
 */
class LateWorkIT {
    @Test
    void anExecutionThatNoLongerHoldsTheRowsWritesNothing(@TempDir Path dir) throws Exception {
        Path clip = PlayerClip.render(dir.resolve("game.mp4"), 40);
        Path boxes = PlayerClip.boxes(dir.resolve("truth.csv"), 40);
        Cli cli = new Cli(dir.resolve("data"));
        cli.run("analyze", clip.toString(), "--detector", "file", "--detections", boxes.toString(), "--batch-size", "20",
                "--no-progress").expect(0).contains("batches         : 2/2 completed");
        String before = cli.export(clip);

        try (EmbeddedRuntime runtime = EmbeddedRuntime.own(new DataDir(cli.dataDir()), new Properties()).orElseThrow()) {
            Store store = runtime.store();
            VideoEntity video = store.video(clip.toString()).orElseThrow();
            long holder = video.jobExecution;
            long late = holder + 1;
            long detections = store.detectionRows(video.id);
            assertTrue(detections > 0);

            AnalysisException refused = assertThrows(AnalysisException.class,
                    () -> store.writeDetections(video.id, late, BatchPlan.of(video), 0, 19, List.of(), List.of(), java.util.Map.of()));
            assertTrue(refused.getMessage().contains("Execution " + late + " no longer holds the results"), refused.getMessage());
            assertEquals(detections, store.detectionRows(video.id), "the refused write deleted nothing");
            PlayerStore players = runtime.players();
            // every write of the video's rows goes through the same check: tracks, teams, players too
            assertThrows(AnalysisException.class, () -> store.writeTracks(video.id, late, BatchPlan.of(video), 0, 19, List.of(), List.of(), List.of(0), -1, null));
            assertThrows(AnalysisException.class, () -> players.replaceTeams(video.id, late,
                    new bbva.teams.TeamAssignment(List.of(), java.util.Map.of())));
            assertThrows(AnalysisException.class, () -> players.replacePlayers(video.id, late, List.of()));
            assertEquals(4, players.players(video.id).size(), "the refused writes replaced nothing");
            store.requireHolder(video, holder);
            assertThrows(AnalysisException.class, () -> store.requireHolder(video, late));

            store.recordFailure(video.path, late, "FAILED: a late partition's reason");
            assertNull(store.video(video.path).orElseThrow().failure, "a late execution's failure is not recorded");
            store.recordFailure(video.path, holder, "FAILED: the holder's reason");
            assertEquals("FAILED: the holder's reason", store.video(video.path).orElseThrow().failure);
        }
        assertEquals(before, cli.export(clip), "the results are those of the analysis");
    }
}
