package io.kovan.kernel.api.party;

/**
 * A postal address of a party. {@code type} is free text such as {@code BILLING} or {@code SHIPPING};
 * {@code country} is an ISO 3166 alpha-2 code.
 */
public record AddressDTO(String type, String line1, String line2, String district, String city,
    String postalCode, String country) {
}
