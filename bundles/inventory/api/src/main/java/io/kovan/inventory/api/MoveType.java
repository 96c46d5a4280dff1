package io.kovan.inventory.api;

/**
 * What a stock move is. RECEIPT and RETURN bring goods in, ISSUE takes them out, TRANSFER moves
 * them between locations, ADJUSTMENT and COUNT correct on-hand (in or out).
 */
public enum MoveType {
    RECEIPT, ISSUE, TRANSFER, ADJUSTMENT, COUNT, RETURN
}
