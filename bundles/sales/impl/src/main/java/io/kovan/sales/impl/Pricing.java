package io.kovan.sales.impl;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.persistence.EntityManager;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.kovan.inventory.api.AtpDTO;
import io.kovan.kernel.api.Violations;
import io.kovan.kernel.api.party.PartyDTO;
import io.kovan.kernel.api.product.ProductDTO;
import io.kovan.kernel.api.product.ProductType;
import io.kovan.kernel.api.security.Caller;

/**
 * Validates the body of a quote or an order and prices it: unit prices from the price lists or the
 * product, costs from inventory or the standard cost, availability and promised dates from
 * inventory or the lead time, and the amounts of {@link LineMath}. Quotes and orders share it so
 * that a converted quote's order adds up to the same figures.
 */
@Component(service = Pricing.class)
public class Pricing {

    static final int PRICE_SCALE = 4;
    static final int QUANTITY_SCALE = 3;
    static final int PERCENT_SCALE = 2;
    static final int MAX_LINES = 5000;
    private static final List<BigDecimal> VAT_RATES = List.of(BigDecimal.ZERO, BigDecimal.ONE, BigDecimal.TEN, BigDecimal.valueOf(20));
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final KernelData kernel;
    private final Stock stock;
    private final Caller caller;

    @Activate
    public Pricing(@Reference KernelData kernel, @Reference Stock stock, @Reference Caller caller) {
        this.kernel = kernel;
        this.stock = stock;
        this.caller = caller;
    }

    record LineRequest(Long productId, BigDecimal quantity, BigDecimal unitPrice, BigDecimal discountPercent, BigDecimal vatRate,
        String description) {
    }

    record Request(Long customerId, String currency, LocalDate date, Long warehouseId, BigDecimal discountPercent, String salesperson,
        String notes, List<LineRequest> lines) {
    }

    record Line(ProductDTO product, String description, BigDecimal quantity, BigDecimal unitPrice, BigDecimal discountPercent,
        BigDecimal vatRate, BigDecimal unitCost, LineMath.LineAmounts amounts, BigDecimal availableToPromise, LocalDate promisedDate) {
    }

    record Priced(long customerId, String currency, int decimals, BigDecimal exchangeRate, LocalDate date, Long warehouseId,
        BigDecimal discountPercent, String salesperson, String notes, List<Line> lines, LineMath.Totals totals, LocalDate promisedDate) {
    }

    /**
     * Checks everything in the request, adding to the caller's violations, and throws them all
     * before anything is priced; then prices every line.
     */
    Priced price(EntityManager em, Request r, Violations v) {
        v.require("customerId", r.customerId());
        PartyDTO customer = kernel.party(v, "customerId", r.customerId());
        String base = kernel.baseCurrency();
        String currency = r.currency() != null ? r.currency() : customer != null && customer.currency() != null ? customer.currency() : base;
        int decimals = kernel.decimals(v, "currency", currency);
        percent(v, "discountPercent", r.discountPercent());
        v.maxLength("salesperson", r.salesperson(), 100).maxLength("notes", r.notes(), 2000);
        v.check(r.warehouseId() == null || stock.warehouseKnown(r.warehouseId()), "warehouseId", "unknown warehouse " + r.warehouseId());
        v.check(r.lines() != null && !r.lines().isEmpty(), "lines", "needs at least one line");
        v.check(r.lines() == null || r.lines().size() <= MAX_LINES, "lines", "must be at most " + MAX_LINES);
        List<ProductDTO> products = new ArrayList<>();
        List<LineRequest> lines = r.lines() == null ? List.of() : r.lines();
        for (int i = 0; i < lines.size(); i++) {
            LineRequest l = lines.get(i);
            String at = "lines[" + i + "].";
            if (l == null) {
                v.check(false, "lines[" + i + "]", "is required");
                products.add(null);
                continue;
            }
            v.require(at + "productId", l.productId());
            ProductDTO product = kernel.product(v, at + "productId", l.productId());
            products.add(product);
            v.positive(at + "quantity", l.quantity(), QUANTITY_SCALE);
            v.nonNegative(at + "unitPrice", l.unitPrice(), PRICE_SCALE);
            v.check(l.unitPrice() == null || l.unitPrice().precision() - l.unitPrice().scale() <= 15, at + "unitPrice", "is too large");
            v.check(l.quantity() == null || l.quantity().precision() - l.quantity().scale() <= 12, at + "quantity", "is too large");
            percent(v, at + "discountPercent", l.discountPercent());
            BigDecimal vat = l.vatRate() != null ? l.vatRate() : product == null ? null : product.vatRate();
            v.check(vat == null || VAT_RATES.stream().anyMatch(rate -> rate.compareTo(vat) == 0), at + "vatRate", "must be 0, 1, 10 or 20");
            v.maxLength(at + "description", l.description(), 500);
        }
        v.throwIfAny();
        LocalDate date = r.date() == null ? Times.today() : r.date();
        BigDecimal rate = kernel.rate(v, "currency", currency, base, date);
        CustomerSettingsEntity settings = em.find(CustomerSettingsEntity.class, r.customerId());
        String priceGroup = settings == null ? null : settings.priceGroup;
        Long warehouse = stock.warehouse(r.warehouseId());
        BigDecimal documentDiscount = r.discountPercent() == null ? BigDecimal.ZERO : r.discountPercent();
        List<Line> priced = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            LineRequest l = lines.get(i);
            ProductDTO product = products.get(i);
            BigDecimal unitPrice = l.unitPrice() != null ? l.unitPrice() : listPrice(em, product, currency, priceGroup, date, l.quantity());
            if (unitPrice == null && product.salesPrice() != null && product.currency() != null) {
                BigDecimal productRate = kernel.rate(v, "lines[" + i + "].unitPrice", product.currency(), currency, date);
                unitPrice = productRate == null ? null : product.salesPrice().multiply(productRate).setScale(PRICE_SCALE, RoundingMode.HALF_UP);
            }
            v.check(unitPrice != null, "lines[" + i + "].unitPrice", "is required: no price list and no sales price gives product "
                + product.code() + " a price in " + currency);
            if (unitPrice == null || rate == null) {
                continue;
            }
            BigDecimal discount = l.discountPercent() == null ? BigDecimal.ZERO : l.discountPercent();
            BigDecimal vat = l.vatRate() != null ? l.vatRate() : product.vatRate();
            BigDecimal unitCost = unitCost(product, rate);
            LineMath.LineAmounts amounts = LineMath.line(new LineMath.LineInput(l.quantity(), unitPrice, discount, vat, unitCost), documentDiscount,
                decimals);
            boolean stocked = product.type() == ProductType.STOCKED;
            AtpDTO atp = stocked ? stock.atp(product.id(), warehouse, l.quantity(), date) : null;
            LocalDate promised = atp != null && atp.promisedDate() != null ? max(date, atp.promisedDate())
                : product.type() == ProductType.SERVICE ? date : date.plusDays(product.leadTime());
            priced.add(new Line(product, Names.trimmed(l.description()) == null ? product.name() : l.description().strip(), l.quantity(),
                unitPrice.setScale(PRICE_SCALE, RoundingMode.HALF_UP), discount.setScale(PERCENT_SCALE, RoundingMode.HALF_UP),
                vat.setScale(PERCENT_SCALE, RoundingMode.HALF_UP), unitCost, amounts, atp == null ? null : atp.availableToPromise(), promised));
        }
        v.throwIfAny();
        LineMath.Totals totals = LineMath.totals(priced.stream().map(Line::amounts).toList(), decimals);
        LocalDate promised = priced.stream().map(Line::promisedDate).max(LocalDate::compareTo).orElse(date);
        String salesperson = Names.trimmed(r.salesperson()) != null ? r.salesperson().strip()
            : settings != null && settings.salesperson != null ? settings.salesperson : caller.user();
        return new Priced(r.customerId(), currency, decimals, rate, date, r.warehouseId(), documentDiscount.setScale(PERCENT_SCALE, RoundingMode.HALF_UP),
            salesperson, Names.trimmed(r.notes()), priced, totals, promised);
    }

    /** The price list price, or null when no valid list in the currency has the product. */
    private static BigDecimal listPrice(EntityManager em, ProductDTO product, String currency, String priceGroup, LocalDate date, BigDecimal quantity) {
        List<Object[]> rows = em.createQuery("SELECT l.id, l.customerGroup, l.validFrom, l.validTo, i.minQuantity, i.price FROM PriceListItemEntity i, "
            + "PriceListEntity l WHERE i.priceListId = l.id AND i.productId = :product AND l.currency = :currency", Object[].class)
            .setParameter("product", product.id()).setParameter("currency", currency).getResultList();
        List<PriceSelection.Candidate> candidates = rows.stream().map(row -> new PriceSelection.Candidate((Long) row[0], (String) row[1],
            (LocalDate) row[2], (LocalDate) row[3], (BigDecimal) row[4], (BigDecimal) row[5])).toList();
        Optional<PriceSelection.Candidate> best = PriceSelection.pick(candidates, priceGroup, date, quantity);
        return best.map(PriceSelection.Candidate::price).orElse(null);
    }

    /** What a unit costs in the document currency: inventory's cost when it knows one, else the standard cost (company currency). */
    private BigDecimal unitCost(ProductDTO product, BigDecimal rate) {
        BigDecimal cost = product.type() == ProductType.STOCKED ? stock.unitCost(product.id()) : null;
        if (cost == null) {
            cost = product.standardCost() == null ? BigDecimal.ZERO : product.standardCost();
        }
        return cost.divide(rate, PRICE_SCALE, RoundingMode.HALF_UP);
    }

    private static void percent(Violations v, String field, BigDecimal value) {
        v.nonNegative(field, value, PERCENT_SCALE);
        v.check(value == null || value.compareTo(HUNDRED) <= 0, field, "must be at most 100");
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    /** Writes the priced header onto a quote or an order. */
    static void apply(Priced p, PricedDocument e) {
        e.customerId = p.customerId();
        e.currency = p.currency();
        e.decimals = p.decimals();
        e.exchangeRate = p.exchangeRate();
        e.date = p.date();
        e.warehouseId = p.warehouseId();
        e.discountPercent = p.discountPercent();
        e.salesperson = p.salesperson();
        e.notes = p.notes();
        e.subtotal = p.totals().subtotal();
        e.discountAmount = p.totals().discountAmount();
        e.netTotal = p.totals().netTotal();
        e.vatTotal = p.totals().vatTotal();
        e.total = p.totals().total();
        e.totalCost = p.totals().totalCost();
        e.promisedDate = p.promisedDate();
    }

    /** Writes a priced line onto a quote or an order line. */
    static void apply(Line l, int lineNo, PricedLine e) {
        e.lineNo = lineNo;
        e.productId = l.product().id();
        e.productCode = l.product().code();
        e.stocked = l.product().type() == ProductType.STOCKED;
        e.description = l.description();
        e.unit = l.product().unit();
        e.quantity = l.quantity();
        e.unitPrice = l.unitPrice();
        e.discountPercent = l.discountPercent();
        e.vatRate = l.vatRate();
        e.lineAmount = l.amounts().lineAmount();
        e.documentDiscount = l.amounts().documentDiscount();
        e.netAmount = l.amounts().netAmount();
        e.vatAmount = l.amounts().vatAmount();
        e.totalAmount = l.amounts().totalAmount();
        e.unitCost = l.unitCost();
        e.costAmount = l.amounts().cost();
        e.availableToPromise = l.availableToPromise();
        e.promisedDate = l.promisedDate();
    }

    /** The line as it was priced, for a request that copies it (a quote converted to an order). */
    static LineRequest copy(PricedLine e) {
        return new LineRequest(e.productId, e.quantity, e.unitPrice, e.discountPercent, e.vatRate, e.description);
    }
}
