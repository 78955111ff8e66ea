package bbva.store;

/** One processing batch of an analysis: frames [frameStart, frameEnd] and how far each phase has come in it. */
public record Batch(int index, int frameStart, int frameEnd, WorkStatus detection, WorkStatus ocr) {
}
