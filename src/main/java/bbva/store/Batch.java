package bbva.store;

/**
 * One processing batch of an analysis: frames [frameStart, frameEnd], how far each phase has come in it,
 * which process ({@link Worker}) works or worked on it (null before), how many crops OCR reads in it and
 * how many detections it holds (both null until its detection completes).
 */
public record Batch(int index, int frameStart, int frameEnd, WorkStatus detection, WorkStatus ocr, String detectedBy,
                    String readBy, Integer ocrCrops, Integer detections) {
}
