package bbva.store;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** This process as processing_batches names it: the Liberty server ("bbva-executor-1@host") or "cli@host". */
public final class Worker {
    private static final String NAME = System.getProperty("wlp.server.name", "cli") + "@" + host();

    private Worker() {
    }

    public static String name() {
        return NAME;
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
