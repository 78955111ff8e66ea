package bbva.batch.ocr;

import bbva.batch.JobParameters;
import jakarta.batch.api.Decider;
import jakarta.batch.runtime.StepExecution;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Decision "ocrDecision": runs step "ocr" unless the analysis has OCR off (its batches are then "skipped"). */
@Named("ocrDecider")
@Dependent
public class OcrDecider implements Decider {
    @Inject
    JobParameters job;

    @Override
    public String decide(StepExecution[] executions) {
        return job.params().ocrEnabled() ? "ocr" : "skip";
    }
}
