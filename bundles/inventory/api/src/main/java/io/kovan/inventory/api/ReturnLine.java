package io.kovan.inventory.api;

import java.math.BigDecimal;

/** Goods coming back against an earlier issue move, at that move's unit cost, into the location it left. */
public record ReturnLine(Long sourceLineId, Long issueMoveId, BigDecimal quantity) {
}
