package bbva.ocr;

import bbva.bench.JerseyImages;
import bbva.video.VideoFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded sets of rendered jersey crops with their truth: kits, fonts, sizes, blur and noise drawn at random. */
record JerseySet(List<String> truth, List<VideoFrame> crops, List<String> descriptions) {

    /** Numbers 0-99 and "00" alike; {@code blank} of the shirts carry none. */
    static JerseySet uniform(long seed, int size, double blank) {
        Random rnd = new Random(seed);
        return render(seed, rnd, size, () -> {
            if (rnd.nextDouble() < blank) {
                return null;
            }
            int n = rnd.nextInt(101);
            return n == 100 ? "00" : Integer.toString(n);
        });
    }

    /** The hard cases: 10% blank, 20% "0" or "00", the rest two-digit numbers. */
    static JerseySet zerosAndTwoDigits(long seed, int size) {
        Random rnd = new Random(seed);
        return render(seed, rnd, size, () -> {
            double kind = rnd.nextDouble();
            if (kind < 0.1) {
                return null;
            }
            if (kind < 0.3) {
                return rnd.nextBoolean() ? "0" : "00";
            }
            return Integer.toString(10 + rnd.nextInt(90));
        });
    }

    private static JerseySet render(long seed, Random rnd, int size, java.util.function.Supplier<String> numbers) {
        List<String> truth = new ArrayList<>();
        List<VideoFrame> crops = new ArrayList<>();
        List<String> descriptions = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            String number = numbers.get();
            int kit = rnd.nextInt(JerseyImages.KITS.length);
            String font = JerseyImages.FONTS[rnd.nextInt(JerseyImages.FONTS.length)];
            int height = 24 + rnd.nextInt(80);
            boolean blur = rnd.nextInt(3) == 0;
            double noise = rnd.nextDouble() * 16;
            truth.add(number);
            crops.add(JerseyImages.toFrame(JerseyImages.render(number, kit, font, height, blur, noise, seed * 1000 + i)));
            descriptions.add(number + " kit" + kit + " " + font + " h" + height + (blur ? " blur" : "")
                    + " noise" + Math.round(noise));
        }
        return new JerseySet(truth, crops, descriptions);
    }
}
