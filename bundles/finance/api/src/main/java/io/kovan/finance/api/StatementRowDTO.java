package io.kovan.finance.api;

import java.math.BigDecimal;

/**
 * A row of a financial statement in the uniform chart's layout: a class, group or account
 * ({@code level} 1, 2, 3) with its amount, or a computed total ({@code level} 0, such as
 * {@code NET_SALES}, {@code GROSS_PROFIT}, {@code PROFIT_FOR_THE_PERIOD}).
 */
public record StatementRowDTO(String code, String name, int level, BigDecimal amount) {
}
