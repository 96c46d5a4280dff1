package io.kovan.kernel.impl.party;

import javax.persistence.Column;
import javax.persistence.Embeddable;

import io.kovan.kernel.api.party.AddressDTO;

/** One row of KV_PARTY_ADDRESS. */
@Embeddable
public class AddressEmbeddable {

    @Column(name = "ADDRESS_TYPE")
    String type;
    String line1;
    String line2;
    String district;
    String city;
    @Column(name = "POSTAL_CODE")
    String postalCode;
    String country;

    static AddressEmbeddable of(AddressDTO dto) {
        AddressEmbeddable a = new AddressEmbeddable();
        a.type = dto.type();
        a.line1 = dto.line1();
        a.line2 = dto.line2();
        a.district = dto.district();
        a.city = dto.city();
        a.postalCode = dto.postalCode();
        a.country = dto.country() == null ? null : dto.country().toUpperCase(java.util.Locale.ROOT);
        return a;
    }

    AddressDTO toDto() {
        return new AddressDTO(type, line1, line2, district, city, postalCode, country);
    }
}
