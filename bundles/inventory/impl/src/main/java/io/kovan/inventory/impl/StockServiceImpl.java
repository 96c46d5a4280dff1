package io.kovan.inventory.impl;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.kovan.inventory.api.AtpDTO;
import io.kovan.inventory.api.AtpEntryDTO;
import io.kovan.inventory.api.ExpectedQuantityDTO;
import io.kovan.inventory.api.StockLevelDTO;
import io.kovan.inventory.api.StockProductDTO;
import io.kovan.inventory.api.StockService;
import io.kovan.inventory.api.WarehouseDTO;
import io.kovan.kernel.api.ConflictException;
import io.kovan.kernel.api.Page;
import io.kovan.kernel.api.PageRequest;
import io.kovan.kernel.api.StaleVersionException;
import io.kovan.kernel.api.ValidationException;
import io.kovan.kernel.api.Violations;
import io.kovan.kernel.api.audit.AuditService;
import io.kovan.kernel.api.product.ProductDTO;
import io.kovan.kernel.api.product.ProductType;

/** Stock levels, available-to-promise, costs and the ledger check, read from the ledger's projections. */
@Component(service = {StockService.class, StockServiceImpl.class})
public class StockServiceImpl implements StockService {

    private final JpaTemplate jpa;
    private final Ledger ledger;
    private final Catalogue catalogue;
    private final WarehouseServiceImpl warehouses;
    private final Expectations expectations;
    private final AuditService audit;

    @Activate
    public StockServiceImpl(@Reference(target = "(osgi.unit.name=kovan-inventory)") JpaTemplate jpa, @Reference Ledger ledger,
        @Reference Catalogue catalogue, @Reference WarehouseServiceImpl warehouses, @Reference Expectations expectations,
        @Reference AuditService audit) {
        this.jpa = jpa;
        this.ledger = ledger;
        this.catalogue = catalogue;
        this.warehouses = warehouses;
        this.expectations = expectations;
        this.audit = audit;
    }

    @Override
    public Page<StockLevelDTO> levels(PageRequest request) {
        String by = request.filter("by") == null ? "warehouse" : request.filter("by");
        if (!List.of("warehouse", "location", "lot").contains(by)) {
            throw new ValidationException("by", "must be warehouse, location or lot");
        }
        Long product = request.longFilter("product");
        Long warehouse = request.longFilter("warehouse");
        Long location = request.longFilter("location");
        Long lot = request.longFilter("lot");
        Boolean nonZero = request.booleanFilter("nonZero");
        if (by.equals("warehouse") && (location != null || lot != null)) {
            throw new ValidationException(location != null ? "location" : "lot", "needs by=location or by=lot");
        }
        if (request.sort() != null) {
            throw new ValidationException("sort", "is not supported: stock is listed by product, then warehouse, location and lot");
        }
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        String table = by.equals("warehouse") ? "s" : "q";
        if (product != null) {
            where.append(" AND ").append(table).append(".PRODUCT_ID = ?");
            params.add(product);
        }
        if (warehouse != null) {
            where.append(" AND ").append(table).append(".WAREHOUSE_ID = ?");
            params.add(warehouse);
        }
        if (location != null) {
            where.append(" AND q.LOCATION_ID = ?");
            params.add(location);
        }
        if (lot != null) {
            where.append(" AND q.LOT_KEY = ?");
            params.add(lot);
        }
        String quantity = by.equals("warehouse") ? "s.ON_HAND" : by.equals("location") ? "SUM(q.QUANTITY)" : "q.QUANTITY";
        String from;
        String select;
        String group = "";
        String order;
        if (by.equals("warehouse")) {
            from = " FROM KV_INV_STOCK s";
            select = "SELECT s.PRODUCT_ID, s.WAREHOUSE_ID, CAST(NULL AS BIGINT), CAST(NULL AS BIGINT), s.ON_HAND, s.RESERVED";
            if (nonZero == null || nonZero) {
                where.append(" AND (s.ON_HAND <> 0 OR s.RESERVED <> 0)");
            }
            order = " ORDER BY s.PRODUCT_ID, s.WAREHOUSE_ID";
        } else if (by.equals("location")) {
            from = " FROM KV_INV_QUANT q";
            select = "SELECT q.PRODUCT_ID, q.WAREHOUSE_ID, q.LOCATION_ID, CAST(NULL AS BIGINT), SUM(q.QUANTITY), CAST(NULL AS DECIMAL(19,3))";
            group = " GROUP BY q.PRODUCT_ID, q.WAREHOUSE_ID, q.LOCATION_ID" + (nonZero == null || nonZero ? " HAVING SUM(q.QUANTITY) <> 0" : "");
            order = " ORDER BY q.PRODUCT_ID, q.WAREHOUSE_ID, q.LOCATION_ID";
        } else {
            from = " FROM KV_INV_QUANT q";
            select = "SELECT q.PRODUCT_ID, q.WAREHOUSE_ID, q.LOCATION_ID, q.LOT_KEY, q.QUANTITY, CAST(NULL AS DECIMAL(19,3))";
            if (nonZero == null || nonZero) {
                where.append(" AND q.QUANTITY <> 0");
            }
            order = " ORDER BY q.PRODUCT_ID, q.WAREHOUSE_ID, q.LOCATION_ID, q.LOT_KEY";
        }
        String sql = select + from + where + group;
        return jpa.txExpr(TransactionType.Supports, em -> {
            long total = ((Number) Ledger.params(em.createNativeQuery("SELECT COUNT(*) FROM (" + sql + ") t"), params).getSingleResult()).longValue();
            List<?> rows = Ledger.params(em.createNativeQuery(sql + order), params).setFirstResult(request.offset())
                .setMaxResults(request.limit()).getResultList();
            Map<Long, BigDecimal> costs = new java.util.HashMap<>();
            Map<Long, String> codes = new java.util.HashMap<>();
            int money = catalogue.moneyScale();
            String currency = catalogue.currency();
            List<StockLevelDTO> items = new ArrayList<>();
            for (Object o : rows) {
                Object[] r = (Object[]) o;
                long p = ((Number) r[0]).longValue();
                long w = ((Number) r[1]).longValue();
                Long loc = r[2] == null ? null : ((Number) r[2]).longValue();
                Long lotKey = r[3] == null || ((Number) r[3]).longValue() == Ledger.NO_LOT ? null : ((Number) r[3]).longValue();
                BigDecimal onHand = Ledger.decimal(r[4]);
                BigDecimal reserved = r[5] == null ? null : Ledger.decimal(r[5]);
                BigDecimal unitCost = costs.computeIfAbsent(p, id -> averageCost(em, id));
                String[] lotInfo = lotKey == null ? new String[2] : lotInfo(em, lotKey);
                items.add(new StockLevelDTO(p, codes.computeIfAbsent(p, catalogue::code), w, catalogue.warehouseCode(em, w), loc,
                    loc == null ? null : WarehouseServiceImpl.loadLocation(em, loc).path, lotKey, lotInfo[0],
                    lotInfo[1] == null ? null : LocalDate.parse(lotInfo[1]), onHand, reserved, reserved == null ? null : onHand.subtract(reserved),
                    unitCost, unitCost == null ? null : onHand.multiply(unitCost).setScale(money, RoundingMode.HALF_UP), currency));
            }
            return new Page<>(items, total, request.offset(), request.limit());
        });
    }

    private static String[] lotInfo(EntityManager em, long lotId) {
        Object[] row = (Object[]) em.createNativeQuery("SELECT LOT_NUMBER, EXPIRY_DATE FROM KV_INV_LOT WHERE ID = ?").setParameter(1, lotId)
            .getSingleResult();
        return new String[] {(String) row[0], row[1] == null ? null : Expectations.localDate(row[1]).toString()};
    }

    /** The product's stock value per unit on hand, or its last average when nothing is on hand. */
    BigDecimal averageCost(EntityManager em, long productId) {
        Ledger.Valuation v = ledger.readProduct(em, productId);
        if (v.onHand().signum() > 0) {
            return v.value().divide(v.onHand(), Ledger.COST_SCALE, RoundingMode.HALF_UP);
        }
        return v.averageCost();
    }

    @Override
    public BigDecimal available(long productId, long warehouseId) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            List<?> rows = em.createNativeQuery("SELECT ON_HAND - RESERVED FROM KV_INV_STOCK WHERE PRODUCT_ID = ? AND WAREHOUSE_ID = ?")
                .setParameter(1, productId).setParameter(2, warehouseId).getResultList();
            return rows.isEmpty() ? BigDecimal.ZERO.setScale(Ledger.QUANTITY_SCALE) : Ledger.decimal(rows.get(0));
        });
    }

    @Override
    public AtpDTO atp(long productId, Long warehouseId, BigDecimal quantity, LocalDate date) {
        Violations v = new Violations();
        ProductDTO product = catalogue.stocked(v, "product", productId);
        v.positive("quantity", quantity, Ledger.QUANTITY_SCALE);
        v.throwIfAny();
        LocalDate today = Times.today();
        LocalDate on = date == null ? today : date;
        return jpa.txExpr(TransactionType.Supports, em -> {
            if (warehouseId != null && em.find(WarehouseEntity.class, warehouseId) == null) {
                throw new ValidationException("warehouse", "unknown warehouse " + warehouseId);
            }
            long defaultWarehouse = warehouses.defaultWarehouse(em).id();
            Object[] stock = (Object[]) Ledger.params(em.createNativeQuery("SELECT COALESCE(SUM(ON_HAND), 0), COALESCE(SUM(RESERVED), 0) FROM KV_INV_STOCK "
                + "WHERE PRODUCT_ID = ?" + (warehouseId == null ? "" : " AND WAREHOUSE_ID = ?")),
                warehouseId == null ? List.of(productId) : List.of(productId, warehouseId)).getSingleResult();
            BigDecimal onHand = Ledger.decimal(stock[0]);
            BigDecimal reserved = Ledger.decimal(stock[1]);
            List<ExpectedQuantityDTO> supply = expectations.supply(em, productId, warehouseId, defaultWarehouse);
            List<ExpectedQuantityDTO> demand = expectations.demand(productId, warehouseId, defaultWarehouse);
            return project(product, warehouseId, on, today, quantity, onHand, reserved, supply, demand);
        });
    }

    /**
     * The ATP projection: expected quantities dated in the past count from today. The promised date
     * is the first date from which the quantity stays available on every later expected date.
     */
    static AtpDTO project(ProductDTO product, Long warehouseId, LocalDate on, LocalDate today, BigDecimal quantity, BigDecimal onHand,
        BigDecimal reserved, List<ExpectedQuantityDTO> supply, List<ExpectedQuantityDTO> demand) {
        TreeMap<LocalDate, BigDecimal[]> days = new TreeMap<>();
        for (ExpectedQuantityDTO s : supply) {
            days.computeIfAbsent(s.date().isBefore(today) ? today : s.date(), d -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO})[0] =
                days.get(s.date().isBefore(today) ? today : s.date())[0].add(s.quantity());
        }
        for (ExpectedQuantityDTO d : demand) {
            days.computeIfAbsent(d.date().isBefore(today) ? today : d.date(), x -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO})[1] =
                days.get(d.date().isBefore(today) ? today : d.date())[1].add(d.quantity());
        }
        days.computeIfAbsent(today, d -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
        BigDecimal running = onHand.subtract(reserved);
        List<AtpEntryDTO> timeline = new ArrayList<>();
        for (Map.Entry<LocalDate, BigDecimal[]> day : days.entrySet()) {
            running = running.add(day.getValue()[0]).subtract(day.getValue()[1]);
            timeline.add(new AtpEntryDTO(day.getKey(), day.getValue()[0], day.getValue()[1], running));
        }
        // Walk back from the last date: the earliest date after which nothing dips below the quantity.
        LocalDate promised = null;
        for (int i = timeline.size() - 1; i >= 0 && timeline.get(i).available().compareTo(quantity) >= 0; i--) {
            promised = timeline.get(i).date();
        }
        boolean fromLeadTime = promised == null;
        if (fromLeadTime) {
            promised = today.plusDays(product.leadTime());
        }
        BigDecimal supplied = Expectations.sum(supply, on);
        BigDecimal demanded = Expectations.sum(demand, on);
        BigDecimal atp = onHand.subtract(reserved).add(supplied).subtract(demanded);
        return new AtpDTO(product.id(), warehouseId, on, quantity, onHand, reserved, supplied, demanded, atp, promised, fromLeadTime,
            product.leadTime(), timeline);
    }

    @Override
    public BigDecimal unitCost(long productId) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            Ledger.Valuation v = ledger.readProduct(em, productId);
            List<?> known = em.createNativeQuery("SELECT 1 FROM KV_INV_PRODUCT WHERE PRODUCT_ID = ?").setParameter(1, productId).getResultList();
            return known.isEmpty() ? null : ledger.currentCost(em, v);
        });
    }

    @Override
    public WarehouseDTO defaultWarehouse() {
        return jpa.txExpr(TransactionType.Supports, em -> warehouses.defaultWarehouse(em));
    }

    @Override
    public boolean isStocked(long productId) {
        return catalogue.product(productId).type() == ProductType.STOCKED;
    }

    @Override
    public StockProductDTO product(long productId) {
        catalogue.product(productId);
        return jpa.txExpr(TransactionType.Supports, em -> toDto(em, productId));
    }

    private StockProductDTO toDto(EntityManager em, long productId) {
        Ledger.Valuation v = ledger.readProduct(em, productId);
        List<?> version = em.createNativeQuery("SELECT VERSION FROM KV_INV_PRODUCT WHERE PRODUCT_ID = ?").setParameter(1, productId).getResultList();
        return new StockProductDTO(productId, catalogue.code(productId), v.tracking(), v.costing(), v.onHand(), v.value(), averageCost(em, productId),
            catalogue.currency(), version.isEmpty() ? 0L : ((Number) version.get(0)).longValue());
    }

    @Override
    public StockProductDTO updateProduct(long productId, StockProductDTO settings) {
        Violations v = new Violations();
        catalogue.stocked(v, "productId", productId);
        v.require("tracking", settings.tracking()).require("costing", settings.costing()).require("version", settings.version());
        v.throwIfAny();
        return jpa.txExpr(TransactionType.Required, em -> {
            StockProductDTO before = toDto(em, productId);
            if (!before.version().equals(settings.version())) {
                throw new StaleVersionException("Stock product", productId, settings.version(), before.version());
            }
            Ledger.Valuation locked = ledger.lockProduct(em, productId);
            boolean changes = locked.tracking() != settings.tracking() || locked.costing() != settings.costing();
            if (changes && locked.onHand().signum() != 0) {
                throw new ConflictException("Product " + before.productCode() + " has " + Ledger.plain(locked.onHand())
                    + " on hand: tracking and costing change only while nothing is in stock");
            }
            Ledger.update(em, "UPDATE KV_INV_PRODUCT SET TRACKING = ?, COSTING = ? WHERE PRODUCT_ID = ?", settings.tracking().name(),
                settings.costing().name(), productId);
            StockProductDTO after = toDto(em, productId);
            audit.record("inventory.product", String.valueOf(productId), "updated", AuditService.diff(before, after));
            return after;
        });
    }

    @Override
    public List<String> verify() {
        return jpa.txExpr(TransactionType.Supports, em -> {
            List<String> found = new ArrayList<>();
            String flows = "SELECT PRODUCT_ID, TO_WAREHOUSE_ID W, TO_LOCATION_ID L, COALESCE(LOT_ID, 0) K, QUANTITY Q FROM KV_INV_MOVE "
                + "WHERE TO_LOCATION_ID IS NOT NULL UNION ALL SELECT PRODUCT_ID, FROM_WAREHOUSE_ID, FROM_LOCATION_ID, COALESCE(LOT_ID, 0), -QUANTITY "
                + "FROM KV_INV_MOVE WHERE FROM_LOCATION_ID IS NOT NULL";
            // Each balance row joins the flows as a flow of zero, so that a balance no move explains is found too
            // (Derby has no FULL OUTER JOIN).
            compare(found, em, "SELECT f.PRODUCT_ID, f.W, SUM(f.Q), MAX(s.ON_HAND) FROM (" + flows + " UNION ALL SELECT PRODUCT_ID, WAREHOUSE_ID, 0, 0, 0 "
                + "FROM KV_INV_STOCK) f (PRODUCT_ID, W, L, K, Q) LEFT JOIN KV_INV_STOCK s "
                + "ON s.PRODUCT_ID = f.PRODUCT_ID AND s.WAREHOUSE_ID = f.W GROUP BY f.PRODUCT_ID, f.W", "on hand of product %s in warehouse %s");
            compare(found, em, "SELECT f.PRODUCT_ID, f.L, f.K, SUM(f.Q), MAX(q.QUANTITY) FROM (" + flows + " UNION ALL SELECT PRODUCT_ID, WAREHOUSE_ID, "
                + "LOCATION_ID, LOT_KEY, 0 FROM KV_INV_QUANT) f (PRODUCT_ID, W, L, K, Q) LEFT JOIN KV_INV_QUANT q "
                + "ON q.PRODUCT_ID = f.PRODUCT_ID AND q.LOCATION_ID = f.L AND q.LOT_KEY = f.K GROUP BY f.PRODUCT_ID, f.L, f.K",
                "quantity of product %s at location %s, lot key %s");
            compare(found, em, "SELECT s.PRODUCT_ID, s.WAREHOUSE_ID, COALESCE((SELECT SUM(r.QUANTITY - r.CONSUMED - r.RELEASED) FROM KV_INV_RESERVATION r "
                + "WHERE r.PRODUCT_ID = s.PRODUCT_ID AND r.WAREHOUSE_ID = s.WAREHOUSE_ID), 0), s.RESERVED FROM KV_INV_STOCK s",
                "reserved of product %s in warehouse %s");
            compare(found, em, "SELECT p.PRODUCT_ID, COALESCE((SELECT SUM(s.ON_HAND) FROM KV_INV_STOCK s WHERE s.PRODUCT_ID = p.PRODUCT_ID), 0), "
                + "p.ON_HAND FROM KV_INV_PRODUCT p", "company on hand of product %s");
            compare(found, em, "SELECT p.PRODUCT_ID, COALESCE((SELECT SUM(CASE WHEN m.TO_LOCATION_ID IS NULL THEN -m.TOTAL_COST "
                + "WHEN m.FROM_LOCATION_ID IS NULL THEN m.TOTAL_COST ELSE 0 END) FROM KV_INV_MOVE m WHERE m.PRODUCT_ID = p.PRODUCT_ID), 0), p.STOCK_VALUE "
                + "FROM KV_INV_PRODUCT p", "stock value of product %s");
            for (Object o : em.createNativeQuery("SELECT PRODUCT_ID, WAREHOUSE_ID, ON_HAND, RESERVED FROM KV_INV_STOCK WHERE RESERVED > ON_HAND "
                + "OR RESERVED < 0 OR ON_HAND < 0").getResultList()) {
                Object[] r = (Object[]) o;
                found.add("product " + r[0] + " in warehouse " + r[1] + ": reserved " + r[3] + " against on hand " + r[2]);
            }
            return found;
        });
    }

    /** Rows of (keys..., expected, kept): each where the two differ is a finding, described by {@code what} with the keys. */
    private static void compare(List<String> found, EntityManager em, String sql, String what) {
        for (Object o : em.createNativeQuery(sql).getResultList()) {
            Object[] r = (Object[]) o;
            int n = r.length;
            BigDecimal expected = r[n - 2] == null ? BigDecimal.ZERO : Ledger.decimal(r[n - 2]);
            BigDecimal kept = r[n - 1] == null ? BigDecimal.ZERO : Ledger.decimal(r[n - 1]);
            if (expected.compareTo(kept) != 0) {
                found.add(String.format(what, java.util.Arrays.copyOf(r, n - 2)) + ": the ledger gives " + Ledger.plain(expected) + ", "
                    + Ledger.plain(kept) + " is kept");
            }
        }
    }
}
