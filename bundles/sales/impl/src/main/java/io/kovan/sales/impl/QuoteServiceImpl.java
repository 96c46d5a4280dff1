package io.kovan.sales.impl;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.persistence.EntityManager;
import javax.persistence.criteria.Predicate;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

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
import io.kovan.kernel.api.persistence.Queries;
import io.kovan.kernel.api.security.Caller;
import io.kovan.kernel.api.workflow.TransitionDTO;
import io.kovan.kernel.api.workflow.WorkflowDTO;
import io.kovan.kernel.api.workflow.WorkflowService;
import io.kovan.sales.api.OrderDTO;
import io.kovan.sales.api.QuoteDTO;
import io.kovan.sales.api.QuoteLineDTO;
import io.kovan.sales.api.QuoteService;

/**
 * Quotes in KV_SALES_QUOTE, numbered {@code SQ-2026-000001}, moved by the {@code sales.quote}
 * workflow: draft → sent; draft | sent → converted, cancelled or expired.
 */
@Component(service = {QuoteService.class, QuoteServiceImpl.class})
public class QuoteServiceImpl implements QuoteService {

    static final String SERIES = "SQ";
    static final List<String> OPEN_STATES = List.of("draft", "sent");
    private static final Set<String> SORT_FIELDS = Set.of("number", "date", "validUntil", "total");

    private final JpaTemplate jpa;
    private final NumberingService numbering;
    private final WorkflowService workflow;
    private final DocumentFlowService flow;
    private final EventPublisher events;
    private final AuditService audit;
    private final Pricing pricing;
    private final Settings settings;
    private final Caller caller;
    private final OrderServiceImpl orders;

    @Activate
    public QuoteServiceImpl(@Reference(target = "(osgi.unit.name=kovan-sales)") JpaTemplate jpa, @Reference Transactions kernelReady,
        @Reference NumberingService numbering, @Reference WorkflowService workflow, @Reference DocumentFlowService flow,
        @Reference EventPublisher events, @Reference AuditService audit, @Reference Pricing pricing, @Reference Settings settings,
        @Reference Caller caller, @Reference OrderServiceImpl orders) {
        this.jpa = jpa;
        this.numbering = numbering;
        this.workflow = workflow;
        this.flow = flow;
        this.events = events;
        this.audit = audit;
        this.pricing = pricing;
        this.settings = settings;
        this.caller = caller;
        this.orders = orders;
        numbering.define(new NumberSeriesDTO(SERIES, "SQ", true, 6, "Sales quotes"));
        workflow.define(new WorkflowDTO(DOCUMENT_TYPE, "draft", List.of("draft", "sent", "converted", "cancelled", "expired"), List.of(
            new TransitionDTO("send", Set.of("draft"), "sent", null),
            new TransitionDTO("convert", Set.of("draft", "sent"), "converted", null),
            new TransitionDTO("cancel", Set.of("draft", "sent"), "cancelled", null),
            new TransitionDTO("expire", Set.of("draft", "sent"), "expired", null))));
    }

    /** The CRM's opportunities in the document flow. */
    static final String OPPORTUNITY_TYPE = "crm.opportunity";

    @Override
    public QuoteDTO create(QuoteDTO q) {
        return jpa.txExpr(TransactionType.Required, em -> {
            Violations v = new Violations();
            DocumentDTO opportunity = opportunity(v, q.opportunityId());
            Pricing.Priced priced = pricing.price(em, request(q), validUntilChecked(v, q));
            QuoteEntity e = new QuoteEntity();
            Pricing.apply(priced, e);
            e.validUntil = q.validUntil() == null ? priced.date().plusDays(settings.quoteValidityDays()) : q.validUntil();
            e.opportunityId = q.opportunityId();
            e.number = numbering.next(SERIES, e.date);
            e.state = "draft";
            e.createdAt = Times.now();
            em.persist(e);
            em.flush();
            List<QuoteLineEntity> lines = writeLines(em, e.id, priced);
            QuoteDTO created = toDto(e, lines);
            flow.record(document(e));
            if (opportunity != null) {
                flow.link(opportunity, document(e));
            }
            events.publish("sales.quote.created", Docs.eventData(e.id, e.number, e.customerId, e.state));
            audit.record(DOCUMENT_TYPE, String.valueOf(e.id), "created", AuditService.diff(null, created));
            return created;
        });
    }

    /**
     * The CRM opportunity a quote answers, as the document flow knows it (the CRM records its
     * opportunities there), so sales links to it without depending on the CRM being installed.
     */
    private DocumentDTO opportunity(Violations v, Long id) {
        if (id == null) {
            return null;
        }
        try {
            return flow.flow(OPPORTUNITY_TYPE, id).start();
        } catch (NotFoundException e) {
            v.check(false, "opportunityId", "unknown opportunity " + id);
            return null;
        }
    }

    @Override
    public QuoteDTO update(long id, QuoteDTO q) {
        return jpa.txExpr(TransactionType.Required, em -> {
            QuoteEntity e = Docs.lock(em, QuoteEntity.class, "Quote", id);
            Violations v = validUntilChecked(new Violations(), q);
            v.require("version", q.version());
            DocumentDTO opportunity = opportunity(v, q.opportunityId());
            Pricing.Priced priced = pricing.price(em, request(q), v);
            if (e.version != q.version()) {
                throw new StaleVersionException("Quote", id, q.version(), e.version);
            }
            if (!e.state.equals("draft")) {
                throw new ConflictException("Quote " + e.number + " is " + e.state + "; only a draft quote can change");
            }
            QuoteDTO before = toDto(e, lines(em, id));
            // Changed lines alone must still move the document's version on.
            em.lock(e, javax.persistence.LockModeType.OPTIMISTIC_FORCE_INCREMENT);
            Pricing.apply(priced, e);
            e.validUntil = q.validUntil() == null ? priced.date().plusDays(settings.quoteValidityDays()) : q.validUntil();
            if (opportunity != null && !q.opportunityId().equals(e.opportunityId)) {
                flow.link(opportunity, document(e));
            }
            e.opportunityId = q.opportunityId();
            em.createQuery("DELETE FROM QuoteLineEntity l WHERE l.quoteId = :id").setParameter("id", id).executeUpdate();
            List<QuoteLineEntity> lines = writeLines(em, id, priced);
            em.flush();
            QuoteDTO after = toDto(e, lines);
            flow.record(document(e));
            events.publish("sales.quote.updated", Docs.eventData(e.id, e.number, e.customerId, e.state));
            audit.record(DOCUMENT_TYPE, String.valueOf(id), "updated", AuditService.diff(before, after));
            return after;
        });
    }

    private static Violations validUntilChecked(Violations v, QuoteDTO q) {
        LocalDate date = q.date() == null ? Times.today() : q.date();
        return v.check(q.validUntil() == null || !q.validUntil().isBefore(date), "validUntil", "must not be before the quote's date");
    }

    private static Pricing.Request request(QuoteDTO q) {
        List<Pricing.LineRequest> lines = q.lines() == null ? null : q.lines().stream().map(l -> l == null ? null
            : new Pricing.LineRequest(l.productId(), l.quantity(), l.unitPrice(), l.discountPercent(), l.vatRate(), l.description())).toList();
        return new Pricing.Request(q.customerId(), q.currency(), q.date(), q.warehouseId(), q.discountPercent(), q.salesperson(), q.notes(), lines);
    }

    private static List<QuoteLineEntity> writeLines(EntityManager em, long quoteId, Pricing.Priced priced) {
        List<QuoteLineEntity> lines = new ArrayList<>();
        for (int i = 0; i < priced.lines().size(); i++) {
            QuoteLineEntity l = new QuoteLineEntity();
            l.quoteId = quoteId;
            Pricing.apply(priced.lines().get(i), i + 1, l);
            em.persist(l);
            lines.add(l);
        }
        em.flush();
        return lines;
    }

    @Override
    public QuoteDTO get(long id) {
        return jpa.txExpr(TransactionType.Supports, em -> toDto(Docs.load(em, QuoteEntity.class, "Quote", id), lines(em, id)));
    }

    @Override
    public Page<QuoteDTO> list(PageRequest request) {
        String sort = request.sortField(SORT_FIELDS, "number");
        Long customer = request.longFilter("customer");
        LocalDate from = Docs.dateFilter(request, "from");
        LocalDate to = Docs.dateFilter(request, "to");
        return jpa.txExpr(TransactionType.Supports, em -> Queries.page(em, QuoteEntity.class, request, (cb, q) -> {
            List<Predicate> where = new ArrayList<>();
            if (request.q() != null) {
                where.add(cb.like(cb.upper(q.get("number")), Queries.containsPattern(request.q()), '\\'));
            }
            if (customer != null) {
                where.add(cb.equal(q.get("customerId"), customer));
            }
            if (request.filter("state") != null) {
                where.add(cb.equal(q.get("state"), request.filter("state")));
            }
            if (request.filter("salesperson") != null) {
                where.add(cb.equal(q.get("salesperson"), request.filter("salesperson")));
            }
            if (from != null) {
                where.add(cb.greaterThanOrEqualTo(q.<LocalDate>get("date"), from));
            }
            if (to != null) {
                where.add(cb.lessThanOrEqualTo(q.<LocalDate>get("date"), to));
            }
            return where;
        }, sort, "id", e -> toDto(e, lines(em, e.id))));
    }

    @Override
    public QuoteDTO send(long id) {
        return move(id, "send", "sales.quote.sent");
    }

    @Override
    public QuoteDTO cancel(long id) {
        return move(id, "cancel", "sales.quote.cancelled");
    }

    private QuoteDTO move(long id, String transition, String event) {
        return jpa.txExpr(TransactionType.Required, em -> {
            QuoteEntity e = Docs.lock(em, QuoteEntity.class, "Quote", id);
            List<QuoteLineEntity> lines = lines(em, id);
            QuoteDTO before = toDto(e, lines);
            e.state = workflow.transition(DOCUMENT_TYPE, id, e.state, transition, caller.user(), caller.roles(), null);
            em.flush();
            QuoteDTO after = toDto(e, lines);
            flow.record(document(e));
            events.publish(event, Docs.eventData(e.id, e.number, e.customerId, e.state));
            audit.record(DOCUMENT_TYPE, String.valueOf(id), "updated", AuditService.diff(before, after));
            return after;
        });
    }

    @Override
    public OrderDTO convert(long id) {
        QuoteDTO current = get(id);
        if (OPEN_STATES.contains(current.state()) && current.validUntil().isBefore(Times.today())) {
            // The expiry stands even though the conversion is refused: it is its own transaction.
            jpa.tx(TransactionType.RequiresNew, em -> expire(em, id));
            throw new ConflictException("Quote " + current.number() + " expired on " + current.validUntil() + "; it cannot be converted");
        }
        return jpa.txExpr(TransactionType.Required, em -> {
            QuoteEntity e = Docs.lock(em, QuoteEntity.class, "Quote", id);
            if (e.state.equals("expired")) {
                throw new ConflictException("Quote " + e.number + " has expired; it cannot be converted");
            }
            List<QuoteLineEntity> lines = lines(em, id);
            QuoteDTO before = toDto(e, lines);
            e.state = workflow.transition(DOCUMENT_TYPE, id, e.state, "convert", caller.user(), caller.roles(), null);
            Pricing.Request request = new Pricing.Request(e.customerId, e.currency, Times.today(), e.warehouseId, e.discountPercent, e.salesperson,
                e.notes, lines.stream().map(Pricing::copy).toList());
            OrderDTO order = orders.create(em, request, null, e.opportunityId, e.id);
            e.orderId = order.id();
            em.flush();
            QuoteDTO after = toDto(e, lines);
            flow.link(document(e), OrderServiceImpl.document(order));
            events.publish("sales.quote.converted", Docs.eventData(e.id, e.number, e.customerId, e.state));
            audit.record(DOCUMENT_TYPE, String.valueOf(id), "updated", AuditService.diff(before, after));
            return order;
        });
    }

    /** Expires every open quote whose validity ended before today; returns how many. */
    int expireDue() {
        List<Long> due = jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
            "SELECT q.id FROM QuoteEntity q WHERE q.state IN :open AND q.validUntil < :today", Long.class)
            .setParameter("open", OPEN_STATES).setParameter("today", Times.today()).getResultList());
        int expired = 0;
        for (long id : due) {
            expired += jpa.txExpr(TransactionType.RequiresNew, em -> expire(em, id)) ? 1 : 0;
        }
        return expired;
    }

    private boolean expire(EntityManager em, long id) {
        QuoteEntity e = Docs.lock(em, QuoteEntity.class, "Quote", id);
        if (!OPEN_STATES.contains(e.state)) {
            return false;
        }
        List<QuoteLineEntity> lines = lines(em, id);
        QuoteDTO before = toDto(e, lines);
        e.state = workflow.transition(DOCUMENT_TYPE, id, e.state, "expire", caller.user(), caller.roles(), null);
        em.flush();
        flow.record(document(e));
        events.publish("sales.quote.expired", Docs.eventData(e.id, e.number, e.customerId, e.state));
        audit.record(DOCUMENT_TYPE, String.valueOf(id), "updated", AuditService.diff(before, toDto(e, lines)));
        return true;
    }

    static List<QuoteLineEntity> lines(EntityManager em, long quoteId) {
        return em.createQuery("SELECT l FROM QuoteLineEntity l WHERE l.quoteId = :id ORDER BY l.lineNo", QuoteLineEntity.class)
            .setParameter("id", quoteId).getResultList();
    }

    static DocumentDTO document(QuoteEntity e) {
        return new DocumentDTO(DOCUMENT_TYPE, e.id, e.number, e.state, e.date, Docs.amount(e.total, e.decimals), e.currency);
    }

    static QuoteDTO toDto(QuoteEntity e, List<QuoteLineEntity> lines) {
        int d = e.decimals;
        List<QuoteLineDTO> items = lines.stream().map(l -> {
            java.math.BigDecimal margin = l.netAmount.subtract(l.costAmount);
            return new QuoteLineDTO(l.id, l.lineNo, l.productId, l.productCode, l.description, l.unit, Docs.quantity(l.quantity), l.unitPrice,
                l.discountPercent, Docs.amount(l.netAmount, d), l.vatRate, Docs.amount(l.vatAmount, d), Docs.amount(l.totalAmount, d),
                Docs.quantity(l.availableToPromise), l.promisedDate, l.unitCost, Docs.amount(margin, d), LineMath.marginPercent(margin, l.netAmount));
        }).toList();
        java.math.BigDecimal margin = e.netTotal.subtract(e.totalCost);
        return new QuoteDTO(e.id, e.number, e.state, e.customerId, e.currency, e.exchangeRate.stripTrailingZeros(), e.date, e.validUntil, e.warehouseId,
            e.discountPercent, e.salesperson, e.opportunityId, e.notes, items, Docs.amount(e.subtotal, d), Docs.amount(e.discountAmount, d),
            Docs.amount(e.netTotal, d), Docs.amount(e.vatTotal, d), Docs.amount(e.total, d), Docs.amount(e.totalCost, d), Docs.amount(margin, d),
            LineMath.marginPercent(margin, e.netTotal), e.promisedDate, e.orderId, e.version, Times.instant(e.createdAt));
    }
}
