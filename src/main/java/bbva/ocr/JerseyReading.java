package bbva.ocr;

/** What a jersey reader made of one crop: a number 0-99 or "00", or null when it read none. */
public record JerseyReading(String number, float confidence) {
    public static final JerseyReading NONE = new JerseyReading(null, 0f);
}
