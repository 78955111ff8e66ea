package bbva.detect;

/**
 * One detected object in one frame: the single value type that flows from the detector through
 * the writer, the store and the export. Box corners are in frame pixels. {@code index} is the
 * rank within its frame (assigned by {@link Detections#rank}), {@code trackId} is null until tracked.
 * {@code appearance} is a person's torso colours, taken from the frame by the detect step (null for
 * other classes, and for results stored before it existed).
 */
public record Detection(int frame, int index, int classId, String label, float score,
                        float x1, float y1, float x2, float y2, Integer trackId, Appearance appearance) {
    public static final String PERSON = "person";

    public Detection(int frame, int index, int classId, String label, float score,
                     float x1, float y1, float x2, float y2, Integer trackId) {
        this(frame, index, classId, label, score, x1, y1, x2, y2, trackId, null);
    }

    public static Detection of(int classId, String label, float score, float x1, float y1, float x2, float y2) {
        return new Detection(-1, -1, classId, label, score, x1, y1, x2, y2, null, null);
    }

    public Detection at(int frameIndex, int rank) {
        return new Detection(frameIndex, rank, classId, label, score, x1, y1, x2, y2, trackId, appearance);
    }

    public Detection withTrack(Integer track) {
        return new Detection(frame, index, classId, label, score, x1, y1, x2, y2, track, appearance);
    }

    public Detection withAppearance(Appearance a) {
        return new Detection(frame, index, classId, label, score, x1, y1, x2, y2, trackId, a);
    }

    public boolean person() {
        return PERSON.equals(label);
    }

    public float width() {
        return x2 - x1;
    }

    public float height() {
        return y2 - y1;
    }
}
