package io.kovan.kernel.api.company;

/** A company that keeps books: a party ({@code partyId}) with a base currency. */
public record CompanyDTO(Long id, Long partyId, String name, String taxNumber, String baseCurrency) {
}
