package io.kovan.inventory.api;

/** How issued goods are costed: at the moving average cost, or from the oldest receipt layers first. */
public enum CostingMethod {
    AVERAGE, FIFO
}
