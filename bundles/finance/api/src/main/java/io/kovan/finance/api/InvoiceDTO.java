package io.kovan.finance.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An invoice: {@code draft} → {@code posted} (journal entry {@code journalEntryId} written, numbered
 * {@code INV-}, {@code CN-} or {@code PI-2026-000001}) → {@code paid} once allocations cover
 * {@code total}; a draft may be {@code cancelled}. {@code dueDate} defaults to the date plus the
 * party's payment terms. {@code openAmount} = total − paid. {@code uuid} is the e-Fatura ETTN.
 * A client sends {@code kind}, {@code partyId}, {@code lines}, and optionally {@code date} (today),
 * {@code dueDate}, {@code currency} (the party's, else the company's) with {@code exchangeRate}
 * (the day's rate), {@code creditedInvoiceId} (a credit note's invoice), {@code supplierInvoiceNumber},
 * {@code reference}, {@code notes}, and {@code post: true} to post at once.
 */
public record InvoiceDTO(Long id, String number, InvoiceKind kind, String state, Long partyId, String partyName, LocalDate date,
    LocalDate dueDate, String currency, BigDecimal exchangeRate, List<InvoiceLineDTO> lines, List<VatSummaryLineDTO> vat, BigDecimal netTotal,
    BigDecimal vatTotal, BigDecimal total, BigDecimal baseTotal, BigDecimal paidAmount, BigDecimal openAmount, Long journalEntryId,
    Long creditedInvoiceId, String supplierInvoiceNumber, String reference, String notes, String uuid, Boolean post, Long version,
    Instant createdAt) {
}
