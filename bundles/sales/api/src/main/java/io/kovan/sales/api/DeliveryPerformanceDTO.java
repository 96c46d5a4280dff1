package io.kovan.sales.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Lines shipped from {@code from} to {@code to}: how many were on time; {@code onTimePercent} is null
 * when none shipped, {@code averageDaysLate} is over the late lines only.
 */
public record DeliveryPerformanceDTO(LocalDate from, LocalDate to, List<DeliveryLineDTO> lines, int lineCount, int onTime, int late,
    BigDecimal onTimePercent, BigDecimal averageDaysLate) {
}
