package io.kovan.kernel.api.party;

/** A person to talk to at a party. */
public record ContactPersonDTO(String name, String title, String email, String phone) {
}
