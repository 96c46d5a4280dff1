package io.kovan.crm.api;

import java.util.List;

/**
 * A record that looks like the same person or company: {@code kind} is {@code lead} or
 * {@code party}; {@code reasons} say why (same email, same phone, same tax number, similar name).
 */
public record DuplicateDTO(String kind, long id, String number, String name, List<String> reasons) {
}
