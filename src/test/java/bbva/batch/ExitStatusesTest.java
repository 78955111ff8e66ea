package bbva.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bbva.AnalysisException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExitStatusesTest {
    @Test
    void aFailureReasonIsOneBoundedLine() {
        String reason = ExitStatuses.failed(new IllegalStateException("wrapped",
                new AnalysisException("Video not found: /media/" + "x".repeat(2000) + "\nsecond line")));
        assertTrue(reason.startsWith("FAILED: Video not found: /media/xxx"), reason);
        assertEquals(ExitStatuses.MAX_LENGTH, reason.length(), "Liberty keeps 512 characters of an exit status");
        assertTrue(reason.endsWith("..."));
        assertTrue(!reason.contains("\n"));
    }

    @Test
    void onAServerTheReasonNamesTheServerBeforeTheCause() {
        String reason = ExitStatuses.failed(new AnalysisException("Model file not found: /models/m.onnx. Export it."),
                Optional.of("bbva-executor-2@node7"));
        assertEquals("FAILED: on server bbva-executor-2@node7: Model file not found: /models/m.onnx. Export it.", reason);
        assertEquals("FAILED: x", ExitStatuses.failed(new AnalysisException("x"), Optional.empty()), "the CLI names no server");
    }

    @Test
    void anUnexpectedErrorNamesItsRootCauseWithoutRuntimeAdvice() {
        String reason = ExitStatuses.failed(new RuntimeException(new ArithmeticException("/ by zero")));
        assertTrue(reason.contains("unexpected ArithmeticException: / by zero"), reason);
        assertTrue(!reason.contains("bbva "), "no CLI commands in a reason a server shows: " + reason);
    }

    @Test
    void aStopSaysHowFarItGot() {
        assertEquals("STOPPED: stopped on request with 3/5 batches detected and 1/5 read; restart the analysis to continue from there.",
                ExitStatuses.stopped(3, 1, 5, true));
    }
}
