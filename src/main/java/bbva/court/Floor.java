package bbva.court;

import bbva.detect.Detection;
import bbva.video.VideoFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.Predicate;

/**
 * The floor rule of an analysis ({@link CourtSpec}) applied to a frame: where the court is, and which
 * people stand off it.
 */
public final class Floor {
    /** Height over width of the squattest box still taken for someone on their feet. */
    static final double MIN_STANDING = 1.3;
    static final int MIN_PEOPLE_ON_IT = 3;
    static final double MIN_SIZE = 0.55;
    static final int MIN_FOR_SIZE = 4;
    /** Feet closer than this many heights below a found floor's far edge stand against the boards. */
    static final double FAR_EDGE = 0.35;

    private final CourtSpec spec;
    private final Court fixed;

    public Floor(CourtSpec spec) {
        this.spec = spec;
        this.fixed = spec.mode() == CourtSpec.Mode.POLYGON ? new Court(spec.polygon()) : null;
    }

    /**
     * What the frame alone shows: the court its colours suggest (AUTO; null when none), and its look.
     * It needs no detections, so the detect step surveys a frame while the model runs on the one before.
     */
    public record Survey(int frame, int height, Court found, FrameLook look) {
    }

    public Survey survey(VideoFrame frame) {
        Court found = spec.mode() == CourtSpec.Mode.AUTO ? CourtFinder.find(frame).orElse(null) : null;
        return new Survey(frame.index(), frame.height(), found, FrameLook.of(frame));
    }

    /**
     * The frame's court and look. A court found by colour counts only when at least
     * {@link #MIN_PEOPLE_ON_IT} of the frame's people stand on it: a wide shot of a game always has
     * them, while the largest single-coloured surface of other footage (a lawn beside a path in
     * vtest.avi) or of a close-up is no court.
     */
    public FrameView view(Survey survey, List<Detection> detections) {
        Court court = switch (spec.mode()) {
            case AUTO -> survey.found() != null && detections.stream()
                    .filter(d -> d.person() && !d.weak() && survey.found().holdsFeetOf(d, survey.height())).count() >= MIN_PEOPLE_ON_IT
                    ? survey.found() : null;
            case POLYGON -> fixed;
            case OFF -> null;
        };
        return new FrameView(survey.frame(), court, survey.look());
    }

    /**
     * {@link #byFeetAndSize}, and on a floor found by its colour also everyone whose feet
     * are less than {@link #FAR_EDGE} of their height below its far edge. The floor's colour runs past
     * the far sideline to the boards or the bench, where staff and bench players stand; players keep
     * in front of them. On the shared clip staff stood 0.16-0.30 of their height below the edge,
     * players on the far sideline 0.40 or more. A polygon the user gave is the floor as it is.
     */
    public List<Detection> mark(List<Detection> detections, FrameView view, int frameHeight) {
        List<Detection> marked = byFeetAndSize(detections, view.court(), frameHeight);
        if (spec.mode() != CourtSpec.Mode.AUTO || view.court() == null) {
            return marked;
        }
        return marked.stream().map(d -> d.inPlay() && againstFarEdge(d, view.court(), frameHeight) ? d.offCourt(true) : d).toList();
    }

    /** A floor that runs out of the frame's top has no far edge in view. */
    static boolean againstFarEdge(Detection d, Court court, int frameHeight) {
        OptionalDouble edge = court.farSidelineAt((d.x1() + d.x2()) / 2);
        return edge.isPresent() && edge.getAsDouble() > 0.02 * frameHeight
                && d.y2() - edge.getAsDouble() < FAR_EDGE * d.height();
    }

    /**
     * The detections with every person off the court marked, given the frame's court (none: nobody
     * is). Off the court are: feet off it; a box no taller than {@link #MIN_STANDING} times its width
     * (a courtside fan's head and shoulders in front of the floor; players, even crouching, are
     * taller); and, once {@link #MIN_FOR_SIZE} people stand on it, a box under {@link #MIN_SIZE} of
     * the height people on the floor have where its feet are (a fan in the front row, whose feet are
     * hidden below the floor's edge). That height is a line of feet row, fitted to the people on the
     * floor with Theil-Sen's medians, which a few fans do not move. Weak boxes are judged by the
     * others' line and court, never move them.
     */
    static List<Detection> byFeetAndSize(List<Detection> detections, Court court, int frameHeight) {
        if (court == null) {
            return detections;
        }
        Predicate<Detection> onItsFeet = d -> d.person() && court.holdsFeetOf(d, frameHeight) && d.height() >= MIN_STANDING * d.width();
        List<Detection> standing = detections.stream().filter(d -> !d.weak() && onItsFeet.test(d)).toList();
        double[] line = standing.size() >= MIN_FOR_SIZE ? heightByRow(standing, frameHeight) : null;
        return detections.stream().map(d -> !d.person() || onItsFeet.test(d)
                && (line == null || d.y2() >= frameHeight - 1 || d.height() >= MIN_SIZE * (line[0] + line[1] * d.y2()))
                ? d : d.offCourt(true)).toList();
    }

    /** {intercept, slope} of box height over feet row, from the boxes whose feet are in the frame. */
    static double[] heightByRow(List<Detection> people, int frameHeight) {
        List<Detection> whole = people.stream().filter(d -> d.y2() < frameHeight - 1).toList();
        List<Double> slopes = new ArrayList<>();
        for (int i = 0; i < whole.size(); i++) {
            for (int j = i + 1; j < whole.size(); j++) {
                double dy = whole.get(j).y2() - whole.get(i).y2();
                if (Math.abs(dy) >= 1) {
                    slopes.add((whole.get(j).height() - whole.get(i).height()) / dy);
                }
            }
        }
        double slope = slopes.isEmpty() ? 0 : median(slopes);
        List<Double> intercepts = whole.stream().map(d -> d.height() - slope * d.y2()).toList();
        return new double[] {intercepts.isEmpty() ? 0 : median(intercepts), slope};
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
