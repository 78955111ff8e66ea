package bbva.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OrtEnvironment;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class OnnxNativesTest {
    @Test
    void onnxRuntimeLoadsItsLibrariesFromTheCacheWholeAndTheSameAsInItsJar() throws Exception {
        Class.forName(OnnxSession.class.getName());   // its environment is made when the class is
        String dir = System.getProperty(OnnxNatives.PROPERTY);
        assertNotNull(dir, "ONNX Runtime was not pointed at the cache");
        for (String lib : new String[] {"onnxruntime", "onnxruntime4j_jni"}) {
            Path file = Path.of(dir, System.mapLibraryName(lib));
            URL inJar = OrtEnvironment.class.getResource("/ai/onnxruntime/native/linux-x64/" + System.mapLibraryName(lib));
            assertTrue(Files.isRegularFile(file), file + " missing");
            assertEquals(((JarURLConnection) inJar.openConnection()).getJarEntry().getSize(), Files.size(file), file.toString());
        }
    }
}
