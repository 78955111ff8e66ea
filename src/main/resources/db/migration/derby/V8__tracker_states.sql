-- bbva schema v8: the track step's restart state (TrackerStateFormat text), saved with each chunk's track ids;
-- the batch checkpoint names only after_frame. The state of the chunk being written and of the one before it are kept.
CREATE TABLE tracker_states (
    video_id BIGINT NOT NULL REFERENCES videos (id),
    after_frame INT NOT NULL,
    format INT NOT NULL,
    state CLOB NOT NULL,
    PRIMARY KEY (video_id, after_frame)
);
