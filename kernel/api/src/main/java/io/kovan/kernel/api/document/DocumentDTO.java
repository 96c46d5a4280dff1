package io.kovan.kernel.api.document;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A business document as the flow shows it. {@code type} is {@code <module>.<document>}
 * ({@code sales.order}); {@code id} is the owning module's id; {@code number}, {@code state},
 * {@code date}, {@code amount} and {@code currency} are what the module last reported.
 */
public record DocumentDTO(String type, long id, String number, String state, LocalDate date, BigDecimal amount, String currency) {
}
