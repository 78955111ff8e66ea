-- bbva schema v1: videos, processing batches (seed schema), detections
-- (PostgreSQL: as derby/V1 but DOUBLE PRECISION, which Derby accepts too; derby/V1 stays byte for byte for Flyway's checksums)
CREATE TABLE videos (
    id BIGINT NOT NULL GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    path VARCHAR(1024) NOT NULL,
    name VARCHAR(255) NOT NULL,
    fingerprint CHAR(64) NOT NULL,
    size_bytes BIGINT NOT NULL,
    width INT NOT NULL,
    height INT NOT NULL,
    fps DOUBLE PRECISION NOT NULL,
    frame_count INT NOT NULL,
    codec VARCHAR(64),
    status VARCHAR(16) NOT NULL,
    detector VARCHAR(255),
    batch_size INT NOT NULL,
    frame_stride INT NOT NULL,
    analyzed_frames INT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    CONSTRAINT uq_videos_path UNIQUE (path)
);

CREATE TABLE processing_batches (
    id BIGINT NOT NULL GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    video_id BIGINT NOT NULL REFERENCES videos (id),
    batch_index INT NOT NULL,
    frame_start INT NOT NULL,
    frame_end INT NOT NULL,
    detection_status VARCHAR(16) NOT NULL DEFAULT 'pending',
    ocr_status VARCHAR(16) NOT NULL DEFAULT 'pending',
    detection_completed_at TIMESTAMP,
    ocr_completed_at TIMESTAMP,
    created_at TIMESTAMP NOT NULL,
    CONSTRAINT uq_batches_video_index UNIQUE (video_id, batch_index),
    CONSTRAINT ck_batches_detection_status CHECK (detection_status IN ('pending', 'processing', 'completed', 'failed', 'skipped')),
    CONSTRAINT ck_batches_ocr_status CHECK (ocr_status IN ('pending', 'processing', 'completed', 'failed', 'skipped'))
);
CREATE INDEX idx_processing_batches_video_status ON processing_batches (video_id, detection_status);

CREATE TABLE detections (
    id BIGINT NOT NULL GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    video_id BIGINT NOT NULL REFERENCES videos (id),
    frame_index INT NOT NULL,
    det_index INT NOT NULL,
    class_id INT NOT NULL,
    label VARCHAR(64) NOT NULL,
    score REAL NOT NULL,
    x1 REAL NOT NULL,
    y1 REAL NOT NULL,
    x2 REAL NOT NULL,
    y2 REAL NOT NULL,
    track_id INT,
    CONSTRAINT uq_detections_natural UNIQUE (video_id, frame_index, det_index)
);
