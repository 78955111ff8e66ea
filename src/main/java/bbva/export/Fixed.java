package bbva.export;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Fixed precision for exported numbers: the same value always gives the same digits. */
final class Fixed {
    private Fixed() {
    }

    static BigDecimal of(double value, int decimals) {
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_EVEN);
    }
}
