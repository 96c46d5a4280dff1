package io.kovan.sales.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Line and document arithmetic, figures worked out by hand in kuruş (TRY, 2 decimals), with a 5 % document discount. */
class LineMathTest {

    private static final BigDecimal DOCUMENT_DISCOUNT = new BigDecimal("5");

    private static LineMath.LineAmounts line(String qty, String price, String discount, String vat, String cost) {
        return LineMath.line(new LineMath.LineInput(new BigDecimal(qty), new BigDecimal(price), new BigDecimal(discount), new BigDecimal(vat),
            cost == null ? null : new BigDecimal(cost)), DOCUMENT_DISCOUNT, 2);
    }

    @Test
    void lineWithLineAndDocumentDiscountAtVat20() {
        // 3 × 1250.5000 = 3751.50; −10 % = 375.15 → 3376.35; −5 % = 168.8175 → 168.82 → 3207.53; VAT 20 % = 641.506 → 641.51.
        LineMath.LineAmounts l = line("3", "1250.5000", "10", "20", "800");
        assertEquals(new BigDecimal("3376.35"), l.lineAmount());
        assertEquals(new BigDecimal("168.82"), l.documentDiscount());
        assertEquals(new BigDecimal("3207.53"), l.netAmount());
        assertEquals(new BigDecimal("641.51"), l.vatAmount());
        assertEquals(new BigDecimal("3849.04"), l.totalAmount());
        assertEquals(new BigDecimal("2400.00"), l.cost());
        assertEquals(new BigDecimal("807.53"), l.margin());
        assertEquals(new BigDecimal("25.18"), l.marginPercent());
    }

    @Test
    void grossRoundsHalfUpAtVat10() {
        // 2.5 × 99.99 = 249.975 → 249.98; −5 % = 12.499 → 12.50 → 237.48; VAT 10 % = 23.748 → 23.75.
        LineMath.LineAmounts l = line("2.5", "99.99", "0", "10", null);
        assertEquals(new BigDecimal("249.98"), l.lineAmount());
        assertEquals(new BigDecimal("12.50"), l.documentDiscount());
        assertEquals(new BigDecimal("237.48"), l.netAmount());
        assertEquals(new BigDecimal("23.75"), l.vatAmount());
        assertEquals(new BigDecimal("261.23"), l.totalAmount());
        assertEquals(new BigDecimal("0.00"), l.cost());
    }

    @Test
    void smallLineAtVat1() {
        // 7 × 13.3333 = 93.3331 → 93.33; −2.5 % = 2.33325 → 2.33 → 91.00; −5 % = 4.55 → 86.45; VAT 1 % = 0.8645 → 0.86.
        LineMath.LineAmounts l = line("7", "13.3333", "2.5", "1", null);
        assertEquals(new BigDecimal("91.00"), l.lineAmount());
        assertEquals(new BigDecimal("4.55"), l.documentDiscount());
        assertEquals(new BigDecimal("86.45"), l.netAmount());
        assertEquals(new BigDecimal("0.86"), l.vatAmount());
        assertEquals(new BigDecimal("87.31"), l.totalAmount());
    }

    @Test
    void documentTotalsAreSumsOfTheRoundedLines() {
        LineMath.Totals t = LineMath.totals(List.of(line("3", "1250.5000", "10", "20", "800"), line("2.5", "99.99", "0", "10", null),
            line("7", "13.3333", "2.5", "1", null)), 2);
        assertEquals(new BigDecimal("3717.33"), t.subtotal());
        assertEquals(new BigDecimal("185.87"), t.discountAmount());
        assertEquals(new BigDecimal("3531.46"), t.netTotal());
        assertEquals(new BigDecimal("666.12"), t.vatTotal());
        assertEquals(new BigDecimal("4197.58"), t.total());
        assertEquals(new BigDecimal("2400.00"), t.totalCost());
        assertEquals(new BigDecimal("1131.46"), t.totalMargin());
        assertEquals(new BigDecimal("32.04"), t.marginPercent());
    }

    @Test
    void marginPercentIsNullWithoutNet() {
        LineMath.LineAmounts l = line("1", "0", "0", "20", "5");
        assertEquals(new BigDecimal("0.00"), l.netAmount());
        assertEquals(new BigDecimal("-5.00"), l.margin());
        assertNull(l.marginPercent());
    }
}
