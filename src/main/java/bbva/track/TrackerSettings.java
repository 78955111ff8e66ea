package bbva.track;

import java.io.Serializable;

/**
 * Tracker tuning, Norfair's knobs: a detection joins a track when the IoU with the track's predicted
 * box is at least {@code minIou}; a track gets an id after {@code initializationDelay} hits; it is
 * lost after {@code maxMissed} analyzed frames without a match. Velocity is smoothed with
 * {@code velocityAlpha}. A lost track keeps its id for {@code reidFrames} video frames: a new
 * detection whose centre is within {@code reidDistance} box heights of where the track would be by
 * then, with torso colours at least {@code reidSimilarity} alike, continues it (0 frames: never). A
 * weak box continues a followed track only with an IoU of at least {@code weakMinIou} (ByteTrack's 0.5).
 */
public record TrackerSettings(double minIou, int initializationDelay, int maxMissed, double velocityAlpha,
                              int reidFrames, double reidDistance, double reidSimilarity, double weakMinIou)
        implements Serializable {
    public static final TrackerSettings DEFAULT = new TrackerSettings(0.3, 2, 15, 0.5, 0, 1.0, 0.6, 0.5);

    /** The defaults, with lost tracks kept for re-identification for {@code seconds} of a video at {@code fps}. */
    public static TrackerSettings withReid(double seconds, double fps) {
        return new TrackerSettings(DEFAULT.minIou, DEFAULT.initializationDelay, DEFAULT.maxMissed, DEFAULT.velocityAlpha,
                (int) Math.round(seconds * fps), DEFAULT.reidDistance, DEFAULT.reidSimilarity, DEFAULT.weakMinIou);
    }
}
