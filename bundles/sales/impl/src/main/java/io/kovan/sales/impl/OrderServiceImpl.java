package io.kovan.sales.impl;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.persistence.EntityManager;
import javax.persistence.criteria.Predicate;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import io.kovan.inventory.api.ReservationDTO;
import io.kovan.inventory.api.ReservationRequest;
import io.kovan.kernel.api.ConflictException;
import io.kovan.kernel.api.NotFoundException;
import io.kovan.kernel.api.Page;
import io.kovan.kernel.api.PageRequest;
import io.kovan.kernel.api.StaleVersionException;
import io.kovan.kernel.api.Transactions;
import io.kovan.kernel.api.Violations;
import io.kovan.kernel.api.audit.AuditService;
import io.kovan.kernel.api.document.DocumentDTO;
import io.kovan.kernel.api.document.DocumentFlowService;
import io.kovan.kernel.api.event.EventPublisher;
import io.kovan.kernel.api.numbering.NumberSeriesDTO;
import io.kovan.kernel.api.numbering.NumberingService;
import io.kovan.kernel.api.party.PartyDTO;
import io.kovan.kernel.api.persistence.InList;
import io.kovan.kernel.api.persistence.Queries;
import io.kovan.kernel.api.security.Caller;
import io.kovan.kernel.api.workflow.TransitionDTO;
import io.kovan.kernel.api.workflow.WorkflowDTO;
import io.kovan.kernel.api.workflow.WorkflowService;
import io.kovan.sales.api.CreditExposureProvider;
import io.kovan.sales.api.OrderDTO;
import io.kovan.sales.api.OrderLineDTO;
import io.kovan.sales.api.OrderService;

/**
 * Orders in KV_SALES_ORDER, numbered {@code SO-2026-000001}, moved by the {@code sales.order}
 * workflow. Confirming checks credit and reserves stock in one transaction; the order row is
 * locked while it changes state, so two confirmations (or shipments) of one order take turns and
 * the second finds the state moved on (409).
 */
@Component(service = {OrderService.class, OrderServiceImpl.class})
public class OrderServiceImpl implements OrderService {

    static final String SERIES = "SO";
    /** States in which an order holds stock and waits for shipments. */
    static final List<String> OPEN_STATES = List.of("confirmed", "partially-delivered");
    private static final Set<String> SORT_FIELDS = Set.of("number", "date", "total", "promisedDate");

    private final JpaTemplate jpa;
    private final NumberingService numbering;
    private final WorkflowService workflow;
    private final DocumentFlowService flow;
    private final EventPublisher events;
    private final AuditService audit;
    private final KernelData kernel;
    private final Pricing pricing;
    private final Stock stock;
    private final Settings settings;
    private final Caller caller;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile CreditExposureProvider creditExposure;

    @Activate
    public OrderServiceImpl(@Reference(target = "(osgi.unit.name=kovan-sales)") JpaTemplate jpa, @Reference Transactions kernelReady,
        @Reference NumberingService numbering, @Reference WorkflowService workflow, @Reference DocumentFlowService flow,
        @Reference EventPublisher events, @Reference AuditService audit, @Reference KernelData kernel, @Reference Pricing pricing,
        @Reference Stock stock, @Reference Settings settings, @Reference Caller caller) {
        this.jpa = jpa;
        this.numbering = numbering;
        this.workflow = workflow;
        this.flow = flow;
        this.events = events;
        this.audit = audit;
        this.kernel = kernel;
        this.pricing = pricing;
        this.stock = stock;
        this.settings = settings;
        this.caller = caller;
        numbering.define(new NumberSeriesDTO(SERIES, "SO", true, 6, "Sales orders"));
        workflow.define(new WorkflowDTO(DOCUMENT_TYPE, "draft",
            List.of("draft", "pending-approval", "confirmed", "partially-delivered", "delivered", "cancelled"), List.of(
                new TransitionDTO("confirm", Set.of("draft"), "confirmed", null),
                new TransitionDTO("hold", Set.of("draft"), "pending-approval", null),
                new TransitionDTO("approve", Set.of("pending-approval"), "confirmed", APPROVE_PERMISSION),
                new TransitionDTO("deliver-partly", Set.of("confirmed"), "partially-delivered", null),
                new TransitionDTO("deliver", Set.of("confirmed", "partially-delivered"), "delivered", null),
                new TransitionDTO("cancel", Set.of("draft", "pending-approval", "confirmed"), "cancelled", null))));
    }

    @Override
    public OrderDTO create(OrderDTO o) {
        return jpa.txExpr(TransactionType.Required, em -> create(em, request(o), o.requestedDate(), o.opportunityId(), null));
    }

    /** Creates a draft order in the caller's transaction; converting a quote uses it too. */
    OrderDTO create(EntityManager em, Pricing.Request request, LocalDate requestedDate, Long opportunityId, Long quoteId) {
        Pricing.Priced priced = pricing.price(em, request, new Violations());
        OrderEntity e = new OrderEntity();
        Pricing.apply(priced, e);
        e.requestedDate = requestedDate;
        e.opportunityId = opportunityId;
        e.quoteId = quoteId;
        e.number = numbering.next(SERIES, e.date);
        e.state = "draft";
        e.createdAt = Times.now();
        em.persist(e);
        em.flush();
        List<OrderLineEntity> lines = writeLines(em, e.id, priced);
        OrderDTO created = toDto(e, lines, Map.of());
        flow.record(document(e));
        events.publish("sales.order.created", eventData(e));
        audit.record(DOCUMENT_TYPE, String.valueOf(e.id), "created", AuditService.diff(null, created));
        return created;
    }

    @Override
    public OrderDTO update(long id, OrderDTO o) {
        return jpa.txExpr(TransactionType.Required, em -> {
            OrderEntity e = Docs.lock(em, OrderEntity.class, "Order", id);
            Violations v = new Violations();
            v.require("version", o.version());
            Pricing.Priced priced = pricing.price(em, request(o), v);
            if (e.version != o.version()) {
                throw new StaleVersionException("Order", id, o.version(), e.version);
            }
            if (!e.state.equals("draft")) {
                throw new ConflictException("Order " + e.number + " is " + e.state + "; only a draft order can change");
            }
            OrderDTO before = toDto(e, lines(em, id), Map.of());
            // Changed lines alone must still move the document's version on.
            em.lock(e, javax.persistence.LockModeType.OPTIMISTIC_FORCE_INCREMENT);
            Pricing.apply(priced, e);
            e.requestedDate = o.requestedDate();
            e.opportunityId = o.opportunityId();
            em.createQuery("DELETE FROM OrderLineEntity l WHERE l.orderId = :id").setParameter("id", id).executeUpdate();
            List<OrderLineEntity> lines = writeLines(em, id, priced);
            em.flush();
            OrderDTO after = toDto(e, lines, Map.of());
            flow.record(document(e));
            events.publish("sales.order.updated", eventData(e));
            audit.record(DOCUMENT_TYPE, String.valueOf(id), "updated", AuditService.diff(before, after));
            return after;
        });
    }

    private static Pricing.Request request(OrderDTO o) {
        List<Pricing.LineRequest> lines = o.lines() == null ? null : o.lines().stream().map(l -> l == null ? null
            : new Pricing.LineRequest(l.productId(), l.quantity(), l.unitPrice(), l.discountPercent(), l.vatRate(), l.description())).toList();
        return new Pricing.Request(o.customerId(), o.currency(), o.date(), o.warehouseId(), o.discountPercent(), o.salesperson(), o.notes(), lines);
    }

    private static List<OrderLineEntity> writeLines(EntityManager em, long orderId, Pricing.Priced priced) {
        List<OrderLineEntity> lines = new ArrayList<>();
        for (int i = 0; i < priced.lines().size(); i++) {
            OrderLineEntity l = new OrderLineEntity();
            l.orderId = orderId;
            Pricing.apply(priced.lines().get(i), i + 1, l);
            l.reservedQuantity = Docs.zeroQuantity();
            l.deliveredQuantity = Docs.zeroQuantity();
            l.returnedQuantity = Docs.zeroQuantity();
            l.openQuantity = Docs.zeroQuantity();
            em.persist(l);
            lines.add(l);
        }
        em.flush();
        return lines;
    }

    @Override
    public OrderDTO get(long id) {
        return jpa.txExpr(TransactionType.Supports, em -> toDto(em, Docs.load(em, OrderEntity.class, "Order", id)));
    }

    @Override
    public OrderDTO find(String idOrNumber) {
        return jpa.txExpr(TransactionType.Supports, em -> toDto(em, find(em, idOrNumber)));
    }

    static OrderEntity find(EntityManager em, String idOrNumber) {
        List<OrderEntity> byNumber = Docs.byNumber(em, OrderEntity.class, idOrNumber.strip());
        if (!byNumber.isEmpty()) {
            return byNumber.get(0);
        }
        try {
            return Docs.load(em, OrderEntity.class, "Order", Long.parseLong(idOrNumber.strip()));
        } catch (NumberFormatException e) {
            throw new NotFoundException("Order", idOrNumber);
        }
    }

    @Override
    public Page<OrderDTO> list(PageRequest request) {
        String sort = request.sortField(SORT_FIELDS, "number");
        Long customer = request.longFilter("customer");
        LocalDate from = Docs.dateFilter(request, "from");
        LocalDate to = Docs.dateFilter(request, "to");
        return jpa.txExpr(TransactionType.Supports, em -> withLines(em, Queries.page(em, OrderEntity.class, request, (cb, o) -> {
            List<Predicate> where = new ArrayList<>();
            if (request.q() != null) {
                where.add(cb.like(cb.upper(o.get("number")), Queries.containsPattern(request.q()), '\\'));
            }
            if (customer != null) {
                where.add(cb.equal(o.get("customerId"), customer));
            }
            if (request.filter("state") != null) {
                where.add(cb.equal(o.get("state"), request.filter("state")));
            }
            if (request.filter("salesperson") != null) {
                where.add(cb.equal(o.get("salesperson"), request.filter("salesperson")));
            }
            if (from != null) {
                where.add(cb.greaterThanOrEqualTo(o.<LocalDate>get("date"), from));
            }
            if (to != null) {
                where.add(cb.lessThanOrEqualTo(o.<LocalDate>get("date"), to));
            }
            return where;
        }, sort, "id", e -> e)));
    }

    /** The page's orders with their lines, read in one query rather than one per order. */
    private Page<OrderDTO> withLines(EntityManager em, Page<OrderEntity> orders) {
        Map<Long, List<OrderLineEntity>> lines = new java.util.HashMap<>();
        List<Long> ids = orders.items().stream().map(o -> o.id).toList();
        if (!ids.isEmpty()) {
            if (em.isJoinedToTransaction()) {
                em.flush(); // a native query reads what is written, not what is pending
            }
            // By the index of the lines' order key, named for Derby (a comment elsewhere; Derby keeps IX_SALES_ORDER_LINE_ORDER
            // only as that key's, as it has the same columns): left to itself, Derby kept the plan it
            // made while the table was small, a scan of every order line testing each against the list, which took a
            // third of the order-to-cash benchmark's CPU once the history had grown.
            // Rows read as values and set by position: mapped to entities, EclipseLink looked each column of
            // each row up by name, which was 40 % of this query's cost; these lines are only read to answer.
            javax.persistence.Query q = em.createNativeQuery("SELECT " + OrderLineRows.COLUMNS
                + " FROM KV_SALES_ORDER_LINE --DERBY-PROPERTIES constraint=FK_SALES_ORDER_LINE_ORDER\n"
                + "WHERE ORDER_ID IN (" + InList.placeholders(ids.size()) + ") ORDER BY ORDER_ID, LINE_NO");
            InList.bind(q, 1, ids);
            for (Object row : q.getResultList()) {
                OrderLineEntity line = OrderLineRows.line((Object[]) row);
                lines.computeIfAbsent(line.orderId, k -> new ArrayList<>()).add(line);
            }
        }
        Map<Long, Map<Long, BigDecimal>> reserved = reservedByLine(orders.items());
        return new Page<>(orders.items().stream().map(o -> toDto(o, lines.getOrDefault(o.id, List.of()),
            !holdsReservations(o) ? Map.of() : reserved == null ? null : reserved.getOrDefault(o.id, Map.of()))).toList(),
            orders.total(), orders.offset(), orders.limit());
    }

    @Override
    public OrderDTO confirm(long id) {
        return jpa.txExpr(TransactionType.Required, em -> {
            OrderEntity e = Docs.lock(em, OrderEntity.class, "Order", id);
            if (!e.state.equals("draft")) {
                throw new ConflictException("Order " + e.number + " is " + e.state + "; only a draft order can be confirmed");
            }
            List<OrderLineEntity> lines = lines(em, id);
            OrderDTO before = toDto(e, lines, Map.of());
            CreditCheck.Decision decision = creditCheck(em, e);
            if (!decision.confirm()) {
                e.state = workflow.transition(DOCUMENT_TYPE, id, e.state, "hold", caller.user(), caller.roles(), decision.reason());
                e.approvalReason = decision.reason();
                return saved(em, e, lines, before, "sales.order.held");
            }
            e.state = workflow.transition(DOCUMENT_TYPE, id, e.state, "confirm", caller.user(), caller.roles(), null);
            reserve(e, lines);
            return saved(em, e, lines, before, "sales.order.confirmed");
        });
    }

    @Override
    public OrderDTO approve(long id) {
        caller.require(APPROVE_PERMISSION);
        return jpa.txExpr(TransactionType.Required, em -> {
            OrderEntity e = Docs.lock(em, OrderEntity.class, "Order", id);
            List<OrderLineEntity> lines = lines(em, id);
            OrderDTO before = toDto(e, lines, Map.of());
            e.state = workflow.transition(DOCUMENT_TYPE, id, e.state, "approve", caller.user(), caller.roles(), e.approvalReason);
            reserve(e, lines);
            return saved(em, e, lines, before, "sales.order.confirmed");
        });
    }

    @Override
    public OrderDTO cancel(long id) {
        return jpa.txExpr(TransactionType.Required, em -> {
            OrderEntity e = Docs.lock(em, OrderEntity.class, "Order", id);
            List<OrderLineEntity> lines = lines(em, id);
            if (lines.stream().anyMatch(l -> l.deliveredQuantity.signum() > 0)) {
                throw new ConflictException("Order " + e.number + " has shipped goods; it can no longer be cancelled");
            }
            List<String> pending = em.createQuery("SELECT DISTINCT s.number FROM ShipmentEntity s, ShipmentLineEntity l WHERE l.shipmentId = s.id "
                + "AND l.orderId = :order AND s.state IN :pending", String.class).setParameter("order", id)
                .setParameter("pending", ShipmentServiceImpl.PENDING_STATES).getResultList();
            if (!pending.isEmpty()) {
                throw new ConflictException("Order " + e.number + " is on shipment " + String.join(", ", pending) + "; cancel the shipment first");
            }
            OrderDTO before = toDto(e, lines, Map.of());
            e.state = workflow.transition(DOCUMENT_TYPE, id, e.state, "cancel", caller.user(), caller.roles(), null);
            stock.release(DOCUMENT_TYPE, id);
            lines.forEach(l -> l.reservedQuantity = Docs.zeroQuantity());
            return saved(em, e, lines, before, "sales.order.cancelled");
        });
    }

    private OrderDTO saved(EntityManager em, OrderEntity e, List<OrderLineEntity> lines, OrderDTO before, String event) {
        trackOpen(e, lines);
        em.flush();
        OrderDTO after = toDto(e, lines, reservedByLine(e));
        flow.record(document(e));
        events.publish(event, eventData(e));
        audit.record(DOCUMENT_TYPE, String.valueOf(e.id), "updated", AuditService.diff(before, after));
        return after;
    }

    /**
     * Exposure is what the customer's other confirmed orders still have to deliver (their
     * undelivered share of the total, as delivered goods become receivables) plus the receivables
     * finance reports, all in the company currency; the limit is in the customer's currency.
     */
    private CreditCheck.Decision creditCheck(EntityManager em, OrderEntity order) {
        PartyDTO customer = kernel.party(order.customerId);
        String base = kernel.baseCurrency();
        int decimals = kernel.decimals(base);
        if (customer.creditLimit() == null) {
            return new CreditCheck.Decision(true, null);
        }
        BigDecimal limit = kernel.convert(customer.creditLimit(), customer.currency() == null ? base : customer.currency(), base, Times.today());
        BigDecimal exposure = BigDecimal.ZERO.setScale(decimals);
        List<OrderEntity> open = em.createQuery("SELECT o FROM OrderEntity o WHERE o.customerId = :customer AND o.state IN :open AND o.id <> :id",
            OrderEntity.class).setParameter("customer", order.customerId).setParameter("open", OPEN_STATES).setParameter("id", order.id).getResultList();
        for (OrderEntity o : open) {
            for (OrderLineEntity l : lines(em, o.id)) {
                BigDecimal undelivered = l.quantity.subtract(l.deliveredQuantity).max(BigDecimal.ZERO);
                BigDecimal share = l.totalAmount.multiply(undelivered).divide(l.quantity, o.decimals, RoundingMode.HALF_UP);
                exposure = exposure.add(share.multiply(o.exchangeRate).setScale(decimals, RoundingMode.HALF_UP));
            }
        }
        CreditExposureProvider provider = creditExposure;
        if (provider != null) {
            BigDecimal receivables = provider.receivables(order.customerId, base);
            exposure = exposure.add(receivables == null ? BigDecimal.ZERO : receivables.setScale(decimals, RoundingMode.HALF_UP));
        }
        BigDecimal total = order.total.multiply(order.exchangeRate).setScale(decimals, RoundingMode.HALF_UP);
        return CreditCheck.decide(limit, exposure, total, caller.permits(APPROVE_PERMISSION), base);
    }

    /**
     * Reserves each stocked line. Under REFUSE, inventory's 409 for a short line rolls the whole
     * confirmation back; under BACKORDER it reserves what there is and the rest stays back-ordered.
     */
    private void reserve(OrderEntity e, List<OrderLineEntity> lines) {
        Long warehouse = stock.warehouse(e.warehouseId);
        List<OrderLineEntity> stocked = lines.stream().filter(l -> l.stocked).toList();
        if (stocked.isEmpty()) {
            return;
        }
        List<ReservationDTO> reserved = stock.reserveAll(stocked.stream().map(l -> new ReservationRequest(l.productId, warehouse, l.quantity,
            DOCUMENT_TYPE, e.id, l.id, settings.backorder())).toList());
        for (int i = 0; i < stocked.size(); i++) {
            stocked.get(i).reservedQuantity = reserved == null ? Docs.zeroQuantity() : Docs.quantity(reserved.get(i).open());
        }
    }

    /** Inventory's view of the order's reservations, or null without inventory. */
    Map<Long, BigDecimal> reservedByLine(OrderEntity e) {
        return holdsReservations(e) ? stock.reservedByLine(DOCUMENT_TYPE, e.id) : Map.of();
    }

    /** {@link #reservedByLine(OrderEntity)} for many orders at once, by order id; null without inventory. */
    Map<Long, Map<Long, BigDecimal>> reservedByLine(java.util.Collection<OrderEntity> orders) {
        return stock.reservedByLines(DOCUMENT_TYPE, orders.stream().filter(OrderServiceImpl::holdsReservations).map(o -> o.id).toList());
    }

    /**
     * Whether inventory may hold reservations of the order: only while it is confirmed and not fully
     * delivered. Shipping consumes them, cancelling releases them, and what a closed order still held
     * the reconciler releases; a page of delivered orders (the usual list) then reads none.
     */
    private static boolean holdsReservations(OrderEntity e) {
        return OPEN_STATES.contains(e.state);
    }

    static List<OrderLineEntity> lines(EntityManager em, long orderId) {
        return em.createQuery("SELECT l FROM OrderLineEntity l WHERE l.orderId = :id ORDER BY l.lineNo", OrderLineEntity.class)
            .setParameter("id", orderId).getResultList();
    }

    static DocumentDTO document(OrderEntity e) {
        return new DocumentDTO(DOCUMENT_TYPE, e.id, e.number, e.state, e.date, Docs.amount(e.total, e.decimals), e.currency);
    }

    static DocumentDTO document(OrderDTO o) {
        return new DocumentDTO(DOCUMENT_TYPE, o.id(), o.number(), o.state(), o.date(), o.total(), o.currency());
    }

    private static Map<String, Object> eventData(OrderEntity e) {
        Map<String, Object> data = Docs.eventData(e.id, e.number, e.customerId, e.state);
        data.put("total", Docs.amount(e.total, e.decimals));
        data.put("currency", e.currency);
        return data;
    }

    OrderDTO toDto(EntityManager em, OrderEntity e) {
        return toDto(e, lines(em, e.id), reservedByLine(e));
    }

    /** What a line's reservation holds: inventory's figure when it answers, else what sales last knew. */
    static BigDecimal reserved(OrderLineEntity l, Map<Long, BigDecimal> reservedByLine) {
        if (reservedByLine == null) {
            return Docs.quantity(l.reservedQuantity);
        }
        return Docs.quantity(reservedByLine.getOrDefault(l.id, BigDecimal.ZERO));
    }

    /** Sets each line's open quantity from the order's state and the line's deliveries (see {@link OrderLineEntity#openQuantity}). */
    static void trackOpen(OrderEntity e, java.util.Collection<OrderLineEntity> lines) {
        boolean open = OPEN_STATES.contains(e.state);
        for (OrderLineEntity l : lines) {
            l.openQuantity = open && l.stocked ? Docs.quantity(l.quantity.subtract(l.deliveredQuantity).max(BigDecimal.ZERO)) : Docs.zeroQuantity();
        }
    }

    /**
     * Open and unreserved on an order that waits for shipments. Without inventory (no reservations
     * to read) nothing is kept in stock, so nothing is back-ordered.
     */
    static BigDecimal backorder(OrderEntity e, OrderLineEntity l, Map<Long, BigDecimal> reservedByLine) {
        if (reservedByLine == null || !l.stocked || !OPEN_STATES.contains(e.state)) {
            return Docs.zeroQuantity();
        }
        return Docs.quantity(l.quantity.subtract(l.deliveredQuantity).subtract(reserved(l, reservedByLine)).max(BigDecimal.ZERO));
    }

    static OrderDTO toDto(OrderEntity e, List<OrderLineEntity> lines, Map<Long, BigDecimal> reservedByLine) {
        int d = e.decimals;
        List<OrderLineDTO> items = lines.stream().map(l -> {
            BigDecimal margin = l.netAmount.subtract(l.costAmount);
            BigDecimal reserved = reserved(l, reservedByLine);
            return new OrderLineDTO(l.id, l.lineNo, l.productId, l.productCode, l.description, l.unit, Docs.quantity(l.quantity), l.unitPrice,
                l.discountPercent, Docs.amount(l.netAmount, d), l.vatRate, Docs.amount(l.vatAmount, d), Docs.amount(l.totalAmount, d),
                Docs.quantity(l.availableToPromise), l.promisedDate, l.unitCost, Docs.amount(margin, d), LineMath.marginPercent(margin, l.netAmount),
                reserved, Docs.quantity(l.deliveredQuantity), Docs.quantity(l.returnedQuantity), backorder(e, l, reservedByLine),
                Docs.quantity(l.quantity.subtract(l.deliveredQuantity)));
        }).toList();
        BigDecimal margin = e.netTotal.subtract(e.totalCost);
        return new OrderDTO(e.id, e.number, e.state, e.customerId, e.currency, e.exchangeRate.stripTrailingZeros(), e.date, e.requestedDate,
            e.warehouseId, e.discountPercent, e.salesperson, e.opportunityId, e.quoteId, e.notes, e.approvalReason, items,
            Docs.amount(e.subtotal, d), Docs.amount(e.discountAmount, d), Docs.amount(e.netTotal, d), Docs.amount(e.vatTotal, d),
            Docs.amount(e.total, d), Docs.amount(e.totalCost, d), Docs.amount(margin, d), LineMath.marginPercent(margin, e.netTotal), e.promisedDate,
            e.version, Times.instant(e.createdAt));
    }
}
