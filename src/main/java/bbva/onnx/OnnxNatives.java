package bbva.onnx;

import ai.onnxruntime.OrtEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;

/**
 * Where ONNX Runtime loads its native libraries from: a cache in the user's home, written once per
 * ONNX Runtime build. Left to itself, ONNX Runtime copies its 28 MB of libraries into a new temporary
 * folder at every start and deletes them only on a normal exit, and never the folder: a process
 * killed (kill -9, a second Ctrl-C, a crash) left 28 MB in the temporary folder every time.
 */
final class OnnxNatives {
    static final String PROPERTY = "onnxruntime.native.path";
    private static final List<String> LIBRARIES = List.of("onnxruntime", "onnxruntime4j_jni");

    private OnnxNatives() {
    }

    /**
     * Points ONNX Runtime at the cache, filling it first if needed, when ONNX Runtime is on the JVM's
     * class path (the CLI, the tests), the user did not set the property and its jar holds libraries for
     * this platform; else ONNX Runtime finds them its own way.
     */
    static void useCache() {
        String platform = platform();
        // A native library can be loaded by one class loader only: an application server's applications
        // (each redeployment a new class loader) need ONNX Runtime's own fresh copy each
        if (System.getProperty(PROPERTY) != null || platform == null
                || OrtEnvironment.class.getClassLoader() != ClassLoader.getSystemClassLoader()) {
            return;
        }
        String base = "/ai/onnxruntime/native/" + platform + "/";
        try {
            URL main = OrtEnvironment.class.getResource(base + System.mapLibraryName(LIBRARIES.get(0)));
            if (main == null || !(main.openConnection() instanceof JarURLConnection jar)) {
                return;
            }
            Path dir = cacheRoot().resolve("onnxruntime-" + platform + "-" + Long.toHexString(jar.getJarEntry().getCrc()));
            for (String lib : LIBRARIES) {
                copyOnce(OrtEnvironment.class.getResource(base + System.mapLibraryName(lib)), dir.resolve(System.mapLibraryName(lib)));
            }
            System.setProperty(PROPERTY, dir.toString());
        } catch (IOException | RuntimeException e) {
            // a read-only home, say: ONNX Runtime's own copy in the temporary folder still works
        }
    }

    private static Path cacheRoot() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache")).resolve("bbva");
    }

    /** Copies under another name and renames, so a process killed half way never leaves a partial library. */
    private static void copyOnce(URL from, Path to) throws IOException {
        if (Files.exists(to)) {
            return;
        }
        Files.createDirectories(to.getParent());
        Path part = Files.createTempFile(to.getParent(), to.getFileName().toString(), ".part");
        try {
            URLConnection c = from.openConnection();
            c.setUseCaches(false);
            try (InputStream in = c.getInputStream()) {
                Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.move(part, to, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(part);
        }
    }

    /** ONNX Runtime's name for this platform's folder in its jar; null on Windows (a third library) and others. */
    private static String platform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String cpu = arch.equals("amd64") || arch.equals("x86_64") ? "x64" : arch.equals("aarch64") ? "aarch64" : null;
        String system = os.startsWith("linux") ? "linux" : os.startsWith("mac") ? "osx" : null;
        return cpu == null || system == null ? null : system + "-" + cpu;
    }
}
