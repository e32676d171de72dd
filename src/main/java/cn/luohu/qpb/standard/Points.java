package cn.luohu.qpb.standard;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Points are kept with two decimals, as the database stores them, so that a standard read back equals
 * the one that was written (60 and 60.00 are the same number but not equal BigDecimals).
 */
final class Points {

    static final int SCALE = 2;

    private Points() {
    }

    static BigDecimal of(BigDecimal value) {
        return value == null ? null : value.setScale(SCALE, RoundingMode.HALF_UP);
    }
}
