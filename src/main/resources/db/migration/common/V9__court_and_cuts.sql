-- bbva schema v9: real broadcasts. People whose feet are off the playing floor (stands, bench, staff) are kept
-- but marked; per analyzed frame, the court found in it (CourtFinder's polygon, "x,y x,y ...", NULL when none)
-- and its look (FrameLook, to find scene cuts), written with the frame's detections; the cuts the track step found.
ALTER TABLE detections ADD COLUMN off_court BOOLEAN DEFAULT FALSE NOT NULL;

CREATE TABLE frame_views (
    video_id BIGINT NOT NULL REFERENCES videos (id),
    frame_index INT NOT NULL,
    court VARCHAR(2000),
    look VARCHAR(400) NOT NULL,
    PRIMARY KEY (video_id, frame_index)
);

CREATE TABLE scene_cuts (
    video_id BIGINT NOT NULL REFERENCES videos (id),
    frame_index INT NOT NULL,
    PRIMARY KEY (video_id, frame_index)
);
