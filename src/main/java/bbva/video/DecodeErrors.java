package bbva.video;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.bytedeco.ffmpeg.avutil.LogCallback;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.BytePointer;

/**
 * FFmpeg reports damaged streams only through its log (decoding goes on with garbage and no
 * exception), so this callback replaces FFmpeg's console noise with counts we can act on. FFmpeg's log
 * is one for the process, but its decoders here run on the thread that grabs (JavaCV leaves FFmpeg's
 * default of one decoding thread): an error counts for the {@link Count} open on the thread it is
 * logged from, so decodes running at once (two analyses on a server, parallel partitions) never see
 * each other's errors.
 */
public final class DecodeErrors extends LogCallback {
    private static final DecodeErrors INSTANCE = new DecodeErrors();
    private static boolean installed;

    private final Map<Thread, Count> counts = new ConcurrentHashMap<>();

    private DecodeErrors() {
        retainReference();
    }

    /** Silences FFmpeg's console output (errors go to the counts). */
    public static synchronized void install() {
        if (!installed) {
            avutil.av_log_set_level(avutil.AV_LOG_ERROR);
            avutil.setLogCallback(INSTANCE);
            installed = true;
        }
    }

    /** Counts the errors FFmpeg logs on this thread until closed. */
    public static Count count() {
        install();
        Count c = new Count();
        INSTANCE.counts.put(Thread.currentThread(), c);
        return c;
    }

    @Override
    public void call(int level, BytePointer msg) {
        if (level <= avutil.AV_LOG_ERROR) {
            Count c = counts.get(Thread.currentThread());
            if (c != null) {
                c.errors.incrementAndGet();
                c.first.compareAndSet(null, msg.getString().strip());
            }
        }
    }

    /** The decode errors of one thread's decode. */
    public static final class Count implements AutoCloseable {
        private final AtomicInteger errors = new AtomicInteger();
        private final AtomicReference<String> first = new AtomicReference<>();

        public int errors() {
            return errors.get();
        }

        public String firstMessage() {
            return first.get();
        }

        @Override
        public void close() {
            INSTANCE.counts.remove(Thread.currentThread(), this);
        }
    }
}
