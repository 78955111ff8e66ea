package bbva.batch;

import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.StepContext;
import jakarta.inject.Inject;

/**
 * Base of the readers of the steps whose processors hold native resources ("detect", "ocr",
 * "ocrFollow"): the runtime closes the reader however the step ends, so closing it closes the
 * reader's own input, then what the step holds ({@link StepState}).
 */
public abstract class StepReader extends AbstractItemReader {
    @Inject
    StepContext stepContext;

    /** Closes the reader's own input (its video decoder). */
    protected abstract void closeInput() throws Exception;

    protected StepState state() {
        return StepState.of(stepContext);
    }

    @Override
    public final void close() throws Exception {
        try {
            closeInput();
        } finally {
            state().close();
        }
    }
}
