package io.kovan.kernel.api.currency;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Currencies and dated exchange rates. A conversion on a date uses the latest rate set on or
 * before that date, in either direction.
 *
 * @since 1.0
 */
@ProviderType
public interface CurrencyService {

    List<CurrencyDTO> list();

    CurrencyDTO get(String code);

    CurrencyDTO create(CurrencyDTO currency);

    /** Rates of {@code code} against any currency, newest first, between the dates (both optional). */
    List<ExchangeRateDTO> rates(String code, LocalDate from, LocalDate to);

    /** Sets the rate for a day, replacing one set before for the same pair and day. */
    ExchangeRateDTO setRate(ExchangeRateDTO rate);

    /** Converts, rounded half-up to the target currency's decimals. */
    ConversionDTO convert(BigDecimal amount, String from, String to, LocalDate date);
}
