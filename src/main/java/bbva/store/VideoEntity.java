package bbva.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

@Entity
@Table(name = "videos")
public class VideoEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String path;
    public String name;
    public String fingerprint;
    @Column(name = "size_bytes")
    public long sizeBytes;
    public int width;
    public int height;
    public double fps;
    @Column(name = "frame_count")
    public int frameCount;
    public String codec;
    public String status;
    public String detector;
    @Column(name = "batch_size")
    public int batchSize;
    @Column(name = "frame_stride")
    public int frameStride;
    @Column(name = "analyzed_frames")
    public int analyzedFrames;
    /** Fixed at planning: a restart must split detection as the first run did, to resume each partition. */
    @Column(name = "execution_mode")
    public String executionMode;
    @Column(name = "detect_partitions")
    public int detectPartitions;
    /** Fixed at planning as detectPartitions is: the ranges of batches step "ocr" reads. */
    @Column(name = "ocr_partitions")
    public int ocrPartitions;
    /** Why the latest execution failed, as its failed step said; cleared when an execution starts. */
    public String failure;
    /** The job instance whose results this row holds, and its latest execution. */
    @Column(name = "job_instance")
    public Long jobInstance;
    @Column(name = "job_execution")
    public Long jobExecution;
    @Column(name = "created_at")
    public LocalDateTime createdAt;
    @Column(name = "updated_at")
    public LocalDateTime updatedAt;
}
