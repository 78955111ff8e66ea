package bbva.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import bbva.BatchPlan;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchPlanTest {
    @Test
    void vtestIs27BatchesWithAShortLastOne() {
        BatchPlan plan = new BatchPlan(795, 1, 30);
        List<BatchPlan.Span> spans = plan.spans();
        assertEquals(27, spans.size());
        assertEquals(new BatchPlan.Span(0, 0, 29), spans.get(0));
        assertEquals(new BatchPlan.Span(26, 780, 794), spans.get(26));
        assertEquals(15, BatchPlan.analyzedIn(780, 794, 1));
        assertEquals(26, plan.batchOf(794));
        assertEquals(795, plan.endFrame());
    }

    @Test
    void strideCountsAnalyzedFramesPerBatch() {
        BatchPlan plan = new BatchPlan(100, 3, 10);   // frames 0,3,...,99: 34 analyzed
        assertEquals(34, plan.analyzedFrames());
        assertEquals(4, plan.batchCount());
        assertEquals(new BatchPlan.Span(0, 0, 27), plan.span(0));
        assertEquals(new BatchPlan.Span(3, 90, 99), plan.span(3));
        assertEquals(4, BatchPlan.analyzedIn(90, 99, 3));
        assertEquals(1, plan.batchOf(30));
        assertEquals(100, plan.endFrame());
    }

    @Test
    void exactMultipleAndSingleFrame() {
        assertEquals(3, new BatchPlan(90, 1, 30).batchCount());
        assertEquals(List.of(new BatchPlan.Span(0, 0, 0)), new BatchPlan(1, 1, 30).spans());
        assertEquals(List.of(new BatchPlan.Span(0, 0, 794)), new BatchPlan(795, 1, 795).spans());
    }

    @Test
    void partsAreContiguousEvenAndNeverMoreThanBatches() {
        BatchPlan plan = new BatchPlan(795, 1, 30);   // 27 batches
        assertEquals(List.of(new BatchPlan.Part(0, 26)), plan.parts(1));
        assertEquals(List.of(new BatchPlan.Part(0, 13), new BatchPlan.Part(14, 26)), plan.parts(2));
        assertEquals(List.of(new BatchPlan.Part(0, 6), new BatchPlan.Part(7, 13), new BatchPlan.Part(14, 20),
                new BatchPlan.Part(21, 26)), plan.parts(4));
        assertEquals(27, plan.parts(40).size());
        assertEquals(List.of(new BatchPlan.Part(0, 0)), new BatchPlan(10, 1, 30).parts(3));
    }
}
