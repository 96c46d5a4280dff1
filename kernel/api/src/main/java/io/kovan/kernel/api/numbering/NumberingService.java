package io.kovan.kernel.api.numbering;

import java.time.LocalDate;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Gapless document numbers.
 * <p>
 * A number is drawn inside the caller's transaction and holds the series' counter until that
 * transaction ends: if it commits, the number is used; if it rolls back, the same number is
 * given to the next caller. So a series has no gaps and no duplicates, under any concurrency,
 * at the price of serialising writers of one series and year.
 *
 * @since 1.0
 */
@ProviderType
public interface NumberingService {

    /** The next number of {@code series} for the year of today in UTC, the day every module dates its documents by. */
    String next(String series);

    /** The next number of {@code series} for the year of {@code documentDate}. */
    String next(String series, LocalDate documentDate);

    List<NumberSeriesDTO> series();

    NumberSeriesDTO get(String code);

    /** Defines a series, or returns the existing definition unchanged if the code is taken. */
    NumberSeriesDTO define(NumberSeriesDTO series);

    /** The last number drawn (and committed) for a series and year; 0 if none. */
    long last(String series, int year);
}
