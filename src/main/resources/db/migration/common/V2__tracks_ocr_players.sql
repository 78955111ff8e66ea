-- bbva schema v2: OCR readings per detection, one player per track (detections.track_id exists since v1)
CREATE INDEX idx_detections_video_track ON detections (video_id, track_id);

CREATE TABLE ocr_readings (
    id BIGINT NOT NULL GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    video_id BIGINT NOT NULL,
    frame_index INT NOT NULL,
    det_index INT NOT NULL,
    jersey_number VARCHAR(2),
    confidence REAL NOT NULL,
    engine VARCHAR(64) NOT NULL,
    CONSTRAINT uq_ocr_readings_detection UNIQUE (video_id, frame_index, det_index),
    CONSTRAINT fk_ocr_readings_detection FOREIGN KEY (video_id, frame_index, det_index)
        REFERENCES detections (video_id, frame_index, det_index) ON DELETE CASCADE
);

CREATE TABLE players (
    id BIGINT NOT NULL GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    video_id BIGINT NOT NULL REFERENCES videos (id),
    track_id INT NOT NULL,
    jersey_number VARCHAR(2),
    confidence REAL NOT NULL,
    votes INT NOT NULL,
    readings INT NOT NULL,
    frames_seen INT NOT NULL,
    first_frame INT NOT NULL,
    last_frame INT NOT NULL,
    short_track BOOLEAN NOT NULL,
    CONSTRAINT uq_players_video_track UNIQUE (video_id, track_id)
);
