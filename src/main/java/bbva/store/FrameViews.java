package bbva.store;

import bbva.court.Court;
import bbva.court.FrameLook;
import bbva.court.FrameView;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;

/**
 * The one owner of frame_views (court and look per analyzed frame, written with the frame's
 * detections) and scene_cuts (written with the track ids of the frames they begin). Like every
 * write of a chunk's rows, each replaces exactly its frame range, so a replayed chunk changes nothing.
 */
final class FrameViews {
    private FrameViews() {
    }

    static void replace(EntityManager em, long videoId, int first, int last, List<FrameView> views) {
        em.createNativeQuery("DELETE FROM frame_views WHERE video_id = ? AND frame_index BETWEEN ? AND ?")
                .setParameter(1, videoId).setParameter(2, first).setParameter(3, last).executeUpdate();
        var insert = em.createNativeQuery("INSERT INTO frame_views (video_id, frame_index, court, look) VALUES (?, ?, ?, ?)");
        for (FrameView v : views) {
            insert.setParameter(1, videoId).setParameter(2, v.frame())
                    .setParameter(3, v.court() == null ? null : v.court().encode())
                    .setParameter(4, v.look().encode()).executeUpdate();
        }
    }

    static List<FrameView> load(EntityManager em, long videoId, int from, int to) {
        List<FrameView> out = new ArrayList<>();
        for (Object r : em.createNativeQuery("SELECT frame_index, court, look FROM frame_views "
                        + "WHERE video_id = ? AND frame_index BETWEEN ? AND ? ORDER BY frame_index")
                .setParameter(1, videoId).setParameter(2, from).setParameter(3, to).getResultList()) {
            Object[] row = (Object[]) r;
            out.add(new FrameView(((Number) row[0]).intValue(), Court.decode((String) row[1]), FrameLook.decode((String) row[2])));
        }
        return out;
    }

    static void replaceCuts(EntityManager em, long videoId, int first, int last, List<Integer> cuts) {
        em.createNativeQuery("DELETE FROM scene_cuts WHERE video_id = ? AND frame_index BETWEEN ? AND ?")
                .setParameter(1, videoId).setParameter(2, first).setParameter(3, last).executeUpdate();
        var insert = em.createNativeQuery("INSERT INTO scene_cuts (video_id, frame_index) VALUES (?, ?)");
        for (int frame : cuts) {
            insert.setParameter(1, videoId).setParameter(2, frame).executeUpdate();
        }
    }

    static List<Integer> cuts(EntityManager em, long videoId) {
        List<Integer> out = new ArrayList<>();
        for (Object r : em.createNativeQuery("SELECT frame_index FROM scene_cuts WHERE video_id = ? ORDER BY frame_index")
                .setParameter(1, videoId).getResultList()) {
            out.add(((Number) r).intValue());
        }
        return out;
    }

    static void clear(EntityManager em, long videoId) {
        em.createNativeQuery("DELETE FROM frame_views WHERE video_id = ?").setParameter(1, videoId).executeUpdate();
        em.createNativeQuery("DELETE FROM scene_cuts WHERE video_id = ?").setParameter(1, videoId).executeUpdate();
    }
}
