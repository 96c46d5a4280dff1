package io.kovan.inventory.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Available-to-promise of a product in a warehouse (every warehouse when {@code warehouseId} is
 * null) on {@code date}: {@code onHand − reserved + expectedSupply − expectedDemand}, counting
 * what is expected up to that date. {@code promisedDate} is the earliest date from which the
 * requested quantity stays available whatever else is expected later; when the expected supply
 * never covers it, the product's lead time from today gives the date ({@code fromLeadTime}).
 */
public record AtpDTO(Long productId, Long warehouseId, LocalDate date, BigDecimal requestedQuantity, BigDecimal onHand, BigDecimal reserved,
    BigDecimal expectedSupply, BigDecimal expectedDemand, BigDecimal availableToPromise, LocalDate promisedDate, boolean fromLeadTime,
    int leadTimeDays, List<AtpEntryDTO> timeline) {
}
