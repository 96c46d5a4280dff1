package io.kovan.inventory.api;

/** A place in a warehouse (zone, aisle, shelf, bin). {@code path} is the codes from the warehouse down, e.g. {@code WH/A/01}. */
public record LocationDTO(Long id, Long warehouseId, Long parentId, String code, String name, String path, Boolean active, Long version) {
}
