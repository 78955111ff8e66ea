package bbva.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import bbva.detect.Detection;
import bbva.ocr.JerseyPicks;
import bbva.ocr.JerseyView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks on canonical exports (bbva export, GET /analyses/{id}/export) shared by the embedded and Liberty tests. */
public final class Exports {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Exports() {
    }

    /** The summary's detection count (summed from the batches' counts) is the number of detections exported. */
    public static void assertCountedAsExported(String summary, String exportJson) throws IOException {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("detections +: (\\d+)").matcher(summary);
        assertTrue(m.find(), summary);
        assertEquals(JSON.readTree(exportJson).get("detections").size(), Long.parseLong(m.group(1)), summary);
    }

    /**
     * The views OCR reads of an export's detections with {@code --ocr-crops perPerson}, by "frame/index",
     * batch by batch as the job picks them (for a detector without weak boxes, whose detections are all
     * exported as stored).
     */
    public static Map<String, JerseyView.Look> ocrViews(JsonNode export, int perPerson) {
        JsonNode video = export.get("video");
        Map<String, JerseyView.Look> views = new HashMap<>();
        for (JsonNode batch : export.get("batches")) {
            List<Detection> stored = new ArrayList<>();
            for (JsonNode d : export.get("detections")) {
                int frame = d.get("frame").asInt();
                if (frame >= batch.get("frameStart").asInt() && frame <= batch.get("frameEnd").asInt()) {
                    stored.add(new Detection(frame, d.get("index").asInt(), d.get("classId").asInt(), d.get("label").asText(),
                            (float) d.get("score").asDouble(), (float) d.get("x1").asDouble(), (float) d.get("y1").asDouble(),
                            (float) d.get("x2").asDouble(), (float) d.get("y2").asDouble(), null)
                            .offCourt(d.get("offCourt").asBoolean()));
                }
            }
            for (JerseyView v : JerseyPicks.toRead(stored, video.get("width").asInt(), video.get("height").asInt(), perPerson)) {
                if (v.box().inPlay()) {
                    views.put(v.box().frame() + "/" + v.box().index(), v.look());
                }
            }
        }
        return views;
    }

    /**
     * A stopped or interrupted analysis claims no more than it holds: every batch marked completed
     * (detection or OCR) has exactly the uninterrupted run's rows for its frames. Returns how many
     * batches are completed in detection. (A weak box is exported once step track has made it part of
     * a track: the stand-in model's weak box never is, so a batch's rows are final once detected.)
     */

    public static int assertStatusesAreHonest(String partialJson, String referenceJson) throws IOException {
        JsonNode partial = JSON.readTree(partialJson);
        JsonNode full = JSON.readTree(referenceJson);
        assertEquals(full.get("batches").size(), partial.get("batches").size(), "same batch plan");
        int completed = 0;
        for (JsonNode b : partial.get("batches")) {
            int from = b.get("frameStart").asInt();
            int to = b.get("frameEnd").asInt();
            if (b.get("detectionStatus").asText().equals("completed")) {
                completed++;
                assertEquals(rows(full.get("detections"), from, to), rows(partial.get("detections"), from, to),
                        "detections of batch " + b);
            }
            if (b.get("ocrStatus").asText().equals("completed")) {
                assertEquals(rows(full.get("ocrReadings"), from, to), rows(partial.get("ocrReadings"), from, to),
                        "readings of batch " + b);
            }
        }
        return completed;
    }

    /** The rows of frames [from, to], without track ids (the track step may not have run yet). */
    private static List<String> rows(JsonNode table, int from, int to) {
        List<String> out = new ArrayList<>();
        for (JsonNode row : table) {
            int frame = row.get("frame").asInt();
            if (frame >= from && frame <= to) {
                ObjectNode copy = row.deepCopy();
                copy.remove("trackId");
                out.add(copy.toString());
            }
        }
        return out;
    }

    /** No detection or reading twice, and as many detections as the reference run has. */
    public static void assertNoDuplicates(String json, String referenceJson) throws IOException {
        JsonNode export = JSON.readTree(json);
        for (String table : new String[] {"detections", "ocrReadings"}) {
            Set<String> keys = new HashSet<>();
            for (JsonNode d : export.get(table)) {
                assertTrue(keys.add(d.get("frame") + "/" + d.get("index")), "duplicate " + table + " row " + d);
            }
        }
        assertEquals(JSON.readTree(referenceJson).get("detections").size(), export.get("detections").size());
    }
}
