package io.kovan.kernel.impl.party;

import javax.persistence.Embeddable;

import io.kovan.kernel.api.party.ContactPersonDTO;

/** One row of KV_PARTY_CONTACT. */
@Embeddable
public class ContactEmbeddable {

    String name;
    String title;
    String email;
    String phone;

    static ContactEmbeddable of(ContactPersonDTO dto) {
        ContactEmbeddable c = new ContactEmbeddable();
        c.name = dto.name();
        c.title = dto.title();
        c.email = dto.email();
        c.phone = dto.phone();
        return c;
    }

    ContactPersonDTO toDto() {
        return new ContactPersonDTO(name, title, email, phone);
    }
}
