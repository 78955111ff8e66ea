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
    private final Optional<ExternalDatabase> external;

    public DataDir(Path root) {
        this(root, Optional.empty());
    }

    private DataDir(Path root, Optional<ExternalDatabase> external) {
        this.root = root.toAbsolutePath().normalize();
        this.external = external;
    }

    /** --data-dir, else $BBVA_DATA_DIR, else ~/.bbva; the database in it, or the one --db / $BBVA_DB_URL names. */
    public static DataDir resolve(Path option, String database) {
        Path root;
        String env = System.getenv(ENV);
        if (option != null) {
            root = option;
        } else if (env != null && !env.isBlank()) {
            root = Path.of(env);
        } else {
            root = Path.of(System.getProperty("user.home"), ".bbva");
        }
        return new DataDir(root, ExternalDatabase.resolve(database));
    }

    /** The PostgreSQL database that holds this directory's analyses; empty: its own Derby. */
    public Optional<ExternalDatabase> external() {
        return external;
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
