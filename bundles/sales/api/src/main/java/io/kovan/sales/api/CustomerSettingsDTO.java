package io.kovan.sales.api;

/** What sales keeps about a party: its price group (matched to price lists' {@code customerGroup}) and its salesperson. */
public record CustomerSettingsDTO(Long partyId, String priceGroup, String salesperson, Long version) {
}
