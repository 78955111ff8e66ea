package bbva.ocr;

/** What a jersey reader made of one crop: a number 0-99 or "00", or null when it read none. */
public record JerseyReading(String number, float confidence) {
    public static final JerseyReading NONE = new JerseyReading(null, 0f);

    /** Of two readings of one person: a number over none, else the more confident (the first on a tie). */
    public static JerseyReading better(JerseyReading a, JerseyReading b) {
        if ((a.number == null) != (b.number == null)) {
            return a.number != null ? a : b;
        }
        return b.confidence > a.confidence ? b : a;
    }
}
