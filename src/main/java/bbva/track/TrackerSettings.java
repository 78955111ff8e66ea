package bbva.track;

import java.io.Serializable;

/**
 * Tracker tuning, Norfair's knobs: a detection joins a track when the IoU with the track's predicted
 * box is at least {@code minIou}; a track gets an id after {@code initializationDelay} hits; it dies
 * after {@code maxMissed} analyzed frames without a match. Velocity is smoothed with {@code velocityAlpha}.
 */
public record TrackerSettings(double minIou, int initializationDelay, int maxMissed, double velocityAlpha)
        implements Serializable {
    public static final TrackerSettings DEFAULT = new TrackerSettings(0.3, 2, 15, 0.5);
}
