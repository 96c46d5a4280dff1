package io.kovan.crm.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * How to convert a lead: into an existing party ({@code partyId}) or a new one (as a
 * {@code CUSTOMER} when {@code customer} is true, else a {@code PROSPECT}), and the opportunity
 * to open (its name defaults to the company's; revenue, currency and close date are optional).
 */
public record LeadConversionDTO(Long partyId, Boolean customer, String opportunityName, BigDecimal expectedRevenue, String currency,
    LocalDate expectedCloseDate, Long teamId) {
}
