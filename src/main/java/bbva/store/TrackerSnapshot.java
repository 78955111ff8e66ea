package bbva.store;

/**
 * The track step's restart state once it has tracked every analyzed frame up to {@code afterFrame}
 * (-1: none yet), as {@code format}-versioned text (see bbva.track.TrackerStateFormat).
 */
public record TrackerSnapshot(int afterFrame, int format, String text) {
    public static final int NOTHING_TRACKED = -1;
}
