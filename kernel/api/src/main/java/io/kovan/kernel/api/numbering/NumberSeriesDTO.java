package io.kovan.kernel.api.numbering;

/**
 * A named series of document numbers. Yearly series give {@code SO-2026-000042}; others
 * {@code C-000042}. {@code padding} is the count of digits.
 */
public record NumberSeriesDTO(String code, String prefix, boolean yearly, int padding, String description) {
}
