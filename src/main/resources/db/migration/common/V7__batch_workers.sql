-- bbva schema v7: which process did each batch's detection and OCR ("SERVER@HOST", or "cli@HOST" embedded)
ALTER TABLE processing_batches ADD COLUMN detected_by VARCHAR(255);
ALTER TABLE processing_batches ADD COLUMN read_by VARCHAR(255);
