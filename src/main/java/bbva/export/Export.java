package bbva.export;

import java.util.List;

/** The whole canonical export of one analysis, in the order it is written. */
public record Export(VideoRow video, List<BatchRow> batches, List<DetectionRow> detections, List<ReadingRow> ocrReadings,
                     List<TeamRow> teams, List<PlayerRow> players, List<PersonRow> people, List<SceneCutRow> sceneCuts) {
}
