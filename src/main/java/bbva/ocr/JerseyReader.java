package bbva.ocr;

import bbva.video.VideoFrame;
import java.util.List;

/** Reads jersey numbers from crops (packed BGR). Engines (PP-OCR, later a VLM) implement this; the steps only see it. */
public interface JerseyReader extends AutoCloseable {

    /** One reading per crop, in order; engines batch the crops as suits them. */
    List<JerseyReading> read(List<VideoFrame> crops);

    /** Engine name stored with each reading, e.g. "ppocr-v4". */
    String engine();

    /** Nanoseconds spent in model calls since creation. */
    long inferenceNanos();

    @Override
    void close();
}
