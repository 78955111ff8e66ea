package bbva.batch.detect;

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
 * Mapper of step "detect": the planned batches cut into as many contiguous ranges as prepare fixed
 * for this analysis. The cut never changes between executions, so a restart reruns only the
 * partitions that had not completed, each from its own checkpoint.
 */
@Named("detectMapper")
@Dependent
public class DetectMapper implements PartitionMapper {
    static final String FIRST_BATCH = "firstBatch";
    static final String LAST_BATCH = "lastBatch";

    @Inject
    JobParameters job;

    @Override
    public PartitionPlan mapPartitions() {
        VideoEntity video = job.video();
        List<BatchPlan.Part> parts = BatchPlan.of(video).parts(video.detectPartitions);
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
