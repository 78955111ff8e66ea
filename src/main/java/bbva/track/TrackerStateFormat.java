package bbva.track;

import bbva.AnalysisException;
import bbva.colour.Appearance;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;

/**
 * The tracker's restart state as stored text: JSON with an explicit format number, so that a state
 * saved by another version of bbva is recognised (and migrated or refused with advice), never
 * misread. Doubles are written in their shortest exact form, so a restored tracker continues with
 * bit-identical boxes and velocities.
 */
public final class TrackerStateFormat {
    /** Raise when the stored shape changes, and teach {@link #decode} the older one or what to do about it. */
    public static final int FORMAT = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    private TrackerStateFormat() {
    }

    public static String encode(Tracker.State state) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("nextId", state.nextId);
        root.put("births", state.births);
        writeTracks(root.putArray("tracks"), state.tracks);
        writeTracks(root.putArray("lost"), state.lost);
        return root.toString();
    }

    /** The state stored as {@code text} under format {@code format}. */
    public static Tracker.State decode(int format, String text) {
        if (format != FORMAT) {
            throw new AnalysisException("The tracking state stored for this analysis has format " + format
                    + ", which this version of bbva (format " + FORMAT + ") cannot continue from. "
                    + "Finish it with the bbva version that started it, or analyze the video again from the start "
                    + "(bbva analyze VIDEO --fresh).");
        }
        try {
            JsonNode root = JSON.readTree(text);
            Tracker.State state = new Tracker.State();
            state.nextId = root.get("nextId").asInt();
            state.births = root.get("births").asLong();
            readTracks(root.get("tracks"), state.tracks);
            readTracks(root.get("lost"), state.lost);
            return state;
        } catch (IOException | RuntimeException e) {
            throw new AnalysisException("The tracking state stored for this analysis cannot be read (" + e.getMessage()
                    + "); analyze the video again from the start (bbva analyze VIDEO --fresh).", e);
        }
    }

    private static void writeTracks(ArrayNode out, List<Track> tracks) {
        for (Track t : tracks) {
            ObjectNode n = out.addObject();
            n.put("id", t.id);
            n.put("birth", t.birthOrder);
            n.putArray("box").add(t.x1).add(t.y1).add(t.x2).add(t.y2);
            n.putArray("v").add(t.vx).add(t.vy);
            n.put("last", t.lastFrame);
            n.put("hits", t.hits);
            n.put("missed", t.missed);
            if (t.appearance != null) {
                n.put("appearance", t.appearance.encode());
            }
        }
    }

    private static void readTracks(JsonNode in, List<Track> into) {
        for (JsonNode n : in) {
            JsonNode box = n.get("box");
            Track t = new Track(n.get("birth").asLong(), box.get(0).asDouble(), box.get(1).asDouble(),
                    box.get(2).asDouble(), box.get(3).asDouble(), n.get("last").asInt());
            t.id = n.get("id").asInt();
            t.vx = n.get("v").get(0).asDouble();
            t.vy = n.get("v").get(1).asDouble();
            t.hits = n.get("hits").asInt();
            t.missed = n.get("missed").asInt();
            t.appearance = n.has("appearance") ? Appearance.decode(n.get("appearance").asText()) : null;
            into.add(t);
        }
    }
}
