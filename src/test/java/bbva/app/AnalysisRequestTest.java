package bbva.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bbva.AnalysisException;
import bbva.Param;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AnalysisRequestTest {
    /** A front end whose files live under /media and /models, with a standard model. */
    private static final AnalysisRequest.Places PLACES = new AnalysisRequest.Places() {
        @Override
        public Path resolve(Param.Place place, String parameter, String value) {
            return Path.of(place == Param.Place.MODELS ? "/models" : "/media", value);
        }

        @Override
        public Optional<Path> defaultModel() {
            return Optional.of(Path.of("/models/rfdetr.onnx"));
        }
    };

    private static AnalysisRequest request(String... kv) {
        Map<String, String> options = new java.util.LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            options.put(kv[i], kv[i + 1]);
        }
        return AnalysisRequest.of("game.mp4", options, PLACES);
    }

    @Test
    void distributedModeOnlyWhereJobsCanSpreadOverServers() {
        String here = assertThrows(AnalysisException.class, () -> request("executionMode", "distributed")).getMessage();
        assertTrue(here.contains("needs a Liberty dispatcher") && here.contains("detectPartitions"), here);
        AnalysisRequest.Places dispatcher = new AnalysisRequest.Places() {
            @Override
            public Path resolve(Param.Place place, String parameter, String value) {
                return PLACES.resolve(place, parameter, value);
            }

            @Override
            public Optional<Path> defaultModel() {
                return PLACES.defaultModel();
            }

            @Override
            public boolean distributes() {
                return true;
            }
        };
        AnalysisRequest r = AnalysisRequest.of("game.mp4", Map.of("executionMode", "distributed"), dispatcher);
        assertEquals(bbva.AnalysisParameters.ExecutionMode.DISTRIBUTED, r.params().executionMode());
        assertTrue(r.sameResultsAs(request().jobParameters()), "the mode is not part of the results");
    }

    @Test
    void filesAreResolvedWhereTheirParameterSays() {
        AnalysisRequest r = request("detector", "file", "detections", "boxes.csv");
        assertEquals(Path.of("/media/game.mp4"), r.params().video());
        assertEquals(Path.of("/media/boxes.csv"), r.params().detectionsFile());
        assertEquals(Path.of("/models/m.onnx"), request("model", "m.onnx").params().model());
    }

    @Test
    void theStandardModelIsUsedOnlyByDetectorsThatTakeAModel() {
        assertEquals(Path.of("/models/rfdetr.onnx"), request().params().model());
        assertEquals(Path.of("/models/rfdetr.onnx"), request("detector", "rfdetr").params().model());
        assertEquals(null, request("detector", "hog").params().model());
        assertEquals(null, request("detector", "file", "detections", "b.csv").params().model());
    }

    @Test
    void unknownOptionsAndTheVideoAsAnOptionAreRefused() {
        String unknown = assertThrows(AnalysisException.class, () -> request("batchSize", "30")).getMessage();
        assertTrue(unknown.contains("Unknown option 'batchSize'") && unknown.contains("batchSizeFrames"), unknown);
        assertThrows(AnalysisException.class, () -> request("video", "/etc/passwd"));
        Map<String, String> nullKey = new java.util.HashMap<>();
        nullKey.put(null, "1");
        assertThrows(AnalysisException.class, () -> AnalysisRequest.of("game.mp4", nullKey, PLACES));
    }

    @Test
    void onlyParametersThatChangeResultsMustMatchToContinueAnAnalysis() {
        AnalysisRequest r = request("batchSizeFrames", "30", "threads", "2");
        assertTrue(r.sameResultsAs(request("threads", "1", "ocrThreads", "4").jobParameters()), "threads change speed only");
        assertTrue(r.sameResultsAs(request("replace", "true").jobParameters()));
        assertFalse(r.sameResultsAs(request("batchSizeFrames", "20").jobParameters()));
        assertFalse(r.sameResultsAs(request("ocrEnabled", "false").jobParameters()));
        assertFalse(r.sameResultsAs(new java.util.Properties()), "an unreadable earlier request is not the same");
    }
}
