package bbva.server;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A file answered whole or, for a single {@code Range: bytes=} request, in part (what video players seek with). */
final class RangeFile {
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    private RangeFile() {
    }

    static Response of(Path file, String type, String range) throws IOException {
        long size = Files.size(file);
        if (range == null || range.isBlank()) {
            return Response.ok(slice(file, 0, size), type).header("Accept-Ranges", "bytes").header("Content-Length", size).build();
        }
        Matcher m = RANGE.matcher(range.strip());
        long first;
        long last;
        if (!m.matches() || m.group(1).isEmpty() && m.group(2).isEmpty()) {
            return unsatisfiable(size);
        }
        if (m.group(1).isEmpty()) {
            first = Math.max(0, size - Long.parseLong(m.group(2)));
            last = size - 1;
        } else {
            first = Long.parseLong(m.group(1));
            last = m.group(2).isEmpty() ? size - 1 : Math.min(size - 1, Long.parseLong(m.group(2)));
        }
        if (first >= size || last < first) {
            return unsatisfiable(size);
        }
        long length = last - first + 1;
        return Response.status(206).entity(slice(file, first, length)).type(type).header("Accept-Ranges", "bytes")
                .header("Content-Range", "bytes " + first + "-" + last + "/" + size).header("Content-Length", length).build();
    }

    private static Response unsatisfiable(long size) {
        return Response.status(416).header("Content-Range", "bytes */" + size).build();
    }

    private static StreamingOutput slice(Path file, long start, long length) {
        return out -> {
            try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
                WritableByteChannel target = Channels.newChannel(out);
                long sent = 0;
                while (sent < length) {
                    long n = in.transferTo(start + sent, length - sent, target);
                    if (n <= 0) {
                        break;
                    }
                    sent += n;
                }
            }
        };
    }
}
