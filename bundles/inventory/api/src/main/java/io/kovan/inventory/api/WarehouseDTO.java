package io.kovan.inventory.api;

/** A warehouse. {@code rootLocationId} is the location created with it, named by its code; every other location nests below it. */
public record WarehouseDTO(Long id, String code, String name, String address, Boolean active, Long rootLocationId, Long version) {
}
