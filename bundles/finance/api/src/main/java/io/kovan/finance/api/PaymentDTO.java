package io.kovan.finance.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A collection or payment, posted when recorded (numbered {@code PAY-2026-000001}), through a cash
 * or bank account ({@code accountId}/{@code accountCode}: 100 Kasa, 102 Bankalar or one below them).
 * Its {@code allocations} settle invoices of the same party and currency, in part or in full; what
 * is not allocated ({@code unallocatedAmount}) stays on the party's account as an advance and may
 * be allocated later. A client sends {@code direction}, {@code partyId}, {@code amount},
 * {@code accountId} or {@code accountCode}, and optionally {@code date}, {@code currency} with
 * {@code exchangeRate}, {@code reference} and {@code allocations}.
 */
public record PaymentDTO(Long id, String number, PaymentDirection direction, String state, Long partyId, String partyName, LocalDate date,
    BigDecimal amount, String currency, BigDecimal exchangeRate, Long accountId, String accountCode, BigDecimal allocatedAmount,
    BigDecimal unallocatedAmount, List<AllocationDTO> allocations, Long journalEntryId, String reference, Long version, Instant createdAt) {
}
