package io.kovan.inventory.impl;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import javax.persistence.EntityManager;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.kovan.inventory.api.CostingMethod;
import io.kovan.inventory.api.MoveType;
import io.kovan.inventory.api.Tracking;
import io.kovan.kernel.api.ConflictException;
import io.kovan.kernel.api.Transactions;
import io.kovan.kernel.api.security.Caller;

/**
 * The stock ledger and the balances derived from it, all in the caller's transaction.
 * <p>
 * Every change of stock inserts moves and updates three projections of them in the same
 * transaction: the product's valuation (KV_INV_PRODUCT), the warehouse's on-hand and reserved
 * (KV_INV_STOCK) and the location's quantity per lot (KV_INV_QUANT). Each projection changes
 * by one conditional UPDATE, so "never below zero, never more reserved than on hand" is decided
 * by the database row lock, whatever the concurrency; {@code StockService.verify} recomputes them.
 * Locks are always taken in the order product, stock row, quant, so two writers cannot deadlock.
 */
@Component(service = Ledger.class)
public class Ledger {

    static final int QUANTITY_SCALE = 3;
    static final int COST_SCALE = 4;
    /** The lot key of untracked stock. */
    static final long NO_LOT = 0L;

    private final Caller caller;
    private final Catalogue catalogue;

    @Activate
    public Ledger(@Reference Transactions kernelReady, @Reference Caller caller, @Reference Catalogue catalogue) {
        this.caller = caller;
        this.catalogue = catalogue;
    }

    /** A product's valuation row, read under its lock. */
    record Valuation(long productId, Tracking tracking, CostingMethod costing, BigDecimal onHand, BigDecimal value, BigDecimal averageCost) {
    }

    /** Goods coming in. {@code unitCost} null: at the product's current cost; {@code totalCost} set: exactly that (a return's remainder). */
    record Incoming(MoveType type, long productId, long warehouseId, long locationId, Long lotId, BigDecimal quantity, BigDecimal unitCost,
        BigDecimal totalCost, LocalDate date, Source source, Long returnOfId) {
    }

    /**
     * Goods going out of a warehouse. {@code locationId} and {@code lotId} narrow where from (null:
     * anywhere, earliest expiry first, then fullest location); {@code fromReserved} of the quantity
     * was reserved and now stops being so.
     */
    record Outgoing(MoveType type, long productId, long warehouseId, Long locationId, Long lotId, BigDecimal quantity, BigDecimal fromReserved,
        LocalDate date, Source source) {
    }

    /** The document a move belongs to. */
    record Source(String type, Long id, Long lineId, String reference) {
    }

    /** Where goods lie: a location's quantity of a product and lot. */
    record Quant(long locationId, long lotKey, BigDecimal quantity) {
    }

    // ---- receiving and issuing ------------------------------------------------------------

    MoveEntity receive(EntityManager em, Incoming in) {
        Valuation valuation = lockProduct(em, in.productId());
        ensureStock(em, in.productId(), in.warehouseId());
        long lotKey = in.lotId() == null ? NO_LOT : in.lotId();
        ensureQuant(em, in.productId(), in.warehouseId(), in.locationId(), lotKey);
        update(em, "UPDATE KV_INV_STOCK SET ON_HAND = ON_HAND + ? WHERE PRODUCT_ID = ? AND WAREHOUSE_ID = ?", in.quantity(), in.productId(),
            in.warehouseId());
        update(em, "UPDATE KV_INV_QUANT SET QUANTITY = QUANTITY + ? WHERE PRODUCT_ID = ? AND LOCATION_ID = ? AND LOT_KEY = ?", in.quantity(),
            in.productId(), in.locationId(), lotKey);
        int money = catalogue.moneyScale();
        BigDecimal unitCost = in.unitCost() != null ? in.unitCost() : currentCost(em, valuation);
        BigDecimal total = in.totalCost() != null ? in.totalCost() : in.quantity().multiply(unitCost).setScale(money, RoundingMode.HALF_UP);
        if (in.totalCost() != null) {
            unitCost = total.divide(in.quantity(), COST_SCALE, RoundingMode.HALF_UP);
        }
        BigDecimal onHand = valuation.onHand().add(in.quantity());
        BigDecimal value = valuation.value().add(total);
        storeValuation(em, in.productId(), onHand, value);
        MoveEntity move = move(in.type(), in.productId(), in.quantity(), null, null, in.locationId(), in.warehouseId(), in.lotId(), unitCost, total,
            in.date(), in.source());
        move.returnOfId = in.returnOfId();
        persist(em, List.of(move));
        if (valuation.costing() == CostingMethod.FIFO) {
            update(em, "INSERT INTO KV_INV_LAYER (PRODUCT_ID, MOVE_ID, LAYER_DATE, REMAINING, UNIT_COST) VALUES (?, ?, ?, ?, ?)", in.productId(),
                move.id, in.date(), in.quantity(), unitCost);
        }
        return move;
    }

    /** Takes goods out at current cost; one move per location and lot they came from. */
    List<MoveEntity> issue(EntityManager em, Outgoing out) {
        return issue(em, out, lockProduct(em, out.productId()));
    }

    /** Takes goods out of a product whose valuation the caller has locked and read. */
    List<MoveEntity> issue(EntityManager em, Outgoing out, Valuation valuation) {
        takeFromWarehouse(em, out.productId(), out.warehouseId(), out.quantity(), out.fromReserved());
        List<Quant> taken = takeQuants(em, out.productId(), out.warehouseId(), out.locationId(), out.lotId(), out.quantity());
        BigDecimal total = costOut(em, valuation, out.quantity());
        storeValuation(em, out.productId(), valuation.onHand().subtract(out.quantity()), valuation.value().subtract(total));
        List<MoveEntity> moves = issueMoves(out, taken, total);
        persist(em, moves);
        return moves;
    }

    /**
     * Takes the goods of a whole document out at current cost, the caller having sorted the lines
     * by product. For averaged products the statements go to the database in JDBC batches, one
     * batch per table, in the order a single line takes its locks (products, stock rows, quants,
     * then the caller's reservations); the same conditional updates decide, so a line that
     * would go below zero still fails. A document with a FIFO product goes line by line.
     */
    List<MoveEntity> issueAll(EntityManager em, List<Outgoing> outs) {
        List<Long> products = outs.stream().map(Outgoing::productId).distinct().toList();
        em.flush();
        Map<Long, Valuation> valuations = Jdbc.run(em, c -> {
            Jdbc.batch(c, "UPDATE KV_INV_PRODUCT SET VERSION = VERSION + 1 WHERE PRODUCT_ID = ?", products.stream().map(p -> new Object[] {p}).toList());
            return readProducts(c, products);
        });
        if (valuations.size() < products.size() || valuations.values().stream().anyMatch(v -> v.costing() == CostingMethod.FIFO)) {
            List<MoveEntity> moves = new ArrayList<>();
            for (Outgoing out : outs) {
                moves.addAll(issue(em, out));
            }
            return moves;
        }
        List<Object[]> stockRows = outs.stream().map(o -> new Object[] {o.quantity(), o.fromReserved(), o.productId(), o.warehouseId(), o.fromReserved(),
            o.quantity(), o.fromReserved()}).toList();
        int[] taken = Jdbc.run(em, c -> Jdbc.batch(c, "UPDATE KV_INV_STOCK SET ON_HAND = ON_HAND - ?, RESERVED = RESERVED - ? WHERE PRODUCT_ID = ? "
            + "AND WAREHOUSE_ID = ? AND RESERVED >= ? AND ON_HAND - ? >= RESERVED - ?", stockRows));
        for (int i = 0; i < taken.length; i++) {
            if (taken[i] != 1) {
                Outgoing out = outs.get(i);
                takeFromWarehouse(em, out.productId(), out.warehouseId(), out.quantity(), out.fromReserved());
                throw new IllegalStateException("Stock of product " + out.productId() + " changed under its lock");
            }
        }
        Map<Long, List<QuantRow>> quants = Jdbc.run(em, c -> readQuants(c, outs));
        List<Object[]> quantRows = new ArrayList<>();
        List<MoveEntity> moves = new ArrayList<>();
        Map<Long, BigDecimal> averages = new java.util.HashMap<>();
        int money = catalogue.moneyScale();
        for (Outgoing out : outs) {
            List<Quant> from = takeQuants(em, out, quants.getOrDefault(out.productId(), List.of()));
            from.forEach(q -> quantRows.add(new Object[] {q.quantity(), out.productId(), q.locationId(), q.lotKey(), q.quantity()}));
            Valuation v = valuations.get(out.productId());
            BigDecimal total = out.quantity().compareTo(v.onHand()) == 0 ? v.value()
                : out.quantity().multiply(currentCost(em, v)).setScale(money, RoundingMode.HALF_UP);
            BigDecimal onHand = v.onHand().subtract(out.quantity());
            BigDecimal value = v.value().subtract(total);
            BigDecimal average = onHand.signum() > 0 ? value.divide(onHand, COST_SCALE, RoundingMode.HALF_UP) : null;
            if (average != null) {
                averages.put(out.productId(), average);
            }
            valuations.put(out.productId(), new Valuation(v.productId(), v.tracking(), v.costing(), onHand, value, average != null ? average : v.averageCost()));
            moves.addAll(issueMoves(out, from, total));
        }
        int[] fromQuants = Jdbc.run(em, c -> Jdbc.batch(c, "UPDATE KV_INV_QUANT SET QUANTITY = QUANTITY - ? WHERE PRODUCT_ID = ? AND LOCATION_ID = ? "
            + "AND LOT_KEY = ? AND QUANTITY >= ?", quantRows));
        if (java.util.Arrays.stream(fromQuants).anyMatch(n -> n != 1)) {
            throw new IllegalStateException("A location's stock changed under its product's lock");
        }
        List<Object[]> valuationRows = products.stream().map(valuations::get).map(v -> averages.containsKey(v.productId())
            ? new Object[] {v.onHand(), v.value(), averages.get(v.productId()), v.productId()}
            : new Object[] {v.onHand(), v.value(), null, v.productId()}).toList();
        Jdbc.run(em, c -> Jdbc.batch(c, "UPDATE KV_INV_PRODUCT SET ON_HAND = ?, STOCK_VALUE = ?, AVG_COST = COALESCE(?, AVG_COST) WHERE PRODUCT_ID = ?",
            valuationRows));
        persist(em, moves);
        return moves;
    }

    /** A location's stock of a product as read for a goods issue, with what the issue's lines leave of it. */
    private static final class QuantRow {
        final long locationId;
        final long lotKey;
        final LocalDate expiry;
        final long id;
        BigDecimal quantity;

        QuantRow(long locationId, long lotKey, LocalDate expiry, long id, BigDecimal quantity) {
            this.locationId = locationId;
            this.lotKey = lotKey;
            this.expiry = expiry;
            this.id = id;
            this.quantity = quantity;
        }
    }

    /** The order goods leave in: earliest expiry first (no expiry last), then the fullest location. */
    private static final Comparator<QuantRow> PICKING_ORDER = Comparator
        .comparing((QuantRow q) -> q.expiry, Comparator.nullsLast(Comparator.naturalOrder()))
        .thenComparing((QuantRow q) -> q.quantity, Comparator.reverseOrder()).thenComparingLong(q -> q.id);

    /** {@link #takeQuants} for a line of a document issued at once, taking from the rows read before. */
    private List<Quant> takeQuants(EntityManager em, Outgoing out, List<QuantRow> rows) {
        List<QuantRow> candidates = rows.stream().filter(q -> q.quantity.signum() > 0)
            .filter(q -> out.locationId() == null || q.locationId == out.locationId())
            .filter(q -> out.lotId() == null || q.lotKey == out.lotId()).sorted(PICKING_ORDER).toList();
        List<Quant> taken = new ArrayList<>();
        BigDecimal left = out.quantity();
        for (QuantRow q : candidates) {
            if (left.signum() == 0) {
                break;
            }
            BigDecimal take = left.min(q.quantity);
            q.quantity = q.quantity.subtract(take);
            taken.add(new Quant(q.locationId, q.lotKey, take));
            left = left.subtract(take);
        }
        if (left.signum() > 0) {
            throw shortInLocations(em, out.productId(), out.warehouseId(), out.locationId(), out.lotId(), out.quantity(), out.quantity().subtract(left));
        }
        return taken;
    }

    private Map<Long, Valuation> readProducts(java.sql.Connection c, List<Long> products) throws java.sql.SQLException {
        Map<Long, Valuation> valuations = new java.util.HashMap<>();
        int money = catalogue.moneyScale();
        Jdbc.query(c, "SELECT PRODUCT_ID, TRACKING, COSTING, ON_HAND, STOCK_VALUE, AVG_COST FROM KV_INV_PRODUCT WHERE PRODUCT_ID IN", products,
            rs -> valuations.put(rs.getLong(1), new Valuation(rs.getLong(1), Tracking.valueOf(rs.getString(2)), CostingMethod.valueOf(rs.getString(3)),
                rs.getBigDecimal(4), rs.getBigDecimal(5).setScale(money, RoundingMode.HALF_UP), rs.getBigDecimal(6))));
        return valuations;
    }

    private static Map<Long, List<QuantRow>> readQuants(java.sql.Connection c, List<Outgoing> outs) throws java.sql.SQLException {
        Map<Long, List<QuantRow>> quants = new java.util.HashMap<>();
        Map<Long, List<Long>> productsByWarehouse = outs.stream().collect(java.util.stream.Collectors.groupingBy(Outgoing::warehouseId,
            java.util.stream.Collectors.mapping(Outgoing::productId, java.util.stream.Collectors.collectingAndThen(
                java.util.stream.Collectors.toCollection(java.util.TreeSet::new), ArrayList::new))));
        for (Map.Entry<Long, List<Long>> warehouse : productsByWarehouse.entrySet()) {
            Jdbc.query(c, "SELECT q.PRODUCT_ID, q.LOCATION_ID, q.LOT_KEY, l.EXPIRY_DATE, q.ID, q.QUANTITY FROM KV_INV_QUANT q "
                + "LEFT JOIN KV_INV_LOT l ON l.ID = q.LOT_KEY WHERE q.QUANTITY > 0 AND q.WAREHOUSE_ID = " + warehouse.getKey() + " AND q.PRODUCT_ID IN",
                warehouse.getValue(), rs -> {
                    java.sql.Date expiry = rs.getDate(4);
                    quants.computeIfAbsent(rs.getLong(1), p -> new ArrayList<>()).add(new QuantRow(rs.getLong(2), rs.getLong(3),
                        expiry == null ? null : expiry.toLocalDate(), rs.getLong(5), rs.getBigDecimal(6)));
                });
        }
        return quants;
    }

    /** The moves of one line: one per location and lot the goods came from, sharing its cost. */
    private List<MoveEntity> issueMoves(Outgoing out, List<Quant> taken, BigDecimal total) {
        List<MoveEntity> moves = new ArrayList<>();
        BigDecimal left = total;
        for (int i = 0; i < taken.size(); i++) {
            Quant q = taken.get(i);
            BigDecimal part = i == taken.size() - 1 ? left
                : total.multiply(q.quantity()).divide(out.quantity(), catalogue.moneyScale(), RoundingMode.HALF_UP);
            left = left.subtract(part);
            moves.add(move(out.type(), out.productId(), q.quantity(), q.locationId(), out.warehouseId(), null, null, lotOf(q),
                part.divide(q.quantity(), COST_SCALE, RoundingMode.HALF_UP), part, out.date(), out.source()));
        }
        return moves;
    }

    /**
     * Moves goods between two locations at current cost; the company's stock value does not change.
     * Between warehouses only unreserved stock may leave; inside one, reserved stock may move too.
     */
    List<MoveEntity> transfer(EntityManager em, long productId, long fromWarehouse, long fromLocation, long toWarehouse, long toLocation,
        Long lotId, BigDecimal quantity, LocalDate date, Source source) {
        Valuation valuation = lockProduct(em, productId);
        if (fromWarehouse == toWarehouse) {
            lockStock(em, productId, fromWarehouse);
        } else {
            takeFromWarehouse(em, productId, fromWarehouse, quantity, BigDecimal.ZERO);
            ensureStock(em, productId, toWarehouse);
            update(em, "UPDATE KV_INV_STOCK SET ON_HAND = ON_HAND + ? WHERE PRODUCT_ID = ? AND WAREHOUSE_ID = ?", quantity, productId, toWarehouse);
        }
        List<Quant> taken = takeQuants(em, productId, fromWarehouse, fromLocation, lotId, quantity);
        BigDecimal unitCost = currentCost(em, valuation);
        List<MoveEntity> moves = new ArrayList<>();
        for (Quant q : taken) {
            ensureQuant(em, productId, toWarehouse, toLocation, q.lotKey());
            update(em, "UPDATE KV_INV_QUANT SET QUANTITY = QUANTITY + ? WHERE PRODUCT_ID = ? AND LOCATION_ID = ? AND LOT_KEY = ?", q.quantity(),
                productId, toLocation, q.lotKey());
            BigDecimal total = q.quantity().multiply(unitCost).setScale(catalogue.moneyScale(), RoundingMode.HALF_UP);
            MoveEntity move = move(MoveType.TRANSFER, productId, q.quantity(), q.locationId(), fromWarehouse, toLocation, toWarehouse, lotOf(q),
                unitCost, total, date, source);
            moves.add(move);
        }
        persist(em, moves);
        return moves;
    }

    /**
     * Inserts moves and takes them out of the persistence context at once: nothing changes a move
     * again, and a context that kept a thousand-line shipment's moves would be compared entity by
     * entity at every later flush of the transaction. (Flushing once for all lines measured slower:
     * EclipseLink flushes before every native query anyway, with the pending moves still managed.)
     */
    private static void persist(EntityManager em, List<MoveEntity> moves) {
        moves.forEach(em::persist);
        em.flush();
        moves.forEach(em::detach);
    }

    // ---- reservations ---------------------------------------------------------------------

    /** Reserves up to {@code wanted} (exactly that unless {@code partial}); returns what was reserved. */
    BigDecimal reserve(EntityManager em, long productId, long warehouseId, BigDecimal wanted, boolean partial) {
        BigDecimal available = lockStock(em, productId, warehouseId);
        BigDecimal granted = wanted.min(available.max(BigDecimal.ZERO));
        if (granted.compareTo(wanted) < 0 && !partial) {
            throw new ConflictException("Only " + plain(available) + " of product " + catalogue.code(productId) + " available in warehouse "
                + catalogue.warehouseCode(em, warehouseId) + ", " + plain(wanted) + " asked");
        }
        if (granted.signum() > 0) {
            int rows = update(em, "UPDATE KV_INV_STOCK SET RESERVED = RESERVED + ? WHERE PRODUCT_ID = ? AND WAREHOUSE_ID = ? AND ON_HAND - RESERVED >= ?",
                granted, productId, warehouseId, granted);
            if (rows != 1) {
                throw new ConflictException("Stock of product " + catalogue.code(productId) + " changed while reserving; try again");
            }
        }
        return granted;
    }

    void unreserve(EntityManager em, long productId, long warehouseId, BigDecimal quantity) {
        if (quantity.signum() == 0) {
            return;
        }
        int rows = update(em, "UPDATE KV_INV_STOCK SET RESERVED = RESERVED - ? WHERE PRODUCT_ID = ? AND WAREHOUSE_ID = ? AND RESERVED >= ?",
            quantity, productId, warehouseId, quantity);
        if (rows != 1) {
            throw new IllegalStateException("Reserved stock of product " + productId + " in warehouse " + warehouseId + " is below " + quantity);
        }
    }

    /** Locks the warehouse's stock row of the product and returns what is available (on hand less reserved). */
    BigDecimal lockStock(EntityManager em, long productId, long warehouseId) {
        lockStockRow(em, productId, warehouseId);
        Object[] row = (Object[]) em.createNativeQuery("SELECT ON_HAND, RESERVED FROM KV_INV_STOCK WHERE PRODUCT_ID = ? AND WAREHOUSE_ID = ?")
            .setParameter(1, productId).setParameter(2, warehouseId).getSingleResult();
        return decimal(row[0]).subtract(decimal(row[1]));
    }

    /** Locks the warehouse's stock row of the product (creating it first if need be), reading nothing. */
    void lockStockRow(EntityManager em, long productId, long warehouseId) {
        String lock = "UPDATE KV_INV_STOCK SET RESERVED = RESERVED WHERE PRODUCT_ID = ? AND WAREHOUSE_ID = ?";
        if (update(em, lock, productId, warehouseId) == 0) {
            ensureStock(em, productId, warehouseId);
            update(em, lock, productId, warehouseId);
        }
    }

    // ---- valuation ------------------------------------------------------------------------

    /** Creates the product's valuation row if needed, locks it and reads it. */
    Valuation lockProduct(EntityManager em, long productId) {
        if (update(em, "UPDATE KV_INV_PRODUCT SET VERSION = VERSION + 1 WHERE PRODUCT_ID = ?", productId) == 0) {
            ensureProduct(em, productId);
            update(em, "UPDATE KV_INV_PRODUCT SET VERSION = VERSION + 1 WHERE PRODUCT_ID = ?", productId);
        }
        return readProduct(em, productId);
    }

    Valuation readProduct(EntityManager em, long productId) {
        List<?> rows = em.createNativeQuery("SELECT TRACKING, COSTING, ON_HAND, STOCK_VALUE, AVG_COST FROM KV_INV_PRODUCT WHERE PRODUCT_ID = ?")
            .setParameter(1, productId).getResultList();
        if (rows.isEmpty()) {
            return new Valuation(productId, Tracking.NONE, CostingMethod.AVERAGE, BigDecimal.ZERO.setScale(QUANTITY_SCALE),
                BigDecimal.ZERO.setScale(catalogue.moneyScale()), null);
        }
        Object[] row = (Object[]) rows.get(0);
        return new Valuation(productId, Tracking.valueOf((String) row[0]), CostingMethod.valueOf((String) row[1]), decimal(row[2]),
            decimal(row[3]).setScale(catalogue.moneyScale(), RoundingMode.HALF_UP), row[4] == null ? null : decimal(row[4]));
    }

    /** What the next unit issued costs: the average, the oldest FIFO layer, else the last known or standard cost. */
    BigDecimal currentCost(EntityManager em, Valuation v) {
        if (v.costing() == CostingMethod.FIFO) {
            List<?> layer = em.createNativeQuery("SELECT UNIT_COST FROM KV_INV_LAYER WHERE PRODUCT_ID = ? AND REMAINING > 0 ORDER BY LAYER_DATE, ID")
                .setParameter(1, v.productId()).setMaxResults(1).getResultList();
            if (!layer.isEmpty()) {
                return decimal(layer.get(0));
            }
        }
        if (v.averageCost() != null) {
            return v.averageCost();
        }
        BigDecimal standard = catalogue.standardCost(v.productId());
        return standard == null ? BigDecimal.ZERO.setScale(COST_SCALE) : standard.setScale(COST_SCALE, RoundingMode.HALF_UP);
    }

    /** The cost of {@code quantity} leaving: all the value when it empties the stock, else average or FIFO layers. */
    private BigDecimal costOut(EntityManager em, Valuation v, BigDecimal quantity) {
        int money = catalogue.moneyScale();
        if (v.costing() == CostingMethod.FIFO) {
            BigDecimal cost = BigDecimal.ZERO;
            BigDecimal left = quantity;
            List<?> layers = em.createNativeQuery("SELECT ID, REMAINING, UNIT_COST FROM KV_INV_LAYER WHERE PRODUCT_ID = ? AND REMAINING > 0 "
                + "ORDER BY LAYER_DATE, ID").setParameter(1, v.productId()).getResultList();
            for (Object o : layers) {
                if (left.signum() == 0) {
                    break;
                }
                Object[] layer = (Object[]) o;
                BigDecimal take = left.min(decimal(layer[1]));
                update(em, "UPDATE KV_INV_LAYER SET REMAINING = REMAINING - ? WHERE ID = ?", take, ((Number) layer[0]).longValue());
                cost = cost.add(take.multiply(decimal(layer[2])));
                left = left.subtract(take);
            }
            if (left.signum() > 0) {
                cost = cost.add(left.multiply(currentCost(em, v)));
            }
            return quantity.compareTo(v.onHand()) == 0 ? v.value() : cost.setScale(money, RoundingMode.HALF_UP);
        }
        if (quantity.compareTo(v.onHand()) == 0) {
            return v.value();
        }
        return quantity.multiply(currentCost(em, v)).setScale(money, RoundingMode.HALF_UP);
    }

    private void storeValuation(EntityManager em, long productId, BigDecimal onHand, BigDecimal value) {
        BigDecimal average = onHand.signum() > 0 ? value.divide(onHand, COST_SCALE, RoundingMode.HALF_UP) : null;
        if (average == null) {
            update(em, "UPDATE KV_INV_PRODUCT SET ON_HAND = ?, STOCK_VALUE = ? WHERE PRODUCT_ID = ?", onHand, value, productId);
        } else {
            update(em, "UPDATE KV_INV_PRODUCT SET ON_HAND = ?, STOCK_VALUE = ?, AVG_COST = ? WHERE PRODUCT_ID = ?", onHand, value, average, productId);
        }
    }

    // ---- the rows behind it ---------------------------------------------------------------

    private void takeFromWarehouse(EntityManager em, long productId, long warehouseId, BigDecimal quantity, BigDecimal fromReserved) {
        int rows = update(em, "UPDATE KV_INV_STOCK SET ON_HAND = ON_HAND - ?, RESERVED = RESERVED - ? WHERE PRODUCT_ID = ? AND WAREHOUSE_ID = ? "
            + "AND RESERVED >= ? AND ON_HAND - ? >= RESERVED - ?", quantity, fromReserved, productId, warehouseId, fromReserved, quantity, fromReserved);
        if (rows != 1) {
            BigDecimal available = lockStock(em, productId, warehouseId).add(fromReserved);
            throw new ConflictException("Only " + plain(available) + " of product " + catalogue.code(productId) + " available in warehouse "
                + catalogue.warehouseCode(em, warehouseId) + ", " + plain(quantity) + " needed");
        }
    }

    /** Takes the quantity from the warehouse's locations, earliest expiry first, then the fullest location. */
    private List<Quant> takeQuants(EntityManager em, long productId, long warehouseId, Long locationId, Long lotId, BigDecimal quantity) {
        StringBuilder sql = new StringBuilder("SELECT q.LOCATION_ID, q.LOT_KEY, q.QUANTITY FROM KV_INV_QUANT q LEFT JOIN KV_INV_LOT l ON l.ID = q.LOT_KEY "
            + "WHERE q.PRODUCT_ID = ? AND q.WAREHOUSE_ID = ? AND q.QUANTITY > 0");
        List<Object> params = new ArrayList<>(List.of(productId, warehouseId));
        if (locationId != null) {
            sql.append(" AND q.LOCATION_ID = ?");
            params.add(locationId);
        }
        if (lotId != null) {
            sql.append(" AND q.LOT_KEY = ?");
            params.add(lotId);
        }
        sql.append(" ORDER BY CASE WHEN l.EXPIRY_DATE IS NULL THEN 1 ELSE 0 END, l.EXPIRY_DATE, q.QUANTITY DESC, q.ID");
        javax.persistence.Query query = em.createNativeQuery(sql.toString());
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
        List<Quant> taken = new ArrayList<>();
        BigDecimal left = quantity;
        for (Object o : query.getResultList()) {
            if (left.signum() == 0) {
                break;
            }
            Object[] row = (Object[]) o;
            Quant q = new Quant(((Number) row[0]).longValue(), ((Number) row[1]).longValue(), decimal(row[2]));
            BigDecimal take = left.min(q.quantity());
            update(em, "UPDATE KV_INV_QUANT SET QUANTITY = QUANTITY - ? WHERE PRODUCT_ID = ? AND LOCATION_ID = ? AND LOT_KEY = ? AND QUANTITY >= ?",
                take, productId, q.locationId(), q.lotKey(), take);
            taken.add(new Quant(q.locationId(), q.lotKey(), take));
            left = left.subtract(take);
        }
        if (left.signum() > 0) {
            throw shortInLocations(em, productId, warehouseId, locationId, lotId, quantity, quantity.subtract(left));
        }
        return taken;
    }

    private ConflictException shortInLocations(EntityManager em, long productId, long warehouseId, Long locationId, Long lotId, BigDecimal needed,
        BigDecimal found) {
        return new ConflictException("Only " + plain(found) + " of product " + catalogue.code(productId) + " lie "
            + (locationId != null ? "in that location" : "in warehouse " + catalogue.warehouseCode(em, warehouseId))
            + (lotId != null ? " with that lot" : "") + ", " + plain(needed) + " needed");
    }

    private void ensureProduct(EntityManager em, long productId) {
        ensureRow(em, "SELECT 1 FROM KV_INV_PRODUCT WHERE PRODUCT_ID = ?", List.of(productId),
            "INSERT INTO KV_INV_PRODUCT (PRODUCT_ID, TRACKING, COSTING, ON_HAND, STOCK_VALUE, VERSION) VALUES (?, 'NONE', 'AVERAGE', 0, 0, 0)",
            List.of(productId));
    }

    void ensureStock(EntityManager em, long productId, long warehouseId) {
        ensureRow(em, "SELECT 1 FROM KV_INV_STOCK WHERE PRODUCT_ID = ? AND WAREHOUSE_ID = ?", List.of(productId, warehouseId),
            "INSERT INTO KV_INV_STOCK (PRODUCT_ID, WAREHOUSE_ID, ON_HAND, RESERVED) VALUES (?, ?, 0, 0)", List.of(productId, warehouseId));
    }

    private void ensureQuant(EntityManager em, long productId, long warehouseId, long locationId, long lotKey) {
        ensureRow(em, "SELECT 1 FROM KV_INV_QUANT WHERE PRODUCT_ID = ? AND LOCATION_ID = ? AND LOT_KEY = ?", List.of(productId, locationId, lotKey),
            "INSERT INTO KV_INV_QUANT (PRODUCT_ID, WAREHOUSE_ID, LOCATION_ID, LOT_KEY, QUANTITY) VALUES (?, ?, ?, ?, 0)",
            List.of(productId, warehouseId, locationId, lotKey));
    }

    /**
     * Inserts a zero balance row unless it exists, in the caller's transaction, over the JDBC
     * connection it holds: two first receipts of a product racing each other then queue on the
     * new row's key, and the loser's duplicate is no error (PostgreSQL: ON CONFLICT DO NOTHING;
     * Derby fails only the statement, which is not passed through the JPA provider so that it
     * does not doom the transaction).
     */
    private static void ensureRow(EntityManager em, String exists, List<Object> keys, String insert, List<Object> values) {
        if (!params(em.createNativeQuery(exists), keys).getResultList().isEmpty()) {
            return;
        }
        java.sql.Connection connection = em.unwrap(java.sql.Connection.class);
        try {
            boolean postgres = connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
            try (java.sql.PreparedStatement statement = connection.prepareStatement(postgres ? insert + " ON CONFLICT DO NOTHING" : insert)) {
                for (int i = 0; i < values.size(); i++) {
                    Object value = values.get(i);
                    statement.setObject(i + 1, value instanceof LocalDate d ? java.sql.Date.valueOf(d) : value);
                }
                statement.executeUpdate();
            }
        } catch (java.sql.SQLException e) {
            if (e.getSQLState() == null || !e.getSQLState().startsWith("23")) {
                throw new javax.persistence.PersistenceException(e);
            }
        }
    }

    /** The lot of that product and number, created (with its expiry) the first time it is received. */
    long lot(EntityManager em, long productId, String number, LocalDate expiry) {
        String exists = "SELECT ID FROM KV_INV_LOT WHERE PRODUCT_ID = ? AND LOT_NUMBER = ?";
        if (expiry == null) {
            ensureRow(em, exists, List.of(productId, number), "INSERT INTO KV_INV_LOT (PRODUCT_ID, LOT_NUMBER) VALUES (?, ?)", List.of(productId, number));
        } else {
            ensureRow(em, exists, List.of(productId, number), "INSERT INTO KV_INV_LOT (PRODUCT_ID, LOT_NUMBER, EXPIRY_DATE) VALUES (?, ?, ?)",
                List.of(productId, number, expiry));
        }
        return findLot(em, productId, number);
    }

    Long findLot(EntityManager em, long productId, String number) {
        List<?> rows = em.createNativeQuery("SELECT ID FROM KV_INV_LOT WHERE PRODUCT_ID = ? AND LOT_NUMBER = ?").setParameter(1, productId)
            .setParameter(2, number).getResultList();
        return rows.isEmpty() ? null : ((Number) rows.get(0)).longValue();
    }

    private static Long lotOf(Quant q) {
        return q.lotKey() == NO_LOT ? null : q.lotKey();
    }

    private MoveEntity move(MoveType type, long productId, BigDecimal quantity, Long fromLocation, Long fromWarehouse, Long toLocation,
        Long toWarehouse, Long lotId, BigDecimal unitCost, BigDecimal totalCost, LocalDate date, Source source) {
        MoveEntity m = new MoveEntity();
        m.type = type.name();
        m.productId = productId;
        m.quantity = quantity;
        m.fromLocationId = fromLocation;
        m.fromWarehouseId = fromWarehouse;
        m.toLocationId = toLocation;
        m.toWarehouseId = toWarehouse;
        m.lotId = lotId;
        m.unitCost = unitCost.setScale(COST_SCALE, RoundingMode.HALF_UP);
        m.totalCost = totalCost;
        m.date = date;
        m.sourceType = source.type();
        m.sourceId = source.id();
        m.sourceLineId = source.lineId();
        m.reference = source.reference();
        m.createdAt = Times.now();
        m.createdBy = caller.user();
        return m;
    }

    static int update(EntityManager em, String sql, Object... params) {
        return params(em.createNativeQuery(sql), List.of(params)).executeUpdate();
    }

    static javax.persistence.Query params(javax.persistence.Query query, List<Object> values) {
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            query.setParameter(i + 1, value instanceof LocalDate d ? java.sql.Date.valueOf(d) : value);
        }
        return query;
    }

    static BigDecimal decimal(Object value) {
        return value instanceof BigDecimal b ? b : new BigDecimal(value.toString());
    }

    static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
