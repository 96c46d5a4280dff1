package io.kovan.sales.impl;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import javax.persistence.EntityManager;
import javax.persistence.criteria.Predicate;
import javax.persistence.criteria.Root;
import javax.persistence.criteria.Subquery;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.kovan.kernel.api.persistence.InList;
import io.kovan.inventory.api.IssueLine;
import io.kovan.inventory.api.IssueRequest;
import io.kovan.inventory.api.MoveDTO;
import io.kovan.kernel.api.ConflictException;
import io.kovan.kernel.api.NotFoundException;
import io.kovan.kernel.api.Page;
import io.kovan.kernel.api.PageRequest;
import io.kovan.kernel.api.Transactions;
import io.kovan.kernel.api.Violations;
import io.kovan.kernel.api.audit.AuditService;
import io.kovan.kernel.api.document.DocumentDTO;
import io.kovan.kernel.api.document.DocumentFlowService;
import io.kovan.kernel.api.event.EventPublisher;
import io.kovan.kernel.api.numbering.NumberSeriesDTO;
import io.kovan.kernel.api.numbering.NumberingService;
import io.kovan.kernel.api.persistence.Money;
import io.kovan.kernel.api.persistence.Queries;
import io.kovan.kernel.api.product.ProductDTO;
import io.kovan.kernel.api.security.Caller;
import io.kovan.kernel.api.workflow.TransitionDTO;
import io.kovan.kernel.api.workflow.WorkflowDTO;
import io.kovan.kernel.api.workflow.WorkflowService;
import io.kovan.sales.api.OrderService;
import io.kovan.sales.api.ShipmentDTO;
import io.kovan.sales.api.ShipmentLineDTO;
import io.kovan.sales.api.ShipmentService;

/**
 * Shipments in KV_SALES_SHIPMENT, numbered {@code SH-2026-000001}, moved by the {@code sales.shipment}
 * workflow. Creating and shipping lock the orders concerned (in id order, so two shipments never
 * wait on each other), so open quantities are never promised or shipped twice.
 */
@Component(service = {ShipmentService.class, ShipmentServiceImpl.class})
public class ShipmentServiceImpl implements ShipmentService {

    static final String SERIES = "SH";
    /** States of a shipment whose goods have not left yet. */
    static final List<String> PENDING_STATES = List.of("draft", "picked", "packed");
    private static final Set<String> SORT_FIELDS = Set.of("number", "date", "shippedDate");

    private final JpaTemplate jpa;
    private final NumberingService numbering;
    private final WorkflowService workflow;
    private final DocumentFlowService flow;
    private final EventPublisher events;
    private final AuditService audit;
    private final KernelData kernel;
    private final Stock stock;
    private final Caller caller;

    @Activate
    public ShipmentServiceImpl(@Reference(target = "(osgi.unit.name=kovan-sales)") JpaTemplate jpa, @Reference Transactions kernelReady,
        @Reference NumberingService numbering, @Reference WorkflowService workflow, @Reference DocumentFlowService flow,
        @Reference EventPublisher events, @Reference AuditService audit, @Reference KernelData kernel, @Reference Stock stock,
        @Reference Caller caller) {
        this.jpa = jpa;
        this.numbering = numbering;
        this.workflow = workflow;
        this.flow = flow;
        this.events = events;
        this.audit = audit;
        this.kernel = kernel;
        this.stock = stock;
        this.caller = caller;
        numbering.define(new NumberSeriesDTO(SERIES, "SH", true, 6, "Sales shipments"));
        workflow.define(new WorkflowDTO(DOCUMENT_TYPE, "draft", List.of("draft", "picked", "packed", "shipped", "cancelled"), List.of(
            new TransitionDTO("pick", Set.of("draft"), "picked", null),
            new TransitionDTO("pack", Set.of("picked"), "packed", null),
            new TransitionDTO("ship", Set.of("packed"), "shipped", null),
            new TransitionDTO("cancel", Set.copyOf(PENDING_STATES), "cancelled", null))));
    }

    @Override
    public ShipmentDTO create(ShipmentDTO s) {
        return insert(s).answer();
    }

    /** A shipment as its transaction has just written it: the entity, its lines and the answer. */
    private record Written(ShipmentEntity entity, List<ShipmentLineEntity> lines, ShipmentDTO answer) {
    }

    private Written insert(ShipmentDTO s) {
        Violations v = new Violations();
        v.check(s.lines() != null && !s.lines().isEmpty(), "lines", "needs at least one line");
        v.check(s.lines() == null || s.lines().size() <= Pricing.MAX_LINES, "lines", "must be at most " + Pricing.MAX_LINES);
        v.check(s.warehouseId() == null || stock.warehouseKnown(s.warehouseId()), "warehouseId", "unknown warehouse " + s.warehouseId());
        List<ShipmentLineDTO> input = s.lines() == null ? List.of() : s.lines();
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < input.size(); i++) {
            ShipmentLineDTO l = input.get(i);
            if (l == null) {
                v.check(false, "lines[" + i + "]", "is required");
                continue;
            }
            v.require("lines[" + i + "].orderLineId", l.orderLineId());
            v.check(l.orderLineId() == null || seen.add(l.orderLineId()), "lines[" + i + "].orderLineId", "names an order line twice");
            v.positive("lines[" + i + "].quantity", l.quantity(), Pricing.QUANTITY_SCALE);
            v.maxLength("lines[" + i + "].lotNumber", l.lotNumber(), 64);
        }
        return jpa.txExpr(TransactionType.Required, em -> {
            List<OrderLineEntity> orderLines = new ArrayList<>();
            for (int i = 0; i < input.size(); i++) {
                ShipmentLineDTO l = input.get(i);
                OrderLineEntity line = l == null || l.orderLineId() == null ? null : em.find(OrderLineEntity.class, l.orderLineId());
                v.check(l == null || l.orderLineId() == null || line != null, "lines[" + i + "].orderLineId", "unknown order line " + (l == null ? null : l.orderLineId()));
                orderLines.add(line);
            }
            v.throwIfAny();
            Map<Long, OrderEntity> orders = lockOrders(em, orderLines);
            // Read again under the orders' locks, in one query: a shipment may have delivered since.
            em.createQuery("SELECT l FROM OrderLineEntity l WHERE l.orderId IN :orders", OrderLineEntity.class)
                .setParameter("orders", new ArrayList<>(orders.keySet())).setHint("eclipselink.refresh", "true").getResultList();
            long customer = orders.values().iterator().next().customerId;
            for (int i = 0; i < orderLines.size(); i++) {
                v.check(orders.get(orderLines.get(i).orderId).customerId == customer, "lines[" + i + "].orderLineId",
                    "belongs to another customer's order: a shipment goes to one customer");
            }
            v.throwIfAny();
            for (OrderEntity o : orders.values()) {
                if (!OrderServiceImpl.OPEN_STATES.contains(o.state)) {
                    throw new ConflictException("Order " + o.number + " is " + o.state + "; only confirmed orders ship");
                }
            }
            // What other shipments not yet gone hold of these orders' lines, in one query.
            Map<Long, BigDecimal> pendingByLine = new HashMap<>();
            for (Object[] row : em.createQuery("SELECT l.orderLineId, SUM(l.quantity) FROM ShipmentLineEntity l, ShipmentEntity s "
                + "WHERE l.shipmentId = s.id AND l.orderId IN :orders AND s.state IN :pending GROUP BY l.orderLineId", Object[].class)
                .setParameter("orders", new ArrayList<>(orders.keySet())).setParameter("pending", PENDING_STATES).getResultList()) {
                pendingByLine.put((Long) row[0], (BigDecimal) row[1]);
            }
            for (int i = 0; i < orderLines.size(); i++) {
                OrderLineEntity line = orderLines.get(i);
                BigDecimal pending = pendingByLine.getOrDefault(line.id, BigDecimal.ZERO);
                BigDecimal free = line.quantity.subtract(line.deliveredQuantity).subtract(pending);
                if (input.get(i).quantity().compareTo(free) > 0) {
                    throw new ConflictException("lines[" + i + "]: order " + orders.get(line.orderId).number + " line " + line.lineNo + " has "
                        + Docs.quantity(free.max(BigDecimal.ZERO)).toPlainString() + " left to ship, not " + input.get(i).quantity().toPlainString());
                }
            }
            ShipmentEntity e = new ShipmentEntity();
            e.customerId = customer;
            e.date = s.date() == null ? Times.today() : s.date();
            OrderEntity first = orders.get(orderLines.get(0).orderId);
            e.warehouseId = s.warehouseId() != null ? s.warehouseId() : stock.warehouse(first.warehouseId);
            e.currency = kernel.baseCurrency();
            e.number = numbering.next(SERIES, e.date);
            e.state = "draft";
            e.createdAt = Times.now();
            em.persist(e);
            em.flush();
            List<ShipmentLineEntity> lines = new ArrayList<>();
            for (int i = 0; i < orderLines.size(); i++) {
                OrderLineEntity ol = orderLines.get(i);
                ShipmentLineEntity l = new ShipmentLineEntity();
                l.shipmentId = e.id;
                l.lineNo = i + 1;
                l.orderId = ol.orderId;
                l.orderNumber = orders.get(ol.orderId).number;
                l.orderLineId = ol.id;
                l.productId = ol.productId;
                l.productCode = ol.productCode;
                l.stocked = ol.stocked;
                l.quantity = Docs.quantity(input.get(i).quantity());
                l.lotNumber = Names.trimmed(input.get(i).lotNumber());
                l.returnedQuantity = Docs.zeroQuantity();
                l.promisedDate = ol.promisedDate;
                em.persist(l);
                lines.add(l);
            }
            em.flush();
            ShipmentDTO created = toDto(em, e, lines);
            for (OrderEntity o : orders.values()) {
                flow.link(OrderServiceImpl.document(o), document(e));
            }
            events.publish("sales.shipment.created", Docs.eventData(e.id, e.number, e.customerId, e.state));
            audit.record(DOCUMENT_TYPE, String.valueOf(e.id), "created", AuditService.diff(null, created));
            return new Written(e, lines, created);
        });
    }

    @Override
    public ShipmentDTO createAndShip(ShipmentDTO shipment) {
        // The steps one by one, in one transaction: the workflow's guards and history, each step's event and audit entry, as when
        // called apart. What only the separate calls need is left out: locking and reading the shipment again, flushing it, and
        // recording its passing states in the document flow, which keeps only the last.
        return jpa.txExpr(TransactionType.Required, em -> {
            Written written = insert(shipment);
            ShipmentEntity e = em.find(ShipmentEntity.class, written.entity().id);
            List<ShipmentLineEntity> lines = written.lines();
            ShipmentDTO before = written.answer();
            for (String step : List.of("pick", "pack")) {
                e.state = workflow.transition(DOCUMENT_TYPE, e.id, e.state, step, caller.user(), caller.roles(), null);
                ShipmentDTO after = toDto(em, e, lines);
                events.publish("sales.shipment." + e.state, Docs.eventData(e.id, e.number, e.customerId, e.state));
                audit.record(DOCUMENT_TYPE, String.valueOf(e.id), "updated", AuditService.diff(before, after));
                before = after;
            }
            return shipLocked(em, e, lines, before);
        });
    }

    /** Locks the orders the lines belong to, lowest id first; by id. */
    private static Map<Long, OrderEntity> lockOrders(EntityManager em, List<OrderLineEntity> lines) {
        Map<Long, OrderEntity> orders = new TreeMap<>();
        lines.stream().map(l -> l.orderId).sorted().distinct().forEach(id -> orders.put(id, Docs.lock(em, OrderEntity.class, "Order", id)));
        return new LinkedHashMap<>(orders);
    }

    @Override
    public ShipmentDTO get(long id) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            ShipmentEntity e = Docs.load(em, ShipmentEntity.class, "Shipment", id);
            return toDto(em, e, lines(em, id));
        });
    }

    @Override
    public ShipmentDTO find(String idOrNumber) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            ShipmentEntity e = find(em, idOrNumber);
            return toDto(em, e, lines(em, e.id));
        });
    }

    private static ShipmentEntity find(EntityManager em, String idOrNumber) {
        List<ShipmentEntity> byNumber = Docs.byNumber(em, ShipmentEntity.class, idOrNumber.strip());
        if (!byNumber.isEmpty()) {
            return byNumber.get(0);
        }
        try {
            return Docs.load(em, ShipmentEntity.class, "Shipment", Long.parseLong(idOrNumber.strip()));
        } catch (NumberFormatException e) {
            throw new NotFoundException("Shipment", idOrNumber);
        }
    }

    @Override
    public Page<ShipmentDTO> list(PageRequest request) {
        String sort = request.sortField(SORT_FIELDS, "number");
        Long customer = request.longFilter("customer");
        Long order = request.longFilter("order");
        return jpa.txExpr(TransactionType.Supports, em -> Queries.page(em, ShipmentEntity.class, request, (cb, s) -> {
            List<Predicate> where = new ArrayList<>();
            if (request.q() != null) {
                where.add(cb.like(cb.upper(s.get("number")), Queries.containsPattern(request.q()), '\\'));
            }
            if (customer != null) {
                where.add(cb.equal(s.get("customerId"), customer));
            }
            if (request.filter("state") != null) {
                where.add(cb.equal(s.get("state"), request.filter("state")));
            }
            if (order != null) {
                Subquery<Long> onOrder = cb.createQuery().subquery(Long.class);
                Root<ShipmentLineEntity> l = onOrder.from(ShipmentLineEntity.class);
                onOrder.select(l.get("shipmentId")).where(cb.equal(l.get("orderId"), order));
                where.add(s.get("id").in(onOrder));
            }
            return where;
        }, sort, "id", e -> toDto(em, e, lines(em, e.id))));
    }

    @Override
    public ShipmentDTO pick(long id) {
        return move(id, "pick");
    }

    @Override
    public ShipmentDTO pack(long id) {
        return move(id, "pack");
    }

    @Override
    public ShipmentDTO cancel(long id) {
        return move(id, "cancel");
    }

    private ShipmentDTO move(long id, String transition) {
        return jpa.txExpr(TransactionType.Required, em -> {
            ShipmentEntity e = Docs.lock(em, ShipmentEntity.class, "Shipment", id);
            List<ShipmentLineEntity> lines = lines(em, id);
            ShipmentDTO before = toDto(em, e, lines);
            e.state = workflow.transition(DOCUMENT_TYPE, id, e.state, transition, caller.user(), caller.roles(), null);
            return saved(em, e, lines, before, "sales.shipment." + e.state);
        });
    }

    @Override
    public ShipmentDTO ship(long id) {
        return jpa.txExpr(TransactionType.Required, em -> {
            ShipmentEntity e = Docs.lock(em, ShipmentEntity.class, "Shipment", id);
            List<ShipmentLineEntity> lines = lines(em, id);
            return shipLocked(em, e, lines, toDto(em, e, lines));
        });
    }

    /** Ships the shipment, which the caller's transaction has locked, and whose lines it has read. */
    private ShipmentDTO shipLocked(EntityManager em, ShipmentEntity e, List<ShipmentLineEntity> lines, ShipmentDTO before) {
        e.state = workflow.transition(DOCUMENT_TYPE, e.id, e.state, "ship", caller.user(), caller.roles(), null);
        Map<Long, OrderEntity> orders = new TreeMap<>();
        lines.stream().map(l -> l.orderId).sorted().distinct().forEach(o -> orders.put(o, Docs.lock(em, OrderEntity.class, "Order", o)));
        for (OrderEntity o : orders.values()) {
            if (!OrderServiceImpl.OPEN_STATES.contains(o.state)) {
                throw new ConflictException("Order " + o.number + " is " + o.state + "; it cannot ship");
            }
        }
        // Every line of those orders, read under their locks in one query: another shipment may have delivered since this one was made.
        Map<Long, OrderLineEntity> orderLineById = new HashMap<>();
        Map<Long, List<OrderLineEntity>> linesOfOrder = new HashMap<>();
        for (OrderLineEntity ol : em.createQuery("SELECT l FROM OrderLineEntity l WHERE l.orderId IN :orders", OrderLineEntity.class)
            .setParameter("orders", new ArrayList<>(orders.keySet())).setHint("eclipselink.refresh", "true").getResultList()) {
            orderLineById.put(ol.id, ol);
            linesOfOrder.computeIfAbsent(ol.orderId, k -> new ArrayList<>()).add(ol);
        }
        Map<Long, OrderLineEntity> orderLines = new HashMap<>();
        lines.forEach(l -> orderLines.put(l.id, orderLineById.get(l.orderLineId)));
        for (ShipmentLineEntity l : lines) {
            OrderLineEntity ol = orderLines.get(l.id);
            if (l.quantity.compareTo(ol.quantity.subtract(ol.deliveredQuantity)) > 0) {
                throw new ConflictException("Order " + l.orderNumber + " line " + ol.lineNo + " has "
                    + Docs.quantity(ol.quantity.subtract(ol.deliveredQuantity)).toPlainString() + " left to ship, not " + l.quantity.toPlainString());
            }
        }
        issue(em, e, lines);
        BigDecimal totalCost = BigDecimal.ZERO;
        for (ShipmentLineEntity l : lines) {
            OrderLineEntity ol = orderLines.get(l.id);
            ol.deliveredQuantity = Docs.quantity(ol.deliveredQuantity.add(l.quantity));
            ol.reservedQuantity = Docs.quantity(ol.reservedQuantity.subtract(l.quantity).max(BigDecimal.ZERO));
            totalCost = totalCost.add(l.costAmount);
        }
        e.totalCost = totalCost;
        e.shippedDate = Times.today();
        for (OrderEntity o : orders.values()) {
            boolean complete = linesOfOrder.get(o.id).stream().allMatch(l -> l.deliveredQuantity.compareTo(l.quantity) >= 0);
            if (complete || o.state.equals("confirmed")) {
                o.state = workflow.transition(OrderService.DOCUMENT_TYPE, o.id, o.state, complete ? "deliver" : "deliver-partly", caller.user(),
                    caller.roles(), e.number);
            }
            OrderServiceImpl.trackOpen(o, linesOfOrder.get(o.id));
            flow.record(OrderServiceImpl.document(o));
        }
        return saved(em, e, lines, before, "sales.shipment.shipped");
    }

    /**
     * Takes the goods out: inventory issues stocked lines against the order lines' reservations and
     * says what they cost; without inventory, and for unstocked lines, the standard cost counts.
     */
    private void issue(EntityManager em, ShipmentEntity e, List<ShipmentLineEntity> lines) {
        List<IssueLine> issued = new ArrayList<>();
        Long warehouse = stock.warehouse(e.warehouseId);
        for (ShipmentLineEntity l : lines) {
            if (l.stocked) {
                issued.add(new IssueLine(l.id, l.productId, warehouse, null, l.quantity, l.lotNumber, OrderService.DOCUMENT_TYPE, l.orderId,
                    l.orderLineId));
            }
        }
        List<MoveDTO> moves = issued.isEmpty() ? null : stock.issue(new IssueRequest(DOCUMENT_TYPE, e.id, e.number, e.date, issued));
        int decimals = kernel.decimals(e.currency);
        Map<Long, List<MoveDTO>> byLine = new HashMap<>();
        if (moves != null) {
            moves.forEach(m -> byLine.computeIfAbsent(m.sourceLineId(), k -> new ArrayList<>()).add(m));
        }
        for (ShipmentLineEntity l : lines) {
            List<MoveDTO> own = !l.stocked ? List.of() : byLine.getOrDefault(l.id, List.of());
            if (own.isEmpty()) {
                ProductDTO product = kernel.product(l.productId);
                l.unitCost = product.standardCost() == null ? BigDecimal.ZERO.setScale(Pricing.PRICE_SCALE)
                    : product.standardCost().setScale(Pricing.PRICE_SCALE, RoundingMode.HALF_UP);
                l.costAmount = l.unitCost.multiply(l.quantity).setScale(decimals, RoundingMode.HALF_UP);
                continue;
            }
            BigDecimal cost = BigDecimal.ZERO;
            for (MoveDTO m : own) {
                cost = cost.add(m.totalCost() == null ? BigDecimal.ZERO : m.totalCost());
                ShipmentMoveEntity move = new ShipmentMoveEntity();
                move.shipmentLineId = l.id;
                move.moveId = m.id();
                move.quantity = Docs.quantity(m.quantity());
                move.returnedQuantity = Docs.zeroQuantity();
                em.persist(move);
            }
            l.costAmount = cost.setScale(decimals, RoundingMode.HALF_UP);
            l.unitCost = cost.divide(l.quantity, Pricing.PRICE_SCALE, RoundingMode.HALF_UP);
        }
    }

    private ShipmentDTO saved(EntityManager em, ShipmentEntity e, List<ShipmentLineEntity> lines, ShipmentDTO before, String event) {
        em.flush();
        ShipmentDTO after = toDto(em, e, lines);
        flow.record(document(e));
        events.publish(event, Docs.eventData(e.id, e.number, e.customerId, e.state));
        audit.record(DOCUMENT_TYPE, String.valueOf(e.id), "updated", AuditService.diff(before, after));
        return after;
    }

    static List<ShipmentLineEntity> lines(EntityManager em, long shipmentId) {
        return em.createQuery("SELECT l FROM ShipmentLineEntity l WHERE l.shipmentId = :id ORDER BY l.lineNo", ShipmentLineEntity.class)
            .setParameter("id", shipmentId).getResultList();
    }

    static List<ShipmentMoveEntity> moves(EntityManager em, long shipmentLineId) {
        return em.createQuery("SELECT m FROM ShipmentMoveEntity m WHERE m.shipmentLineId = :id ORDER BY m.id", ShipmentMoveEntity.class)
            .setParameter("id", shipmentLineId).getResultList();
    }

    /** Shipments carry goods, not a price: the flow shows their cost, once shipped, in the company currency. */
    static DocumentDTO document(ShipmentEntity e) {
        return new DocumentDTO(DOCUMENT_TYPE, e.id, e.number, e.state, e.date, e.totalCost == null ? null : Money.plain(e.totalCost),
            e.currency);
    }

    static ShipmentDTO toDto(EntityManager em, ShipmentEntity e, List<ShipmentLineEntity> lines) {
        // One query for every line's moves: a query per line would flush the whole context each time.
        Map<Long, List<Long>> moveIds = new HashMap<>();
        // Only a shipped shipment has moves (cancelling is for pending ones): the others, three times in a one-step delivery, ask nothing.
        if (!lines.isEmpty() && e.state.equals("shipped")) {
            if (em.isJoinedToTransaction()) {
                // A native query: the moves this transaction persisted must be written first.
                em.flush();
            }
            // By the lines' index: Derby, left to itself, scans the small table and waits on the rows other shipments are writing,
            // which deadlocked two shipments of different goods; and keeps that plan as the table grows. Always named, as
            // PostgreSQL reads it as a comment: asking the connection whether it is Derby found none outside a transaction,
            // and every invoice then scanned every shipment move ever made (a fifth of invoicing, in the sixth session).
            String table = "KV_SALES_SHIPMENT_MOVE m --DERBY-PROPERTIES constraint=FK_SALES_SHIPMENT_MOVE_LINE\n";
            for (int from = 0; from < lines.size(); from += InList.MAX) {
                List<Long> ids = lines.subList(from, Math.min(lines.size(), from + InList.MAX)).stream().map(l -> l.id).toList();
                javax.persistence.Query q = em.createNativeQuery("SELECT m.SHIPMENT_LINE_ID, m.MOVE_ID FROM " + table + " WHERE m.SHIPMENT_LINE_ID IN ("
                    + InList.placeholders(ids.size()) + ") ORDER BY m.ID");
                InList.bind(q, 1, ids);
                for (Object o : q.getResultList()) {
                    Object[] row = (Object[]) o;
                    moveIds.computeIfAbsent(((Number) row[0]).longValue(), k -> new ArrayList<>()).add(((Number) row[1]).longValue());
                }
            }
        }
        List<ShipmentLineDTO> items = lines.stream().map(l -> new ShipmentLineDTO(l.id, l.lineNo, l.orderId, l.orderNumber, l.orderLineId,
            l.productId, l.productCode, Docs.quantity(l.quantity), l.lotNumber, l.unitCost, l.costAmount == null ? null
                : Money.plain(l.costAmount), Docs.quantity(l.returnedQuantity), l.promisedDate, moveIds.getOrDefault(l.id, List.of()))).toList();
        return new ShipmentDTO(e.id, e.number, e.state, e.customerId, e.warehouseId, e.date, e.shippedDate, items,
            e.totalCost == null ? null : Money.plain(e.totalCost), e.currency, e.version, Times.instant(e.createdAt));
    }
}
