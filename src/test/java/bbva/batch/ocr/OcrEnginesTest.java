package bbva.batch.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import bbva.batch.ocr.OcrEngines;
import bbva.ocr.JerseyReader;
import org.junit.jupiter.api.Test;

/** The pool of OCR engines (real PP-OCR models) across borrowing, giving back and closing. */
class OcrEnginesTest {
    @Test
    void anEngineOnLoanWhenThePoolClosesIsClosedAsItComesBack() {
        OcrEngines engines = new OcrEngines();
        JerseyReader a = engines.borrow(1);
        JerseyReader b = engines.borrow(1);
        assertNotSame(a, b, "partitions running at once get different engines");
        engines.release(b);
        assertSame(b, engines.borrow(1), "an idle engine is lent again");
        engines.release(b);
        engines.close();
        assertEquals(1, engines.alive(), "the idle engine is closed, the one on loan is not");
        engines.release(a);
        assertEquals(0, engines.alive(), "given back after the close, it is closed");
        assertThrows(IllegalStateException.class, () -> engines.borrow(1));
        assertThrows(IllegalArgumentException.class, () -> engines.release(b), "an engine already closed is not taken back");
    }
}
