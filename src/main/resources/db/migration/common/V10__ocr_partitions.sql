-- bbva schema v10: step "ocr" reads contiguous ranges of batches, as many as the first run planned (like detect_partitions),
-- so that a restart resumes each range from its own checkpoint.
ALTER TABLE videos ADD COLUMN ocr_partitions INT DEFAULT 1 NOT NULL;
