package io.kovan.kernel.api.product;

/** STOCKED goods are counted in inventory; SERVICE and CONSUMABLE are not. */
public enum ProductType {
    STOCKED, SERVICE, CONSUMABLE
}
