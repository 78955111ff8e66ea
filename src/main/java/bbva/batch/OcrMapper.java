package bbva.batch;

import bbva.AnalysisParameters;
import bbva.store.Batch;
import bbva.store.Store;
import bbva.store.VideoEntity;
import bbva.store.WorkStatus;
import jakarta.batch.api.partition.PartitionMapper;
import jakarta.batch.api.partition.PartitionPlan;
import jakarta.batch.api.partition.PartitionPlanImpl;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Mapper of step "ocr": one partition per batch whose detection is complete and whose OCR is not.
 * The plan overrides the previous one on restart, so a restart runs exactly the unfinished batches.
 */
@Named("ocrMapper")
@Dependent
public class OcrMapper implements PartitionMapper {
    /** Partition property: the processing batch a partition reads; -1 for the no-op partition. */
    static final String BATCH = "batchIndex";

    @Inject
    JobParameters job;
    @Inject
    Store store;

    @Override
    public PartitionPlan mapPartitions() {
        AnalysisParameters params = job.params();
        VideoEntity video = job.video();
        List<Properties> partitions = new ArrayList<>();
        for (Batch b : store.batches(video.id)) {
            if (b.detection() == WorkStatus.COMPLETED && b.ocr() != WorkStatus.COMPLETED && b.ocr() != WorkStatus.SKIPPED) {
                Properties p = new Properties();
                p.setProperty(BATCH, Integer.toString(b.index()));
                partitions.add(p);
            }
        }
        if (partitions.isEmpty()) {
            // a restart after the last partition committed: nothing left, but a plan needs a partition
            Properties p = new Properties();
            p.setProperty(BATCH, "-1");
            partitions.add(p);
        }
        PartitionPlanImpl plan = new PartitionPlanImpl();
        plan.setPartitions(partitions.size());
        plan.setThreads(Math.min(params.ocrThreads(), partitions.size()));
        plan.setPartitionProperties(partitions.toArray(new Properties[0]));
        plan.setPartitionsOverride(true);
        return plan;
    }
}
