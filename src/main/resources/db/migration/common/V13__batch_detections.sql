-- bbva schema v13: how many detections each batch holds, set when its detection completes and
-- lowered as step track deletes the weak boxes no track took; a status sums them instead of counting
-- the video's detections (seconds at a game's length). NULL for batches detected before v13.
ALTER TABLE processing_batches ADD COLUMN detections INTEGER;
