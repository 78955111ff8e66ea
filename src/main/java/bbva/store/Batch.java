package bbva.store;

/**
 * One processing batch of an analysis: frames [frameStart, frameEnd], how far each phase has come in it,
 * which process ({@link Worker}) works or worked on it (null before), and how many people's views OCR reads
 * in it (null until its detection completes).
 */
public record Batch(int index, int frameStart, int frameEnd, WorkStatus detection, WorkStatus ocr, String detectedBy,
                    String readBy, Integer ocrCrops) {
}
