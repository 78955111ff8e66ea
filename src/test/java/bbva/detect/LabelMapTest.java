package bbva.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bbva.AnalysisException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelMapTest {
    @Test
    void cocoUsesCategoryIds() {
        LabelMap coco = LabelMap.coco();
        assertEquals(91, coco.size());
        assertEquals("person", coco.name(1));
        assertEquals("sports ball", coco.name(37));
        assertEquals("toothbrush", coco.name(90));
        assertEquals("class 12", coco.name(12), "unused COCO ids are not given a name");
        assertEquals("class 500", coco.name(500));
        boolean[] keep = coco.select(LabelMap.DEFAULT_CLASSES, false);
        assertTrue(keep[1]);
        assertTrue(keep[37]);
        assertFalse(keep[3]);
    }

    @Test
    void labelsFileLineNumberIsClassId(@TempDir Path dir) throws Exception {
        LabelMap m = LabelMap.fromFile(Files.writeString(dir.resolve("m.labels"), "ball\n-\nplayer\n\nReferee\n"));
        assertEquals("ball", m.name(0));
        assertEquals("class 1", m.name(1));
        assertEquals("player", m.name(2));
        assertEquals("Referee", m.name(4));
        boolean[] keep = m.select(Set.of("referee"), true);
        assertTrue(keep[4]);
        AnalysisException e = assertThrows(AnalysisException.class, () -> m.select(Set.of("goalie"), true));
        assertTrue(e.getMessage().contains("goalie") && e.getMessage().contains("player"), e.getMessage());
    }
}
