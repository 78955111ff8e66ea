package bbva.render;

import java.util.Locale;

/** A time in a video as minutes and seconds ("4:59.9", "5:00.0"), rounded once, so 299.97 s is 5:00.0, not 4:60.0. */
public final class Clock {
    private Clock() {
    }

    public static String of(double seconds, int decimals) {
        long scale = (long) Math.pow(10, decimals);
        long units = Math.round(Math.max(0, seconds) * scale);
        long minutes = units / (60 * scale);
        double rest = (units % (60 * scale)) / (double) scale;
        int width = decimals == 0 ? 2 : decimals + 3;
        return String.format(Locale.ROOT, "%d:%0" + width + "." + decimals + "f", minutes, rest);
    }
}
