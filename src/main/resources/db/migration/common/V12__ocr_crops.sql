-- bbva schema v12: how many people's views OCR reads in each batch (JerseyPicks), set when the batch's
-- detection completes; OCR's progress counts them. NULL for batches detected before v12.
ALTER TABLE processing_batches ADD COLUMN ocr_crops INTEGER;
