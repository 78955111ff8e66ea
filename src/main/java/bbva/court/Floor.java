package bbva.court;

import bbva.detect.Detection;
import bbva.video.VideoFrame;
import java.util.List;

/**
 * The floor rule of an analysis ({@link CourtSpec}) applied to a frame: where the court is, and which
 * people stand off it.
 */
public final class Floor {
    /** Height over width of the squattest box still taken for someone on their feet. */
    static final double MIN_STANDING = 1.3;

    private final CourtSpec spec;
    private final Court fixed;

    public Floor(CourtSpec spec) {
        this.spec = spec;
        this.fixed = spec.mode() == CourtSpec.Mode.POLYGON ? new Court(spec.polygon()) : null;
    }

    public FrameView view(VideoFrame frame) {
        Court court = switch (spec.mode()) {
            case AUTO -> CourtFinder.find(frame).orElse(null);
            case POLYGON -> fixed;
            case OFF -> null;
        };
        return new FrameView(frame.index(), court, FrameLook.of(frame));
    }

    /**
     * The detections with every person off the court marked: feet off it, or a box no taller than
     * {@link #MIN_STANDING} times its width inside it (a courtside fan's head and shoulders in front
     * of the floor; players, even crouching, are taller). With no court, nobody is.
     */
    public static List<Detection> mark(List<Detection> detections, Court court) {
        if (court == null) {
            return detections;
        }
        return detections.stream()
                .map(d -> d.person() && (!court.holdsFeetOf(d) || d.height() < MIN_STANDING * d.width()) ? d.offCourt(true) : d)
                .toList();
    }
}
