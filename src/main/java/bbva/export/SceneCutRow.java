package bbva.export;

/** A scene cut as exported: the first analyzed frame of a new shot. */
public record SceneCutRow(int frame) {
}
