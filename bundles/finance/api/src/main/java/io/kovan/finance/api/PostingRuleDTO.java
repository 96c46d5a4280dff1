package io.kovan.finance.api;

/**
 * Which account an automatic posting uses for a {@code purpose}, as data: the rule that matches
 * most narrowly wins, {@code PRODUCT_CATEGORY} (a product's category), {@code VAT_RATE} (say
 * {@code 20}) or {@code CUSTOMER_GROUP} (sales' price group) before {@code DEFAULT}. Purposes:
 * {@code RECEIVABLE}, {@code REVENUE}, {@code SALES_RETURN}, {@code VAT_OUTPUT}, {@code VAT_INPUT},
 * {@code PAYABLE}, {@code INVENTORY}, {@code COGS}, {@code EXPENSE}, {@code CASH}, {@code BANK}, {@code FX_GAIN}, {@code FX_LOSS}, {@code YEAR_PROFIT}, {@code YEAR_LOSS},
 * {@code STOCK_GAIN}, {@code STOCK_LOSS}.
 */
public record PostingRuleDTO(Long id, String purpose, String matchKind, String matchValue, Long accountId, String accountCode, Long version) {
}
