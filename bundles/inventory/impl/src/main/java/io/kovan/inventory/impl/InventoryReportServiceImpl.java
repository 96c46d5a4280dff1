package io.kovan.inventory.impl;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.kovan.inventory.api.InventoryReportService;
import io.kovan.inventory.api.SlowMoverDTO;
import io.kovan.inventory.api.TurnoverDTO;
import io.kovan.inventory.api.ValuationDTO;
import io.kovan.kernel.api.ValidationException;
import io.kovan.kernel.api.product.ProductDTO;

/** Valuation, turnover and slow movers, summed from the ledger in the database. */
@Component(service = InventoryReportService.class)
public class InventoryReportServiceImpl implements InventoryReportService {

    /** Quantity and value each move adds to the company's stock: transfers add nothing. */
    private static final String COMPANY_QUANTITY = "SUM(CASE WHEN FROM_LOCATION_ID IS NULL THEN QUANTITY WHEN TO_LOCATION_ID IS NULL THEN -QUANTITY ELSE 0 END)";
    private static final String COMPANY_VALUE = "SUM(CASE WHEN FROM_LOCATION_ID IS NULL THEN TOTAL_COST WHEN TO_LOCATION_ID IS NULL THEN -TOTAL_COST ELSE 0 END)";

    private final JpaTemplate jpa;
    private final Catalogue catalogue;

    @Activate
    public InventoryReportServiceImpl(@Reference(target = "(osgi.unit.name=kovan-inventory)") JpaTemplate jpa, @Reference Catalogue catalogue) {
        this.jpa = jpa;
        this.catalogue = catalogue;
    }

    /** A product's company-wide quantity and value on a date. */
    private record Holding(BigDecimal quantity, BigDecimal value) {
    }

    @Override
    public ValuationDTO valuation(LocalDate date, Long warehouseId) {
        LocalDate on = date == null ? Times.today() : date;
        return jpa.txExpr(TransactionType.Supports, em -> {
            if (warehouseId != null && em.find(WarehouseEntity.class, warehouseId) == null) {
                throw new ValidationException("warehouse", "unknown warehouse " + warehouseId);
            }
            int money = catalogue.moneyScale();
            Map<Long, Holding> company = holdings(em, on);
            String sql = "SELECT PRODUCT_ID, W, SUM(Q) FROM (SELECT PRODUCT_ID, TO_WAREHOUSE_ID W, QUANTITY Q FROM KV_INV_MOVE WHERE TO_WAREHOUSE_ID "
                + "IS NOT NULL AND MOVE_DATE <= ? UNION ALL SELECT PRODUCT_ID, FROM_WAREHOUSE_ID, -QUANTITY FROM KV_INV_MOVE WHERE FROM_WAREHOUSE_ID "
                + "IS NOT NULL AND MOVE_DATE <= ?) f (PRODUCT_ID, W, Q)" + (warehouseId == null ? "" : " WHERE W = ?") + " GROUP BY PRODUCT_ID, W HAVING SUM(Q) <> 0 "
                + "ORDER BY W, PRODUCT_ID";
            List<Object> params = warehouseId == null ? List.of(on, on) : List.of(on, on, warehouseId);
            Map<Long, List<ValuationDTO.Line>> perWarehouse = new TreeMap<>();
            Map<Long, ProductDTO> products = new HashMap<>();
            for (Object o : Ledger.params(em.createNativeQuery(sql), params).getResultList()) {
                Object[] r = (Object[]) o;
                long product = ((Number) r[0]).longValue();
                long warehouse = ((Number) r[1]).longValue();
                BigDecimal quantity = Ledger.decimal(r[2]);
                Holding h = company.get(product);
                BigDecimal unitCost = h == null || h.quantity().signum() == 0 ? BigDecimal.ZERO.setScale(Ledger.COST_SCALE)
                    : h.value().divide(h.quantity(), Ledger.COST_SCALE, RoundingMode.HALF_UP);
                BigDecimal value = h == null || h.quantity().signum() == 0 ? BigDecimal.ZERO.setScale(money)
                    : h.value().multiply(quantity).divide(h.quantity(), money, RoundingMode.HALF_UP);
                ProductDTO p = products.computeIfAbsent(product, catalogue::product);
                perWarehouse.computeIfAbsent(warehouse, w -> new ArrayList<>()).add(new ValuationDTO.Line(product, p.code(), p.category(), quantity,
                    unitCost, value));
            }
            List<ValuationDTO.Warehouse> warehouses = new ArrayList<>();
            BigDecimal total = BigDecimal.ZERO.setScale(money);
            for (Map.Entry<Long, List<ValuationDTO.Line>> w : perWarehouse.entrySet()) {
                BigDecimal value = w.getValue().stream().map(ValuationDTO.Line::value).reduce(BigDecimal.ZERO.setScale(money), BigDecimal::add);
                total = total.add(value);
                warehouses.add(new ValuationDTO.Warehouse(w.getKey(), catalogue.warehouseCode(em, w.getKey()), value, w.getValue()));
            }
            return new ValuationDTO(on, catalogue.currency(), total, warehouses);
        });
    }

    private Map<Long, Holding> holdings(EntityManager em, LocalDate on) {
        Map<Long, Holding> map = new HashMap<>();
        for (Object o : Ledger.params(em.createNativeQuery("SELECT PRODUCT_ID, " + COMPANY_QUANTITY + ", " + COMPANY_VALUE
            + " FROM KV_INV_MOVE WHERE MOVE_DATE <= ? GROUP BY PRODUCT_ID"), List.of(on)).getResultList()) {
            Object[] r = (Object[]) o;
            map.put(((Number) r[0]).longValue(), new Holding(Ledger.decimal(r[1]), Ledger.decimal(r[2]).setScale(catalogue.moneyScale(),
                RoundingMode.HALF_UP)));
        }
        return map;
    }

    @Override
    public TurnoverDTO turnover(LocalDate from, LocalDate to, String groupBy) {
        if (from == null || to == null) {
            throw new ValidationException(from == null ? "from" : "to", "is required");
        }
        if (to.isBefore(from)) {
            throw new ValidationException("to", "must not be before from");
        }
        String group = groupBy == null ? "product" : groupBy;
        if (!group.equals("product") && !group.equals("category")) {
            throw new ValidationException("groupBy", "must be product or category");
        }
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        return jpa.txExpr(TransactionType.Supports, em -> {
            int money = catalogue.moneyScale();
            Map<Long, Holding> opening = holdings(em, from.minusDays(1));
            Map<Long, Holding> closing = holdings(em, to);
            Map<Long, BigDecimal[]> issued = new HashMap<>();
            for (Object o : Ledger.params(em.createNativeQuery("SELECT PRODUCT_ID, SUM(CASE WHEN MOVE_TYPE = 'ISSUE' THEN TOTAL_COST ELSE -TOTAL_COST END), "
                + "SUM(CASE WHEN MOVE_TYPE = 'ISSUE' THEN QUANTITY ELSE -QUANTITY END) FROM KV_INV_MOVE WHERE MOVE_TYPE IN ('ISSUE', 'RETURN') "
                + "AND MOVE_DATE >= ? AND MOVE_DATE <= ? GROUP BY PRODUCT_ID"), List.of(from, to)).getResultList()) {
                Object[] r = (Object[]) o;
                issued.put(((Number) r[0]).longValue(), new BigDecimal[] {Ledger.decimal(r[1]), Ledger.decimal(r[2])});
            }
            java.util.Set<Long> products = new java.util.TreeSet<>();
            products.addAll(opening.keySet());
            products.addAll(closing.keySet());
            products.addAll(issued.keySet());
            // key → [opening, closing, cogs, quantity], and the row's name
            Map<String, BigDecimal[]> sums = new TreeMap<>();
            Map<String, String> names = new HashMap<>();
            BigDecimal zero = BigDecimal.ZERO.setScale(money);
            for (long product : products) {
                ProductDTO p = catalogue.product(product);
                String key = group.equals("product") ? p.code() : p.category() == null ? "-" : p.category();
                names.putIfAbsent(key, group.equals("product") ? p.name() : p.category() == null ? "(no category)" : p.category());
                BigDecimal[] s = sums.computeIfAbsent(key, k -> new BigDecimal[] {zero, zero, zero, BigDecimal.ZERO.setScale(Ledger.QUANTITY_SCALE)});
                s[0] = s[0].add(opening.getOrDefault(product, new Holding(BigDecimal.ZERO, zero)).value());
                s[1] = s[1].add(closing.getOrDefault(product, new Holding(BigDecimal.ZERO, zero)).value());
                BigDecimal[] out = issued.get(product);
                if (out != null) {
                    s[2] = s[2].add(out[0]);
                    s[3] = s[3].add(out[1]);
                }
            }
            List<TurnoverDTO.Row> rows = new ArrayList<>();
            for (Map.Entry<String, BigDecimal[]> e : sums.entrySet()) {
                BigDecimal[] s = e.getValue();
                BigDecimal average = s[0].add(s[1]).divide(BigDecimal.valueOf(2), money, RoundingMode.HALF_UP);
                BigDecimal cogs = s[2].setScale(money, RoundingMode.HALF_UP);
                BigDecimal turnover = average.signum() > 0 ? cogs.divide(average, 2, RoundingMode.HALF_UP) : null;
                BigDecimal daysOfInventory = turnover != null && turnover.signum() > 0
                    ? BigDecimal.valueOf(days).multiply(average).divide(cogs, 1, RoundingMode.HALF_UP) : null;
                rows.add(new TurnoverDTO.Row(e.getKey(), names.get(e.getKey()), s[0], s[1], average, cogs, s[3], turnover, daysOfInventory));
            }
            return new TurnoverDTO(from, to, group, catalogue.currency(), rows);
        });
    }

    @Override
    public List<SlowMoverDTO> slowMovers(int days) {
        if (days < 0 || days > 36500) {
            throw new ValidationException("days", "must be from 0 to 36500");
        }
        LocalDate today = Times.today();
        return jpa.txExpr(TransactionType.Supports, em -> {
            List<SlowMoverDTO> list = new ArrayList<>();
            for (Object o : em.createNativeQuery("SELECT p.PRODUCT_ID, p.ON_HAND, p.STOCK_VALUE, (SELECT MAX(m.MOVE_DATE) FROM KV_INV_MOVE m "
                + "WHERE m.PRODUCT_ID = p.PRODUCT_ID AND m.MOVE_TYPE = 'ISSUE') FROM KV_INV_PRODUCT p WHERE p.ON_HAND > 0").getResultList()) {
                Object[] r = (Object[]) o;
                LocalDate last = r[3] == null ? null : Expectations.localDate(r[3]);
                if (last == null || !last.isAfter(today.minusDays(days))) {
                    ProductDTO p = catalogue.product(((Number) r[0]).longValue());
                    list.add(new SlowMoverDTO(p.id(), p.code(), p.category(), Ledger.decimal(r[1]), Ledger.decimal(r[2]).setScale(catalogue.moneyScale(),
                        RoundingMode.HALF_UP), last, last == null ? null : ChronoUnit.DAYS.between(last, today)));
                }
            }
            list.sort(Comparator.comparing((SlowMoverDTO s) -> s.lastIssued() == null ? LocalDate.MIN : s.lastIssued()).thenComparing(SlowMoverDTO::productCode));
            return list;
        });
    }
}
