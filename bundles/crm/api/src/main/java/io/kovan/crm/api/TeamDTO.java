package io.kovan.crm.api;

import java.util.List;

/** A sales team: its leader and members, by user name. */
public record TeamDTO(Long id, String name, String leader, List<String> members, Long version) {
}
