package bbva.bench;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * Numbers one analysis process reports to the benchmark: wall and inference time, frames, and
 * peak memory (heap in use after collections, i.e. what the run really keeps, and peak RSS).
 */
public final class RunStats {
    public static final String PROPERTY = "bbva.stats";
    private long peakHeapAfterGc;

    /** Call now and then while the job runs. */
    public void sample() {
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            MemoryUsage after = pool.getCollectionUsage();
            if (pool.getType() == MemoryType.HEAP && after != null) {
                used += after.getUsed();
            }
        }
        peakHeapAfterGc = Math.max(peakHeapAfterGc, used);
    }

    /** Writes the stats file if the benchmark asked for one (system property bbva.stats). */
    public void writeIfRequested(double wallSeconds, double inferenceSeconds, int frames, Map<String, Double> stepSeconds,
                                 double ocrWaitSeconds) throws IOException {
        String file = System.getProperty(PROPERTY);
        if (file == null) {
            return;
        }
        sample();
        Properties p = new Properties();
        p.setProperty("wallSeconds", Double.toString(wallSeconds));
        p.setProperty("inferenceSeconds", Double.toString(inferenceSeconds));
        p.setProperty("frames", Integer.toString(frames));
        p.setProperty("ocrWaitSeconds", Double.toString(ocrWaitSeconds));
        p.setProperty("peakHeapAfterGcBytes", Long.toString(peakHeapAfterGc));
        p.setProperty("peakRssKb", Long.toString(peakRssKb()));
        stepSeconds.forEach((step, seconds) -> p.setProperty("step." + step + ".seconds", Double.toString(seconds)));
        try (Writer w = Files.newBufferedWriter(Path.of(file))) {
            p.store(w, "bbva run stats");
        }
    }

    public static Properties read(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        }
        return p;
    }

    /** VmHWM: the process's peak resident set (Linux). */
    static long peakRssKb() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return -1;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }
}
