package bbva.batch.faults;

import bbva.Param;
import bbva.batch.detect.PreparedFrame;
import bbva.video.VideoFrame;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.listener.AbstractItemReadListener;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Read listener of step "detect" that fails the step when the frame named by the job parameter
 * {@code failAtFrame} is read (as WASdev's bonuspayout ForceFailureReadListener does). It lets a test,
 * or anyone trying out restart in Admin Center or batchManager, break a run mid-batch on purpose;
 * restart without the parameter to resume. Unset (every normal run), it does nothing.
 */
@Named("forceFailureListener")
@Dependent
public class ForceFailureListener extends AbstractItemReadListener {
    private static final String PARAMETER = Param.FAIL_AT_FRAME.id;

    /** The property of the same name (the field's name), fed from the job parameter in the job XML. */
    @Inject
    @BatchProperty
    String failAtFrame;

    @Override
    public void afterRead(Object item) {
        if (failAtFrame == null || failAtFrame.isBlank() || item == null) {
            return;
        }
        VideoFrame frame = ((PreparedFrame) item).frame();   // the detect reader's item
        int at;
        try {
            at = Integer.parseInt(failAtFrame.strip());
        } catch (NumberFormatException e) {
            throw new bbva.AnalysisException(PARAMETER + " must be a frame number, got '" + failAtFrame.strip() + "'.");
        }
        if (frame.index() == at) {
            throw new IllegalStateException("forced failure at frame " + frame.index() + " (job parameter "
                    + PARAMETER + "); restart without it to resume");
        }
    }
}
