package bbva.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bbva.AnalysisException;
import bbva.video.VideoFrame;
import java.util.List;
import org.junit.jupiter.api.Test;

class TilingTest {
    @Test
    void autoTilesWideFramesIntoSquaresAndLeaves43Whole() {
        List<Tiling.Tile> broadcast = Tiling.AUTO.tiles(854, 480);
        assertEquals(List.of(new Tiling.Tile(0, 0, 480, 480), new Tiling.Tile(187, 0, 480, 480), new Tiling.Tile(374, 0, 480, 480)),
                broadcast);
        assertEquals(3, Tiling.AUTO.tiles(1280, 720).size());
        assertEquals(5, Tiling.AUTO.tiles(1920, 720).size());
        assertEquals(List.of(new Tiling.Tile(0, 0, 768, 576)), Tiling.AUTO.tiles(768, 576), "4:3 stays whole");
        for (Tiling t : List.of(Tiling.AUTO, Tiling.parse("3x2"), Tiling.parse("2x2"))) {
            List<Tiling.Tile> tiles = t.tiles(1280, 720);
            assertEquals(0, tiles.get(0).x());
            Tiling.Tile last = tiles.get(tiles.size() - 1);
            assertEquals(1280, last.x() + last.width(), t.id() + " covers the width");
            assertEquals(720, last.y() + last.height(), t.id() + " covers the height");
            for (int i = 1; i < tiles.size(); i++) {
                Tiling.Tile a = tiles.get(i - 1);
                Tiling.Tile b = tiles.get(i);
                if (a.y() == b.y()) {
                    double overlap = t == Tiling.AUTO ? Tiling.AUTO_OVERLAP : Tiling.MIN_OVERLAP;
                    assertTrue(a.x() + a.width() - b.x() >= overlap * a.width(), t.id() + ": neighbours overlap");
                }
            }
        }
        assertEquals(6, Tiling.parse("3x2").tiles(854, 480).size());
        assertEquals(1, Tiling.OFF.tiles(854, 480).size());
    }

    @Test
    void badSpecsAreRefusedWithTheForms() {
        for (String bad : List.of("9x1", "0x2", "three", "3x")) {
            AnalysisException e = assertThrows(AnalysisException.class, () -> Tiling.parse(bad));
            assertTrue(e.getMessage().contains("auto, off or COLSxROWS"), e.getMessage());
        }
        assertEquals("3x2", Tiling.parse(" 3X2 ").id());
    }

    /**
     * A detector that sees one person where it is, cut to the tile it is given: tiles come in row order,
     * so the n-th call is the n-th tile of {@link Tiling#AUTO} for the frame.
     */
    static final class SeesOnePerson implements Detector {
        final double[] person;
        final List<Tiling.Tile> tiles;
        int calls;

        SeesOnePerson(List<Tiling.Tile> tiles, double... person) {
            this.tiles = tiles;
            this.person = person;
        }

        @Override
        public List<Detection> detect(Prepared prepared) {
            VideoFrame frame = prepared.frame();
            Tiling.Tile t = tiles.get(calls++);
            assertEquals(t.width(), frame.width());
            double x1 = Math.max(t.x(), person[0]);
            double x2 = Math.min(t.x() + t.width(), person[2]);
            if (x2 - x1 < 4) {
                return List.of();
            }
            float score = (float) ((x2 - x1) / (person[2] - person[0]) * 0.9);
            return List.of(Detection.of(1, "person", score, (float) (x1 - t.x()), (float) person[1], (float) (x2 - t.x()),
                    (float) person[3]));
        }

        @Override
        public String describe() {
            return "sees-one";
        }

        @Override
        public long inferenceNanos() {
            return 0;
        }

        @Override
        public void close() {
        }
    }

    @Test
    void aPersonAcrossATileBorderIsOneWholeBox() {
        // the tiles of 854x480 are x 0-480, 187-667 and 374-854: a person at x 450-500 is cut by the first, whole in the others
        List<Tiling.Tile> tiles = Tiling.AUTO.tiles(854, 480);
        try (TiledDetector tiled = new TiledDetector(new SeesOnePerson(tiles, 450, 200, 500, 320), Tiling.AUTO, 854, 480)) {
            List<Detection> found = tiled.detect(new VideoFrame(0, 854, 480, new byte[854 * 480 * 3]));
            assertEquals(1, found.size(), "one box: " + found);
            assertEquals(450, found.get(0).x1(), 1e-3);
            assertEquals(500, found.get(0).x2(), 1e-3);
            assertEquals(0.9f, found.get(0).score(), 1e-6);
            assertEquals("sees-one+tiles:3x1", tiled.describe());
        }
        // seen whole by both tiles (in the overlap): one box
        try (TiledDetector tiled = new TiledDetector(new SeesOnePerson(tiles, 400, 200, 440, 320), Tiling.AUTO, 854, 480)) {
            assertEquals(1, tiled.detect(new VideoFrame(0, 854, 480, new byte[854 * 480 * 3])).size());
        }
    }
}
