package io.kovan.inventory.api;

/** ACTIVE holds stock; CONSUMED was shipped in full; RELEASED was given back (cancelled or closed). */
public enum ReservationState {
    ACTIVE, CONSUMED, RELEASED
}
