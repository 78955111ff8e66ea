package bbva.video;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 over the size and the first and last 4 MiB: recognises a changed file without reading gigabytes. */
public final class Fingerprint {
    private static final int SPAN = 4 << 20;

    private Fingerprint() {
    }

    public static String of(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long size = ch.size();
            sha.update(ByteBuffer.allocate(8).putLong(size).flip());
            digest(ch, sha, 0, Math.min(size, SPAN));
            if (size > SPAN) {
                long start = Math.max(SPAN, size - SPAN);
                digest(ch, sha, start, size - start);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void digest(FileChannel ch, MessageDigest sha, long pos, long len) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(1 << 16);
        long end = pos + len;
        while (pos < end) {
            buf.clear().limit((int) Math.min(buf.capacity(), end - pos));
            int n = ch.read(buf, pos);
            if (n <= 0) {
                break;
            }
            pos += n;
            buf.flip();
            sha.update(buf);
        }
    }
}
