package bbva.store;

import bbva.ocr.OcrReading;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A jersey reading of one detection, keyed like the detection: (video, frame, index). */
@Entity
@Table(name = "ocr_readings")
public class OcrReadingEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "video_id")
    public long videoId;
    @Column(name = "frame_index")
    public int frame;
    @Column(name = "det_index")
    public int index;
    @Column(name = "jersey_number")
    public String number;
    public float confidence;
    public String engine;

    OcrReading toReading() {
        return new OcrReading(frame, index, number, confidence, engine);
    }
}
