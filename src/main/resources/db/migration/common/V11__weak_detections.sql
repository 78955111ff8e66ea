-- bbva schema v11: boxes scored under the analysis's threshold (down to half of it) are stored as weak;
-- step "track" uses them only to continue tracks it already follows and deletes the others.
ALTER TABLE detections ADD COLUMN weak BOOLEAN DEFAULT FALSE NOT NULL;
