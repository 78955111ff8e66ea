package bbva.video;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.bytedeco.ffmpeg.avutil.LogCallback;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.BytePointer;

/**
 * FFmpeg reports damaged streams only through its log (decoding goes on with garbage and no
 * exception), so this callback replaces FFmpeg's console noise with a count we can act on.
 */
public final class DecodeErrors extends LogCallback {
    private static final DecodeErrors INSTANCE = new DecodeErrors();
    private static boolean installed;

    private final AtomicInteger errors = new AtomicInteger();
    private final AtomicReference<String> first = new AtomicReference<>();

    private DecodeErrors() {
        retainReference();
    }

    public static synchronized DecodeErrors install() {
        if (!installed) {
            avutil.av_log_set_level(avutil.AV_LOG_ERROR);
            avutil.setLogCallback(INSTANCE);
            installed = true;
        }
        return INSTANCE;
    }

    @Override
    public void call(int level, BytePointer msg) {
        if (level <= avutil.AV_LOG_ERROR) {
            errors.incrementAndGet();
            first.compareAndSet(null, msg.getString().strip());
        }
    }

    public int count() {
        return errors.get();
    }

    public String firstMessage() {
        return first.get();
    }

    public void reset() {
        errors.set(0);
        first.set(null);
    }
}
