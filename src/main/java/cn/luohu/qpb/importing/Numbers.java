package cn.luohu.qpb.importing;

import java.math.BigDecimal;

/** Numbers as people type them into Excel: "12", "12.0" (a number cell read as text), "1,200". */
final class Numbers {

    private Numbers() {
    }

    /** A whole number, or NumberFormatException. */
    static int wholeNumber(String text) {
        String plain = text.replace(",", "").replace("，", "").strip();
        BigDecimal value = new BigDecimal(plain);
        try {
            return value.stripTrailingZeros().intValueExact();
        } catch (ArithmeticException e) {
            throw new NumberFormatException(text);
        }
    }
}
