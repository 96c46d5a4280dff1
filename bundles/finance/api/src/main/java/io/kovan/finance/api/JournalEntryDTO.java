package io.kovan.finance.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A journal entry: {@code draft} (free to change), {@code posted} (numbered {@code JE-2026-000001}
 * in its period, never changed again) or {@code reversed} (a later entry with the opposite lines
 * cancels it; {@code reversedById}). Its base debits always equal its base credits.
 * {@code sourceType}/{@code sourceId} name the document that caused an automatic posting
 * ({@code finance.invoice}, {@code finance.payment}, {@code sales.shipment}, …). A client sends
 * {@code date}, {@code description}, {@code lines}, and optionally {@code currency} (the company's)
 * with {@code exchangeRate} (the day's rate), {@code reference}, and {@code post: true} to post at once.
 */
public record JournalEntryDTO(Long id, String number, String state, LocalDate date, String description, String currency, BigDecimal exchangeRate,
    List<JournalLineDTO> lines, BigDecimal totalDebit, BigDecimal totalCredit, String sourceType, Long sourceId, String reference,
    Long reversalOfId, Long reversedById, Boolean post, Instant postedAt, String postedBy, Long version, Instant createdAt) {
}
