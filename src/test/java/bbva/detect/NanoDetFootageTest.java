package bbva.detect;

import static org.junit.jupiter.api.Assertions.assertTrue;

import bbva.AnalysisParameters;
import bbva.Param;
import bbva.TestPaths;
import bbva.video.FrameSource;
import bbva.video.VideoFrame;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The built-in NanoDet and HOG on real footage, against people counted by eye on frames 0, 100, ...,
 * 700 of vtest.avi (everyone at least half visible, the small far ones included).
 */
class NanoDetFootageTest {
    static final Map<Integer, Integer> PEOPLE = Map.of(0, 3, 100, 7, 200, 8, 300, 6, 400, 3, 500, 4, 600, 6, 700, 8);

    @Test
    void nanoDetFindsNearlyEveryoneWhereHogMissesMost() {
        Map<Integer, VideoFrame> frames = frames(TestPaths.vtest());
        Map<Integer, Integer> nano = count(frames, "nanodet");
        Map<Integer, Integer> hog = count(frames, "hog");
        int truth = PEOPLE.values().stream().mapToInt(Integer::intValue).sum();
        int found = 0;
        for (int f : frames.keySet()) {
            int n = nano.get(f);
            assertTrue(Math.abs(n - PEOPLE.get(f)) <= 1, "frame " + f + ": NanoDet found " + n + " people, " + PEOPLE.get(f) + " are there");
            found += Math.min(n, PEOPLE.get(f));
        }
        int hogFound = hog.values().stream().mapToInt(Integer::intValue).sum();
        System.out.printf("NUMBER people per frame on vtest.avi: truth %.2f, NanoDet %.2f (%d/%d found), HOG %.2f%n",
                truth / 8.0, nano.values().stream().mapToInt(Integer::intValue).sum() / 8.0, found, truth, hogFound / 8.0);
        assertTrue(found >= 0.85 * truth, "NanoDet found " + found + " of " + truth);
        assertTrue(hogFound + 10 < found, "HOG (" + hogFound + ") should be far behind NanoDet (" + found + ")");
    }

    private static Map<Integer, VideoFrame> frames(Path video) {
        Map<Integer, VideoFrame> frames = new LinkedHashMap<>();
        try (FrameSource src = FrameSource.open(video, 0)) {
            for (int i = 0; i <= 700; i++) {
                VideoFrame f = src.next();
                if (PEOPLE.containsKey(i)) {
                    frames.put(i, f);
                }
            }
        }
        return frames;
    }

    private static Map<Integer, Integer> count(Map<Integer, VideoFrame> frames, String detector) {
        Properties p = new Properties();
        p.setProperty(Param.VIDEO.id, "vtest.avi");
        p.setProperty(Param.DETECTOR.id, detector);
        p.setProperty(Param.THREADS.id, "2");
        Map<Integer, Integer> counts = new LinkedHashMap<>();
        try (Detector d = DetectorFactory.create(AnalysisParameters.parse(p))) {
            d.detect(frames.get(0));   // warm-up
            long t0 = System.nanoTime();
            for (var e : frames.entrySet()) {
                counts.put(e.getKey(), (int) d.detect(e.getValue()).stream().filter(x -> x.person() && !x.weak()).count());
            }
            System.out.printf("NUMBER %s on vtest.avi: %.0f ms per frame (2 threads, pre/post-processing included)%n",
                    detector, (System.nanoTime() - t0) / 1e6 / frames.size());
        }
        return counts;
    }
}
