package bbva.batch.ocr;

import bbva.BatchPlan;
import bbva.batch.JobParameters;
import bbva.store.VideoEntity;
import jakarta.batch.api.partition.PartitionMapper;
import jakarta.batch.api.partition.PartitionPlan;
import jakarta.batch.api.partition.PartitionPlanImpl;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Properties;

/**
 * Mapper of step "ocr": the planned batches cut into as many contiguous ranges as the first run fixed
 * (its OCR threads, at most one per batch), not one partition per batch: a game's 7,200 batches stay a
 * few partitions (sub-jobs in Liberty's repository, messages in distributed mode). The cut never
 * changes between executions, so a restart reruns only the ranges that had not completed, each from
 * its own checkpoint; a range skips the batches already read.
 */
@Named("ocrMapper")
@Dependent
public class OcrMapper implements PartitionMapper {
    static final String FIRST_BATCH = "firstBatch";
    static final String LAST_BATCH = "lastBatch";

    @Inject
    JobParameters job;

    @Override
    public PartitionPlan mapPartitions() {
        VideoEntity video = job.video();
        List<BatchPlan.Part> parts = BatchPlan.of(video).parts(Math.max(1, video.ocrPartitions));
        Properties[] props = new Properties[parts.size()];
        for (int i = 0; i < parts.size(); i++) {
            props[i] = new Properties();
            props[i].setProperty(FIRST_BATCH, Integer.toString(parts.get(i).firstBatch()));
            props[i].setProperty(LAST_BATCH, Integer.toString(parts.get(i).lastBatch()));
        }
        PartitionPlanImpl plan = new PartitionPlanImpl();
        plan.setPartitions(parts.size());
        plan.setThreads(parts.size());
        plan.setPartitionProperties(props);
        plan.setPartitionsOverride(false);
        return plan;
    }
}
