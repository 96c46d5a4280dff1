package io.kovan.kernel.impl.numbering;

import io.kovan.kernel.api.numbering.NumberSeriesDTO;

/** Renders a drawn number: {@code SO-2026-000042} for yearly series, {@code C-000042} otherwise. */
final class NumberFormat {

    private NumberFormat() {
    }

    static String format(NumberSeriesDTO series, int year, long number) {
        String digits = String.valueOf(number);
        String padded = digits.length() >= series.padding() ? digits : "0".repeat(series.padding() - digits.length()) + digits;
        return series.yearly() ? series.prefix() + "-" + year + "-" + padded : series.prefix() + "-" + padded;
    }
}
