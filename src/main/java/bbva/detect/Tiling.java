package bbva.detect;

import bbva.AnalysisException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a frame is cut into overlapping tiles for a detector whose input is a square it stretches the
 * frame to: off (the whole frame), a fixed COLSxROWS grid (neighbours share {@link #MIN_OVERLAP}),
 * or auto. Auto uses square tiles as tall as the frame's short side, as many as it takes to cover
 * the long side with at least {@link #AUTO_OVERLAP} of a tile shared between neighbours, so people
 * keep their shape: the whole frame would squeeze them to 1/aspect of their width. It does so for
 * frames of aspect {@link #AUTO_ASPECT} or more (16:9 broadcasts and phone video: 3 tiles, players
 * 50-110 px tall in 480p or 75-165 px in 720p become 43-95 px in a 416 px input, at three times the
 * model time); a 4:3 frame gains too little for the cost and stays whole. Anyone narrower than the
 * overlap is whole in at least one tile.
 */
public record Tiling(Mode mode, int cols, int rows) {
    public enum Mode { AUTO, OFF, GRID }

    /** Neighbouring tiles share at least this share of a tile: wider than a player seen whole. */
    public static final double MIN_OVERLAP = 0.15;
    /**
     * Auto tiles overlap by half, so that most people are seen whole by two tiles: the detector
     * often takes two overlapping players for one in one view and not in the other. On the shared
     * clip 2 tiles overlapping by 22 % found 11, 8 and 7 of the 11 people on the floor of the
     * labelled frames, 3 tiles overlapping by 61 % 12, 9 and 9 (at 1.5 times the cost).
     */
    public static final double AUTO_OVERLAP = 0.5;
    public static final double AUTO_ASPECT = 1.5;
    public static final Tiling AUTO = new Tiling(Mode.AUTO, 0, 0);
    public static final Tiling OFF = new Tiling(Mode.OFF, 1, 1);
    private static final Pattern GRID = Pattern.compile("(\\d{1,2})x(\\d{1,2})");

    /** One tile: pixels [x, x + width) x [y, y + height) of the frame. */
    public record Tile(int x, int y, int width, int height) {
    }

    /** "auto", "off" or "COLSxROWS" (each 1-8). */
    public static Tiling parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.isEmpty() || t.equals("auto")) {
            return AUTO;
        }
        if (t.equals("off") || t.equals("1x1")) {
            return OFF;
        }
        Matcher m = GRID.matcher(t);
        if (m.matches()) {
            int cols = Integer.parseInt(m.group(1));
            int rows = Integer.parseInt(m.group(2));
            if (cols >= 1 && cols <= 8 && rows >= 1 && rows <= 8) {
                return new Tiling(Mode.GRID, cols, rows);
            }
        }
        throw new AnalysisException("tiles must be auto, off or COLSxROWS with 1-8 of each (e.g. 3x2), got '" + text + "'.");
    }

    public String id() {
        return switch (mode) {
            case AUTO -> "auto";
            case OFF -> "off";
            case GRID -> cols + "x" + rows;
        };
    }

    /** The tiles of a frame of this size, row by row; one tile (the frame) when off. */
    public List<Tile> tiles(int width, int height) {
        if (mode == Mode.OFF) {
            return List.of(new Tile(0, 0, width, height));
        }
        if (mode == Mode.GRID) {
            return grid(width, height, cols, rows, grown(width, cols), grown(height, rows));
        }
        int side = Math.min(width, height);
        if (Math.max(width, height) < AUTO_ASPECT * side) {
            return List.of(new Tile(0, 0, width, height));
        }
        return grid(width, height, count(width, side), count(height, side), side, side);
    }

    /** A fixed grid's tile side: its share of the length, grown by the overlap. */
    private static int grown(int length, int count) {
        return count == 1 ? length : (int) Math.min(length, Math.ceil(length / (double) count * (1 + MIN_OVERLAP)));
    }

    /** How many tiles of {@code side} cover {@code length} with at least the auto overlap. */
    private static int count(int length, int side) {
        double step = side * (1 - AUTO_OVERLAP);
        return length <= side ? 1 : 1 + (int) Math.ceil((length - side) / step);
    }

    /** c x r tiles of tw x th, spread evenly from edge to edge. */
    private static List<Tile> grid(int width, int height, int c, int r, int tw, int th) {
        List<Tile> out = new ArrayList<>();
        for (int j = 0; j < r; j++) {
            for (int i = 0; i < c; i++) {
                int x = c == 1 ? 0 : (int) Math.round((width - tw) * i / (double) (c - 1));
                int y = r == 1 ? 0 : (int) Math.round((height - th) * j / (double) (r - 1));
                out.add(new Tile(x, y, tw, th));
            }
        }
        return out;
    }
}
