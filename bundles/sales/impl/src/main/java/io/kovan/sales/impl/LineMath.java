package io.kovan.sales.impl;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The arithmetic of quote and order lines, in the document currency at {@code decimals}: each
 * amount is rounded half-up where it is formed, so a line's figures and the document's sums agree
 * to the kuruş.
 */
final class LineMath {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private LineMath() {
    }

    /** What a line's amounts are made of; {@code unitCost} is in the document currency. */
    record LineInput(BigDecimal quantity, BigDecimal unitPrice, BigDecimal discountPercent, BigDecimal vatRate, BigDecimal unitCost) {
    }

    /** {@code lineAmount} is after the line discount, {@code documentDiscount} its share of the document discount. */
    record LineAmounts(BigDecimal lineAmount, BigDecimal documentDiscount, BigDecimal netAmount, BigDecimal vatAmount, BigDecimal totalAmount,
        BigDecimal cost, BigDecimal margin, BigDecimal marginPercent) {
    }

    record Totals(BigDecimal subtotal, BigDecimal discountAmount, BigDecimal netTotal, BigDecimal vatTotal, BigDecimal total,
        BigDecimal totalCost, BigDecimal totalMargin, BigDecimal marginPercent) {
    }

    static LineAmounts line(LineInput in, BigDecimal documentDiscountPercent, int decimals) {
        BigDecimal gross = in.quantity().multiply(in.unitPrice()).setScale(decimals, RoundingMode.HALF_UP);
        BigDecimal lineDiscount = percentOf(gross, in.discountPercent(), decimals);
        BigDecimal lineAmount = gross.subtract(lineDiscount);
        BigDecimal documentDiscount = percentOf(lineAmount, documentDiscountPercent, decimals);
        BigDecimal net = lineAmount.subtract(documentDiscount);
        BigDecimal vat = percentOf(net, in.vatRate(), decimals);
        BigDecimal cost = in.quantity().multiply(in.unitCost() == null ? BigDecimal.ZERO : in.unitCost()).setScale(decimals, RoundingMode.HALF_UP);
        BigDecimal margin = net.subtract(cost);
        return new LineAmounts(lineAmount, documentDiscount, net, vat, net.add(vat), cost, margin, marginPercent(margin, net));
    }

    static Totals totals(List<LineAmounts> lines, int decimals) {
        BigDecimal zero = BigDecimal.ZERO.setScale(decimals);
        BigDecimal subtotal = zero;
        BigDecimal discount = zero;
        BigDecimal net = zero;
        BigDecimal vat = zero;
        BigDecimal cost = zero;
        for (LineAmounts l : lines) {
            subtotal = subtotal.add(l.lineAmount());
            discount = discount.add(l.documentDiscount());
            net = net.add(l.netAmount());
            vat = vat.add(l.vatAmount());
            cost = cost.add(l.cost());
        }
        BigDecimal margin = net.subtract(cost);
        return new Totals(subtotal, discount, net, vat, net.add(vat), cost, margin, marginPercent(margin, net));
    }

    /** Margin as a percentage of net, 2 decimals; null when there is no net amount to relate it to. */
    static BigDecimal marginPercent(BigDecimal margin, BigDecimal net) {
        if (margin == null || net == null || net.signum() == 0) {
            return null;
        }
        return margin.multiply(HUNDRED).divide(net, 2, RoundingMode.HALF_UP);
    }

    static BigDecimal percentOf(BigDecimal amount, BigDecimal percent, int decimals) {
        if (percent == null || percent.signum() == 0) {
            return BigDecimal.ZERO.setScale(decimals);
        }
        return amount.multiply(percent).divide(HUNDRED, decimals, RoundingMode.HALF_UP);
    }
}
