package bbva.store;

import bbva.colour.Appearance;
import bbva.detect.Detection;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Storage form of {@link Detection}; natural key (video, frame, index). */
@Entity
@Table(name = "detections")
public class DetectionEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "video_id")
    public long videoId;
    @Column(name = "frame_index")
    public int frame;
    @Column(name = "det_index")
    public int index;
    @Column(name = "class_id")
    public int classId;
    public String label;
    public float score;
    public float x1;
    public float y1;
    public float x2;
    public float y2;
    @Column(name = "track_id")
    public Integer trackId;
    public String appearance;
    @Column(name = "off_court")
    public boolean offCourt;
    public boolean weak;

    static DetectionEntity of(long videoId, Detection d) {
        DetectionEntity e = new DetectionEntity();
        e.videoId = videoId;
        e.frame = d.frame();
        e.index = d.index();
        e.classId = d.classId();
        e.label = d.label();
        e.score = d.score();
        e.x1 = d.x1();
        e.y1 = d.y1();
        e.x2 = d.x2();
        e.y2 = d.y2();
        e.trackId = d.trackId();
        e.appearance = d.appearance() == null ? null : d.appearance().encode();
        e.offCourt = d.offCourt();
        e.weak = d.weak();
        return e;
    }

    public Detection toDetection() {
        return new Detection(frame, index, classId, label, score, x1, y1, x2, y2, trackId, Appearance.decode(appearance), offCourt,
                weak);
    }
}
