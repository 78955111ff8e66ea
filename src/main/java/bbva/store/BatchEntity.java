package bbva.store;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/**
 * A row of processing_batches: one checkpointed unit of work (frame_end inclusive). Its statuses are
 * changed only by {@link BatchRepository}, in the transactions that write the rows they describe.
 */
@Entity
@Table(name = "processing_batches")
public class BatchEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "video_id")
    public long videoId;
    @Column(name = "batch_index")
    public int batchIndex;
    @Column(name = "frame_start")
    public int frameStart;
    @Column(name = "frame_end")
    public int frameEnd;
    @Column(name = "detection_status")
    @Convert(converter = WorkStatusConverter.class)
    public WorkStatus detectionStatus;
    @Column(name = "ocr_status")
    @Convert(converter = WorkStatusConverter.class)
    public WorkStatus ocrStatus;
    @Column(name = "detection_completed_at")
    public LocalDateTime detectionCompletedAt;
    @Column(name = "ocr_completed_at")
    public LocalDateTime ocrCompletedAt;
    @Column(name = "created_at")
    public LocalDateTime createdAt;
    @Column(name = "detected_by")
    public String detectedBy;
    @Column(name = "read_by")
    public String readBy;
    @Column(name = "ocr_crops")
    public Integer ocrCrops;
    @Column(name = "detections")
    public Integer detections;

    Batch toBatch() {
        return new Batch(batchIndex, frameStart, frameEnd, detectionStatus, ocrStatus, detectedBy, readBy, ocrCrops, detections);
    }
}
