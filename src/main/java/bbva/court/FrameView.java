package bbva.court;

/** What the detect step saw of one analyzed frame beside its boxes: the court (null when none was found or looked for) and its look. */
public record FrameView(int frame, Court court, FrameLook look) {
}
