package io.kovan.kernel.api.persistence;

import java.math.BigDecimal;

/** How stored amounts are shown: without the column's padding zeros, but never under two decimals. */
public final class Money {

    private Money() {
    }

    /** {@code 1000.5000} → {@code 1000.50}; {@code 12.3456} stays; {@code null} stays. */
    public static BigDecimal plain(BigDecimal stored) {
        if (stored == null) {
            return null;
        }
        BigDecimal stripped = stored.stripTrailingZeros();
        return stripped.scale() < 2 ? stripped.setScale(2) : stripped;
    }
}
