package bbva.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bbva.AnalysisException;
import bbva.video.VideoFrame;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileDetectorTest {
    private static VideoFrame frame(int index) {
        return new VideoFrame(index, 4, 4, new byte[4 * 4 * 3]);
    }

    @Test
    void readsCsvWithHeaderBlankLinesAndQuotedLabels(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("boxes.csv"), "frame,classId,label,score,x1,y1,x2,y2\n"
                + "0, 1, person, 0.9, 10, 20, 30, 40\n\n" + "2,5,\"player, home\",0.75,1,2,3,4\n");
        try (FileDetector d = new FileDetector(file)) {
            assertEquals(1, d.detect(frame(0)).size());
            assertEquals("person", d.detect(frame(0)).get(0).label());
            assertEquals(30f, d.detect(frame(0)).get(0).x2());
            assertEquals("player, home", d.detect(frame(2)).get(0).label());
            assertTrue(d.detect(frame(1)).isEmpty());
        }
    }

    @Test
    void aLineThatIsNotADetectionIsNamedButNotQuoted(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("server.env"), "BBVA_ADMIN_PASSWORD=s3cret\n");
        String error = assertThrows(AnalysisException.class, () -> new FileDetector(secret)).getMessage();
        assertTrue(error.startsWith("Line 1 of " + secret + " is not a detection"), error);
        assertFalse(error.contains("s3cret"), error);
        Path short_ = Files.writeString(dir.resolve("short.csv"), "0,1,person,0.9,1,2,3,4\n3,1\n");
        String shortError = assertThrows(AnalysisException.class, () -> new FileDetector(short_)).getMessage();
        assertTrue(shortError.startsWith("Line 2 of"), shortError);
    }
}
