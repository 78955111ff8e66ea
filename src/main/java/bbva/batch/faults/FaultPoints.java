package bbva.batch.faults;

/**
 * Named points inside the job where tests stop the JVM at an exact moment. Driven by the system
 * property {@code bbva.faults}, e.g. {@code detect.committed.2=pause,detect.frame.75=fail}: "pause"
 * prints {@code FAULT-POINT <name>} and blocks (the test then kill -9s the process), "stall" prints it
 * and holds the thread for 3 s (time for the test to send a signal that lands exactly there), "fail" throws.
 * Without the property (every normal run) this does nothing.
 */
public final class FaultPoints {
    private static final String PROPERTY = "bbva.faults";

    private FaultPoints() {
    }

    public static void reach(String point) {
        String spec = System.getProperty(PROPERTY);
        if (spec == null || spec.isEmpty()) {
            return;
        }
        for (String entry : spec.split(",")) {
            String[] kv = entry.split("=", 2);
            if (kv.length == 2 && kv[0].strip().equals(point)) {
                act(point, kv[1].strip());
            }
        }
    }

    private static void act(String point, String action) {
        if ("fail".equals(action)) {
            throw new IllegalStateException("injected failure at " + point);
        }
        System.out.println("FAULT-POINT " + point);
        System.out.flush();
        try {
            Thread.sleep("stall".equals(action) ? 3_000 : Long.MAX_VALUE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
