package bbva.cli;

import bbva.bench.JerseyImages;
import bbva.ocr.PpOcrJerseyReader;
import bbva.video.VideoFrame;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Jersey OCR cost per frame of 10 players: one batched engine call vs ten single calls. */
final class OcrBench {
    private static final int PLAYERS = 10;
    private static final int ROUNDS = 30;

    private OcrBench() {
    }

    static void run(PrintStream out) {
        List<VideoFrame> crops = new ArrayList<>();
        for (int i = 0; i < PLAYERS; i++) {
            crops.add(JerseyImages.toFrame(JerseyImages.render(Integer.toString(3 + i * 9), i % JerseyImages.KITS.length,
                    JerseyImages.FONTS[i % JerseyImages.FONTS.length], 48 + 4 * i, false, 6, i)));
        }
        try (PpOcrJerseyReader reader = new PpOcrJerseyReader(Runtime.getRuntime().availableProcessors())) {
            for (int i = 0; i < 5; i++) {
                reader.read(crops);
                reader.read(crops.subList(0, 1));
            }
            long t0 = System.nanoTime();
            for (int r = 0; r < ROUNDS; r++) {
                reader.read(crops);
            }
            double batched = (System.nanoTime() - t0) / 1e6 / ROUNDS;
            t0 = System.nanoTime();
            for (int r = 0; r < ROUNDS; r++) {
                for (VideoFrame crop : crops) {
                    reader.read(List.of(crop));
                }
            }
            double single = (System.nanoTime() - t0) / 1e6 / ROUNDS;
            out.println(String.format(Locale.ROOT, "OCR per frame (10 players): batched %.1f ms (%.1f ms/crop), one by one %.1f ms (%.1f ms/crop); "
                    + "batched/single %.2f; goal <= 50 ms/frame", batched, batched / PLAYERS, single, single / PLAYERS, batched / single));
        }
    }
}
