package bbva.embedded;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.Properties;

/**
 * Where the embedded runtime keeps its Derby database. Embedded Derby admits one JVM, so one process
 * at a time holds {@code bbva.lock}; it writes its pid, command and Derby network port there so that
 * other processes can read the database through it.
 */
public final class DataDir {
    public static final String ENV = "BBVA_DATA_DIR";

    private final Path root;

    public DataDir(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** --data-dir, else $BBVA_DATA_DIR, else ~/.bbva. */
    public static DataDir resolve(Path option) {
        if (option != null) {
            return new DataDir(option);
        }
        String env = System.getenv(ENV);
        if (env != null && !env.isBlank()) {
            return new DataDir(Path.of(env));
        }
        return new DataDir(Path.of(System.getProperty("user.home"), ".bbva"));
    }

    public Path root() {
        return root;
    }

    public Path database() {
        return root.resolve("db");
    }

    public Path derbyLog() {
        return root.resolve("derby.log");
    }

    private Path lockFile() {
        return root.resolve("bbva.lock");
    }

    /** The lock of the process that owns the database, with what it told others about itself. */
    public static final class Lock implements AutoCloseable {
        private final FileChannel channel;
        private final FileLock lock;

        private Lock(FileChannel channel, FileLock lock) {
            this.channel = channel;
            this.lock = lock;
        }

        public void publish(Properties info) throws IOException {
            StringWriter w = new StringWriter();
            info.store(w, "bbva process holding this data directory");
            byte[] bytes = w.toString().getBytes(StandardCharsets.UTF_8);
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(bytes), 0);
            channel.force(false);
        }

        @Override
        public void close() throws IOException {
            if (lock.isValid()) {
                channel.truncate(0);
                lock.release();
            }
            channel.close();
        }
    }

    public Optional<Lock> tryLock() throws IOException {
        Files.createDirectories(root);
        FileChannel ch = FileChannel.open(lockFile(), StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            FileLock lock = ch.tryLock();
            if (lock != null) {
                return Optional.of(new Lock(ch, lock));
            }
        } catch (OverlappingFileLockException e) {
            // this JVM holds it already
        }
        ch.close();
        return Optional.empty();
    }

    /** What the holding process published; empty while it is still starting up. */
    public Properties holder() throws IOException {
        Properties p = new Properties();
        if (Files.exists(lockFile())) {
            p.load(new StringReader(Files.readString(lockFile())));
        }
        return p;
    }
}
