package io.kovan.crm.api;

import java.math.BigDecimal;

/** A member's target for a month ({@code 2026-12}): revenue won (in the company currency), deals won, activities done. */
public record TargetDTO(String member, String month, BigDecimal revenue, Integer wonDeals, Integer activities) {
}
