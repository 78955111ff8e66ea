package bbva.ocr;

import bbva.detect.Detection;

/** A box OCR reads and how it looks at it. */
public record JerseyView(Detection box, Look look) {
    /** How the region holding the number is shown to the reader. */
    public enum Look {
        /** As it is in the frame. */
        AS_IS,
        /**
         * A closer look at a broadcast player ({@link PrintLook}): the number made to look like print.
         * The reader then sees numbers it misses as they are, but misreads more, so only a number it
         * is sure of counts ({@link #MIN_CONFIDENCE}); anything else is not stored at all.
         */
        PRINT;

        /**
         * On the shared NBA clip the closer looks that read blue #11 were 0.67-0.97 sure, and those that
         * misread other players (a "5" on #10's track, an "8", a "97") 0.51-0.63.
         */
        static final float MIN_CONFIDENCE = 0.7f;

        /** What of a reading is stored: all of it when seen as it is, a sure number of a closer look, else nothing (null). */
        public JerseyReading kept(JerseyReading reading) {
            return this == AS_IS || reading.number() != null && reading.confidence() >= MIN_CONFIDENCE ? reading : null;
        }
    }
}
