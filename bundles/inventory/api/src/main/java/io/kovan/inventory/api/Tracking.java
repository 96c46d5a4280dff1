package io.kovan.inventory.api;

/** How a product's units are told apart: not at all, by lot (with an expiry date), or one by one by serial number. */
public enum Tracking {
    NONE, LOT, SERIAL
}
