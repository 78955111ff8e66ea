package bbva;

import java.nio.file.Path;

/**
 * Which files a job may open, as the runtime it runs in decides: the embedded CLI opens the user's
 * own files; a server opens videos and box files only inside its media directory and models only
 * inside its models directory. The job checks its parameters against it in every step, whichever
 * way it was submitted or restarted, so no route around a front end's checks reaches other files.
 */
public interface FilePolicy {
    /** The user's own files: anything they can read. */
    FilePolicy OWN_FILES = new FilePolicy() {
        @Override
        public void checkMedia(String parameter, Path file) {
        }

        @Override
        public void checkModel(String parameter, Path file) {
        }
    };

    /** Throws an {@link AnalysisException} naming the parameter when {@code file} is not a media file it may read. */
    void checkMedia(String parameter, Path file);

    /** Likewise for a model file. */
    void checkModel(String parameter, Path file);

    default AnalysisParameters check(AnalysisParameters p) {
        checkMedia(Param.VIDEO.id, p.video());
        if (p.detectionsFile() != null) {
            checkMedia(Param.DETECTIONS.id, p.detectionsFile());
        }
        if (p.model() != null) {
            checkModel(Param.MODEL.id, p.model());
        }
        return p;
    }
}
