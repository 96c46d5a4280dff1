package io.kovan.finance.api;

import java.math.BigDecimal;

/** A party's open items by days past their due date; {@code notDue} is not due yet. */
public record AgeingRowDTO(Long partyId, String partyName, BigDecimal notDue, BigDecimal days0to30, BigDecimal days31to60,
    BigDecimal days61to90, BigDecimal over90, BigDecimal total) {
}
