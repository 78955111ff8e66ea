package bbva.batch;

import jakarta.batch.api.chunk.AbstractCheckpointAlgorithm;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Checkpoint algorithm of step "ocrFollow": a chunk ends with the last frame of its batch, so what
 * has been read is stored before the reader waits for detection to complete the next batch.
 */
@Named("batchEndCheckpoint")
@Dependent
public class BatchEndCheckpoint extends AbstractCheckpointAlgorithm {
    @Inject
    StepContext stepContext;

    @Override
    public boolean isReadyToCheckpoint() {
        return StepState.of(stepContext).position().map(StepState.Position::batchEnds).orElse(false);
    }
}
