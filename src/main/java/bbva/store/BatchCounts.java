package bbva.store;

/** What is counted of a batch when its detection completes: its detections, and the crops OCR will read (null without OCR). */
public record BatchCounts(int detections, Integer ocrCrops) {
}
