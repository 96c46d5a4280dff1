package io.kovan.kernel.api.party;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A party as clients see it. {@code id}, {@code code}, {@code createdAt} and {@code updatedAt} are
 * set by the kernel; {@code version} must be sent back unchanged on update (optimistic locking).
 * {@code taxNumber} is a VKN (10 digits) for organisations and a TCKN (11 digits) for persons.
 */
public record PartyDTO(Long id, String code, PartyKind kind, String name, Set<PartyRole> roles,
    String taxOffice, String taxNumber, List<AddressDTO> addresses, List<ContactPersonDTO> contacts,
    String phone, String email, Integer paymentTermDays, BigDecimal creditLimit, String currency,
    Long version, Instant createdAt, Instant updatedAt) {
}
