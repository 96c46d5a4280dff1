package io.kovan.finance.impl;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import javax.persistence.criteria.Predicate;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.kovan.kernel.api.persistence.InList;
import io.kovan.finance.api.InvoiceDTO;
import io.kovan.finance.api.InvoiceKind;
import io.kovan.finance.api.InvoiceLineDTO;
import io.kovan.finance.api.InvoiceService;
import io.kovan.finance.api.VatSummaryLineDTO;
import io.kovan.kernel.api.ConflictException;
import io.kovan.kernel.api.NotFoundException;
import io.kovan.kernel.api.Page;
import io.kovan.kernel.api.PageRequest;
import io.kovan.kernel.api.StaleVersionException;
import io.kovan.kernel.api.Transactions;
import io.kovan.kernel.api.ValidationException;
import io.kovan.kernel.api.Violations;
import io.kovan.kernel.api.audit.AuditService;
import io.kovan.kernel.api.document.DocumentDTO;
import io.kovan.kernel.api.document.DocumentFlowService;
import io.kovan.kernel.api.event.EventPublisher;
import io.kovan.kernel.api.numbering.NumberSeriesDTO;
import io.kovan.kernel.api.numbering.NumberingService;
import io.kovan.kernel.api.party.PartyDTO;
import io.kovan.kernel.api.party.PartyRole;
import io.kovan.kernel.api.persistence.Queries;
import io.kovan.kernel.api.product.ProductDTO;
import io.kovan.kernel.api.product.ProductType;
import io.kovan.kernel.api.security.Caller;
import io.kovan.kernel.api.workflow.TransitionDTO;
import io.kovan.kernel.api.workflow.WorkflowDTO;
import io.kovan.kernel.api.workflow.WorkflowService;
import io.kovan.sales.api.OrderDTO;
import io.kovan.sales.api.OrderLineDTO;
import io.kovan.sales.api.OrderService;
import io.kovan.sales.api.ReturnDTO;
import io.kovan.sales.api.ReturnLineDTO;
import io.kovan.sales.api.ReturnService;
import io.kovan.sales.api.ShipmentDTO;
import io.kovan.sales.api.ShipmentLineDTO;
import io.kovan.sales.api.ShipmentService;

/**
 * Invoices in KV_FIN_INVOICE, moved by the {@code finance.invoice} workflow. Drafts carry no
 * number; posting draws the kind's gapless number ({@code INV-}, {@code CN-}, {@code PI-}) and
 * writes the journal entry in the same transaction. A sales line is taken for an invoice by
 * inserting its key into KV_FIN_INVOICED when the invoice is made, so two invoices of one shipment
 * line cannot both commit, whatever the concurrency.
 */
@Component(service = {InvoiceService.class, InvoiceServiceImpl.class})
public class InvoiceServiceImpl implements InvoiceService {

    static final Set<BigDecimal> VAT_RATES = Set.of(new BigDecimal("0"), new BigDecimal("1"), new BigDecimal("10"), new BigDecimal("20"));
    static final int QUANTITY_SCALE = 3;
    static final int PRICE_SCALE = 4;
    static final int PERCENT_SCALE = 4;
    static final int MAX_LINES = 5000;
    private static final Set<String> INVOICEABLE_ORDER_STATES = Set.of("confirmed", "partially-delivered", "delivered");
    private static final BigDecimal HUNDRED = new BigDecimal("100");
    private static final Set<String> SORT_FIELDS = Set.of("number", "date", "dueDate", "id");

    private final JpaTemplate jpa;
    private final Company company;
    private final JournalServiceImpl journal;
    private final NumberingService numbering;
    private final WorkflowService workflow;
    private final DocumentFlowService flow;
    private final EventPublisher events;
    private final AuditService audit;
    private final Caller caller;
    private final SalesLink sales;
    private final UnbilledDeliveries unbilled;

    @Activate
    public InvoiceServiceImpl(@Reference(target = "(osgi.unit.name=kovan-finance)") JpaTemplate jpa, @Reference Transactions kernelReady,
        @Reference Company company, @Reference JournalServiceImpl journal, @Reference NumberingService numbering, @Reference WorkflowService workflow,
        @Reference DocumentFlowService flow, @Reference EventPublisher events, @Reference AuditService audit, @Reference Caller caller,
        @Reference SalesLink sales, @Reference UnbilledDeliveries unbilled) {
        this.jpa = jpa;
        this.company = company;
        this.journal = journal;
        this.numbering = numbering;
        this.workflow = workflow;
        this.flow = flow;
        this.events = events;
        this.audit = audit;
        this.caller = caller;
        this.sales = sales;
        this.unbilled = unbilled;
        numbering.define(new NumberSeriesDTO("INV", "INV", true, 6, "Customer invoices"));
        numbering.define(new NumberSeriesDTO("CN", "CN", true, 6, "Credit notes"));
        numbering.define(new NumberSeriesDTO("PI", "PI", true, 6, "Supplier invoices"));
        workflow.define(new WorkflowDTO(DOCUMENT_TYPE, "draft", List.of("draft", "posted", "paid", "cancelled"), List.of(
            new TransitionDTO("post", Set.of("draft"), "posted", null),
            new TransitionDTO("settle", Set.of("posted"), "paid", null),
            new TransitionDTO("cancel", Set.of("draft"), "cancelled", null))));
    }

    static String series(InvoiceKind kind) {
        return switch (kind) {
            case CUSTOMER_INVOICE -> "INV";
            case CREDIT_NOTE -> "CN";
            case SUPPLIER_INVOICE -> "PI";
        };
    }

    // ---- making invoices ------------------------------------------------------------------

    /** An invoice's header and lines as checked, before they are written. */
    private record Draft(InvoiceEntity header, List<InvoiceLineEntity> lines) {
    }

    @Override
    public InvoiceDTO create(InvoiceDTO in) {
        Draft draft = draft(in, null);
        return jpa.txExpr(TransactionType.Required, em -> {
            Violations v = new Violations();
            if (in.creditedInvoiceId() != null) {
                InvoiceEntity credited = em.find(InvoiceEntity.class, in.creditedInvoiceId());
                v.check(credited != null && InvoiceKind.CUSTOMER_INVOICE.name().equals(credited.kind) && credited.partyId == draft.header.partyId
                    && credited.currency.equals(draft.header.currency) && ("posted".equals(credited.state) || "paid".equals(credited.state)),
                    "creditedInvoiceId", "must be a posted customer invoice of the same party and currency");
            }
            accounts(em, v, draft.lines);
            v.throwIfAny();
            return saved(em, draft, null, in.post());
        });
    }

    @Override
    public InvoiceDTO update(long id, InvoiceDTO in) {
        return jpa.txExpr(TransactionType.Required, em -> {
            InvoiceEntity e = lock(em, id);
            if (!"draft".equals(e.state)) {
                throw new ConflictException("Invoice " + e.number + " is " + e.state + "; only a draft changes");
            }
            new Violations().require("version", in.version()).throwIfAny();
            if (in.version() != e.version) {
                throw new StaleVersionException("Invoice", id, in.version(), e.version);
            }
            if (!lines(em, id).stream().allMatch(l -> l.sourceType == null)) {
                throw new ConflictException("Invoice " + id + " was made from sales documents; cancel it and invoice them again");
            }
            InvoiceDTO before = toDto(em, e);
            Draft draft = draft(in, InvoiceKind.valueOf(e.kind));
            Violations v = new Violations();
            accounts(em, v, draft.lines);
            v.throwIfAny();
            em.createNativeQuery("DELETE FROM KV_FIN_INVOICE_LINE WHERE INVOICE_ID = ?").setParameter(1, id).executeUpdate();
            InvoiceEntity h = draft.header;
            e.partyId = h.partyId;
            e.date = h.date;
            e.dueDate = h.dueDate;
            e.currency = h.currency;
            e.exchangeRate = h.exchangeRate;
            e.amountScale = h.amountScale;
            e.netTotal = h.netTotal;
            e.vatTotal = h.vatTotal;
            e.total = h.total;
            e.baseTotal = h.baseTotal;
            e.supplierNumber = h.supplierNumber;
            e.reference = h.reference;
            e.notes = h.notes;
            em.lock(e, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
            writeLines(em, e, draft.lines);
            InvoiceDTO after = toDto(em, e);
            audit.record(DOCUMENT_TYPE, String.valueOf(id), "updated", AuditService.diff(before, after));
            return after;
        });
    }

    /** Checks a client's invoice and works out its amounts; {@code kind} fixed on update. */
    private Draft draft(InvoiceDTO in, InvoiceKind fixedKind) {
        Violations v = new Violations();
        InvoiceKind kind = fixedKind != null ? fixedKind : in.kind();
        v.require("kind", kind);
        PartyDTO party = company.party(v, "partyId", in.partyId());
        if (party != null && kind != null) {
            PartyRole role = kind == InvoiceKind.SUPPLIER_INVOICE ? PartyRole.SUPPLIER : PartyRole.CUSTOMER;
            v.check(party.roles() != null && party.roles().contains(role), "partyId", "party " + party.name() + " is not a " + role);
        }
        List<InvoiceLineDTO> lines = in.lines() == null ? List.of() : in.lines();
        v.check(!lines.isEmpty(), "lines", "needs at least one line");
        v.check(lines.size() <= MAX_LINES, "lines", "must be at most " + MAX_LINES);
        v.maxLength("supplierInvoiceNumber", in.supplierInvoiceNumber(), 64).maxLength("reference", in.reference(), 64).maxLength("notes", in.notes(), 2000);
        LocalDate date = in.date() == null ? Times.today() : in.date();
        Company.dated(v, "date", date);
        Company.dated(v, "dueDate", in.dueDate());
        v.check(in.dueDate() == null || !in.dueDate().isBefore(date), "dueDate", "must not be before the invoice date");
        v.check(in.creditedInvoiceId() == null || kind == InvoiceKind.CREDIT_NOTE, "creditedInvoiceId", "only a credit note credits an invoice");
        String currency = in.currency() != null ? in.currency().strip().toUpperCase(java.util.Locale.ROOT)
            : party != null && party.currency() != null ? party.currency() : company.currency();
        int decimals = company.decimals(v, "currency", currency);
        BigDecimal rate = in.exchangeRate();
        if (rate != null) {
            v.positive("exchangeRate", rate, Company.RATE_SCALE);
            company.rateOfOwnCurrency(v, "exchangeRate", currency, rate);
        }
        List<InvoiceLineEntity> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            InvoiceLineDTO l = lines.get(i);
            String at = "lines[" + i + "].";
            if (l == null) {
                v.check(false, "lines[" + i + "]", "is required");
                continue;
            }
            v.check(l.sourceType() == null && l.sourceLineId() == null, at + "sourceType", "is set by invoicing a sales document, not by hand");
            ProductDTO product = company.product(v, at + "productId", l.productId());
            v.check(l.productId() != null || l.description() != null && !l.description().isBlank(), at + "description",
                "is required when no product is named");
            v.maxLength(at + "description", l.description(), 500);
            v.positive(at + "quantity", l.quantity(), QUANTITY_SCALE);
            Company.bounded(v, at + "quantity", l.quantity());
            v.check(l.accountId() == null || kind == InvoiceKind.SUPPLIER_INVOICE, at + "accountId",
                "only a supplier invoice's line names its account; sales lines take theirs from the posting rules");
            BigDecimal price = l.unitPrice() != null ? l.unitPrice() : product == null ? null
                : kind == InvoiceKind.SUPPLIER_INVOICE ? product.standardCost() : product.salesPrice();
            v.check(price != null, at + "unitPrice", "is required");
            v.nonNegative(at + "unitPrice", price, PRICE_SCALE);
            Company.bounded(v, at + "unitPrice", price);
            BigDecimal discount = l.discountPercent() == null ? BigDecimal.ZERO : l.discountPercent();
            v.check(discount.signum() >= 0 && discount.compareTo(HUNDRED) <= 0, at + "discountPercent", "must be between 0 and 100");
            v.nonNegative(at + "discountPercent", discount, 2);
            BigDecimal vat = l.vatRate() != null ? l.vatRate() : product != null && product.vatRate() != null ? product.vatRate() : null;
            v.check(vat != null, at + "vatRate", "is required");
            v.check(vat == null || VAT_RATES.stream().anyMatch(r -> r.compareTo(vat) == 0), at + "vatRate", "must be 0, 1, 10 or 20");
            if (!v.isEmpty()) {
                continue;
            }
            InvoiceLineEntity row = new InvoiceLineEntity();
            row.productId = l.productId();
            row.productCode = product == null ? null : product.code();
            row.category = product == null ? null : product.category();
            row.description = l.description() != null && !l.description().isBlank() ? l.description().strip() : product.name();
            row.unit = product == null ? null : product.unit();
            row.quantity = l.quantity().setScale(QUANTITY_SCALE, RoundingMode.UNNECESSARY);
            row.unitPrice = price.setScale(PRICE_SCALE, RoundingMode.UNNECESSARY);
            row.discountPercent = discount.setScale(PERCENT_SCALE, RoundingMode.UNNECESSARY);
            row.netAmount = row.quantity.multiply(row.unitPrice).multiply(HUNDRED.subtract(discount)).divide(HUNDRED, decimals, RoundingMode.HALF_UP);
            Company.bounded(v, at + "quantity", row.netAmount);
            row.vatRate = vat.setScale(2, RoundingMode.HALF_UP);
            row.accountId = l.accountId();
            amounts(row, decimals);
            rows.add(row);
        }
        v.throwIfAny();
        if (rate == null) {
            rate = company.rate(v, "exchangeRate", currency, date);
            v.throwIfAny();
        }
        InvoiceEntity h = header(kind, party, date, in.dueDate(), currency, rate, decimals, rows);
        h.supplierNumber = JournalServiceImpl.blankToNull(in.supplierInvoiceNumber());
        h.reference = JournalServiceImpl.blankToNull(in.reference());
        h.notes = JournalServiceImpl.blankToNull(in.notes());
        h.creditedInvoiceId = in.creditedInvoiceId();
        return new Draft(h, rows);
    }

    private static void amounts(InvoiceLineEntity row, int decimals) {
        row.vatAmount = row.netAmount.multiply(row.vatRate).divide(HUNDRED, decimals, RoundingMode.HALF_UP);
        row.totalAmount = row.netAmount.add(row.vatAmount);
    }

    private InvoiceEntity header(InvoiceKind kind, PartyDTO party, LocalDate date, LocalDate dueDate, String currency, BigDecimal rate, int decimals,
        List<InvoiceLineEntity> rows) {
        InvoiceEntity h = new InvoiceEntity();
        h.companyId = company.id();
        h.kind = kind.name();
        h.state = "draft";
        h.partyId = party.id();
        h.date = date;
        int terms = party.paymentTermDays() != null ? party.paymentTermDays() : company.paymentTermsDays();
        h.dueDate = dueDate != null ? dueDate : date.plusDays(terms);
        h.currency = currency;
        h.exchangeRate = rate;
        h.amountScale = decimals;
        h.netTotal = rows.stream().map(r -> r.netAmount).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(decimals);
        h.vatTotal = rows.stream().map(r -> r.vatAmount).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(decimals);
        h.total = h.netTotal.add(h.vatTotal);
        h.baseTotal = h.total.multiply(rate).setScale(company.decimals(company.currency()), RoundingMode.HALF_UP);
        h.paid = BigDecimal.ZERO;
        h.uuid = java.util.UUID.randomUUID().toString();
        return h;
    }

    /** Lines that name their own account: a postable account of the company. */
    private void accounts(EntityManager em, Violations v, List<InvoiceLineEntity> lines) {
        for (int i = 0; i < lines.size(); i++) {
            InvoiceLineEntity l = lines.get(i);
            if (l.accountId != null) {
                AccountServiceImpl.postable(em, v, "lines[" + i + "].accountId", company.id(), l.accountId, null);
            }
        }
    }

    private InvoiceDTO saved(EntityManager em, Draft draft, List<Source> takenSources, Boolean post) {
        return saved(em, draft, takenSources, () -> { }, post);
    }

    /** {@code taken} runs once the sales lines are taken, before the invoice is posted. */
    private InvoiceDTO saved(EntityManager em, Draft draft, List<Source> takenSources, Runnable taken, Boolean post) {
        InvoiceEntity e = draft.header;
        e.createdAt = Times.now();
        e.createdBy = caller.user();
        em.persist(e);
        em.flush();
        writeLines(em, e, draft.lines);
        if (takenSources != null) {
            take(em, e, takenSources);
        }
        taken.run();
        InvoiceDTO result = Boolean.TRUE.equals(post) ? post(em, e) : toDto(em, e);
        audit.record(DOCUMENT_TYPE, String.valueOf(e.id), "created", AuditService.diff(null, result));
        return result;
    }

    private static void writeLines(EntityManager em, InvoiceEntity e, List<InvoiceLineEntity> lines) {
        int no = 1;
        for (InvoiceLineEntity l : lines) {
            l.invoiceId = e.id;
            l.lineNo = no++;
            em.persist(l);
        }
        em.flush();
    }

    /**
     * A sales line an invoice takes: its key goes into KV_FIN_INVOICED. A probe only checks that
     * no other invoice holds or is taking the key (its insert waits for a taker under way), and
     * leaves it free.
     */
    private record Source(String type, long lineId, String label, boolean probe) {
        static Source of(String type, long lineId, String label) {
            return new Source(type, lineId, label, false);
        }

        static Source probe(String type, long lineId, String label) {
            return new Source(type, lineId, label, true);
        }
    }

    /** Takes each sales line for this invoice; a line another invoice holds makes the whole call a 409. */
    private static void take(EntityManager em, InvoiceEntity e, List<Source> sources) {
        // In key order: two invoices of overlapping documents then queue on their first common line instead of deadlocking.
        List<Source> ordered = sources.stream().sorted(java.util.Comparator.comparing(Source::type).thenComparingLong(Source::lineId)).toList();
        for (Source source : ordered) {
            List<?> holder = em.createNativeQuery("SELECT INVOICE_ID FROM KV_FIN_INVOICED WHERE SOURCE_TYPE = ? AND SOURCE_LINE_ID = ?")
                .setParameter(1, source.type()).setParameter(2, source.lineId()).getResultList();
            if (!holder.isEmpty()) {
                throw new ConflictException(source.label() + " is invoiced already (invoice " + ((Number) holder.get(0)).longValue() + ")");
            }
            try {
                em.createNativeQuery("INSERT INTO KV_FIN_INVOICED (SOURCE_TYPE, SOURCE_LINE_ID, INVOICE_ID) VALUES (?, ?, ?)").setParameter(1, source.type())
                    .setParameter(2, source.lineId()).setParameter(3, e.id).executeUpdate();
            } catch (javax.persistence.PersistenceException x) {
                if (io.kovan.kernel.api.persistence.Constraints.isConstraintViolation(x)) {
                    throw new ConflictException(source.label() + " is being invoiced by another request");
                }
                throw x;
            }
            if (source.probe()) {
                em.createNativeQuery("DELETE FROM KV_FIN_INVOICED WHERE SOURCE_TYPE = ? AND SOURCE_LINE_ID = ?").setParameter(1, source.type())
                    .setParameter(2, source.lineId()).executeUpdate();
            }
        }
    }

    /** Which of these lines of a source type an invoice holds. */
    private static Set<Long> invoicedKeys(EntityManager em, String type, List<Long> ids) {
        Set<Long> invoiced = new java.util.HashSet<>();
        for (List<Long> chunk : InLists.chunks(ids)) {
            // Probing the line-id index (named for Derby, a comment elsewhere): the primary key starts with the source
            // type, and Derby tested every invoiced line of that type against the list, a cost that grew with the history.
            javax.persistence.Query q = em.createNativeQuery("SELECT SOURCE_LINE_ID FROM KV_FIN_INVOICED --DERBY-PROPERTIES index=IX_FIN_INVOICED_LINE\n"
                + "WHERE SOURCE_TYPE = ? AND SOURCE_LINE_ID IN (" + InList.placeholders(chunk.size()) + ")").setParameter(1, type);
            InList.bind(q, 2, chunk);
            q.getResultList().forEach(id -> invoiced.add(((Number) id).longValue()));
        }
        return invoiced;
    }

    @Override
    public InvoiceDTO fromShipments(List<Long> shipmentIds, LocalDate date, boolean post) {
        Violations v = new Violations();
        v.check(shipmentIds != null && !shipmentIds.isEmpty(), "shipmentIds", "names at least one shipment");
        v.throwIfAny();
        ShipmentService shipments = sales.shipments();
        List<ShipmentDTO> shipped = new ArrayList<>();
        Set<Long> named = new java.util.HashSet<>();
        for (int i = 0; i < shipmentIds.size(); i++) {
            Long id = shipmentIds.get(i);
            if (id != null && !named.add(id)) {
                v.check(false, "shipmentIds[" + i + "]", "names shipment " + id + " twice");
                continue;
            }
            ShipmentDTO s = null;
            try {
                s = id == null ? null : shipments.get(id);
            } catch (NotFoundException e) {
                s = null;
            }
            v.check(s != null, "shipmentIds[" + i + "]", "unknown shipment " + id);
            if (s != null) {
                v.check("shipped".equals(s.state()), "shipmentIds[" + i + "]", "shipment " + s.number() + " is " + s.state() + ", not shipped");
                shipped.add(s);
            }
        }
        v.throwIfAny();
        long customer = shipped.get(0).customerId();
        if (shipped.stream().anyMatch(s -> s.customerId() != customer)) {
            throw new ValidationException("shipmentIds", "all shipments must be of one customer");
        }
        Map<Long, OrderDTO> orders = new HashMap<>();
        shipped.stream().flatMap(s -> s.lines().stream()).map(ShipmentLineDTO::orderId).distinct()
            .forEach(id -> orders.put(id, sales.orders().get(id)));
        Map<Long, OrderLineDTO> orderLines = new HashMap<>();
        orders.values().forEach(o -> o.lines().forEach(l -> orderLines.put(l.id(), l)));
        if (orders.values().stream().map(OrderDTO::currency).distinct().count() > 1) {
            throw new ValidationException("shipmentIds", "the orders of these shipments are in different currencies; invoice them apart");
        }
        String currency = orders.values().iterator().next().currency();
        LocalDate day = date == null ? Times.today() : date;
        int decimals = company.decimals(currency);
        List<InvoiceLineEntity> rows = new ArrayList<>();
        List<Source> sources = new ArrayList<>();
        // Shipment lines of service lines, which may be invoiced on order instead: the order line's key, by shipment line id.
        Map<Long, Source> serviceLines = new HashMap<>();
        for (ShipmentDTO s : shipped) {
            for (ShipmentLineDTO sl : s.lines()) {
                OrderLineDTO ol = orderLines.get(sl.orderLineId());
                ProductDTO product = sl.productId() == null ? null : company.product(sl.productId());
                InvoiceLineEntity row = fromOrderLine(ol, product, sl.quantity(), decimals);
                row.productCode = sl.productCode();
                row.sourceType = ShipmentService.DOCUMENT_TYPE;
                row.sourceId = s.id();
                row.sourceLineId = sl.id();
                rows.add(row);
                if (billedOnOrder(ol, product)) {
                    serviceLines.put(sl.id(), Source.probe(OrderService.DOCUMENT_TYPE, ol.id(), "Line " + ol.lineNo() + " of order " + sl.orderNumber()));
                }
                sources.add(Source.of(ShipmentService.DOCUMENT_TYPE, sl.id(), "Line " + sl.lineNo() + " of shipment " + s.number()));
            }
        }
        Violations rateCheck = new Violations();
        BigDecimal rate = company.rate(rateCheck, "date", currency, day);
        rateCheck.throwIfAny();
        PartyDTO party = company.party(customer);
        return jpa.txExpr(TransactionType.Required, em -> {
            // Lines an earlier invoice took are left out: invoicing the same shipments again bills only what is new; so are
            // service lines invoiced on order.
            Set<Long> invoiced = invoicedKeys(em, ShipmentService.DOCUMENT_TYPE, rows.stream().map(r -> r.sourceLineId).toList());
            Set<Long> onOrder = invoicedKeys(em, OrderService.DOCUMENT_TYPE, serviceLines.values().stream().map(Source::lineId).toList());
            List<InvoiceLineEntity> open = new ArrayList<>();
            List<Source> taking = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                InvoiceLineEntity row = rows.get(i);
                Source service = serviceLines.get(row.sourceLineId);
                if (!invoiced.contains(row.sourceLineId) && (service == null || !onOrder.contains(service.lineId()))) {
                    open.add(row);
                    taking.add(sources.get(i));
                    if (service != null) {
                        // Waits for, or refuses, an invoice of this line on order under way.
                        taking.add(service);
                    }
                }
            }
            if (open.isEmpty()) {
                throw new ConflictException("Every line of " + (shipped.size() == 1 ? "shipment " + shipped.get(0).number() : "these shipments")
                    + " is invoiced already");
            }
            InvoiceEntity h = header(InvoiceKind.CUSTOMER_INVOICE, party, day, null, currency, rate, decimals, open);
            h.reference = shipped.size() == 1 ? shipped.get(0).number() : null;
            InvoiceDTO created = saved(em, new Draft(h, open), taking, post);
            for (ShipmentDTO s : shipped) {
                flow.link(new DocumentDTO(ShipmentService.DOCUMENT_TYPE, s.id(), s.number(), s.state(), s.date(), s.totalCost(), s.currency()),
                    document(h));
            }
            return created;
        });
    }

    @Override
    public InvoiceDTO fromOrder(long orderId, LocalDate date, boolean post) {
        OrderService orders = sales.orders();
        OrderDTO order = order(orders, orderId);
        if (!INVOICEABLE_ORDER_STATES.contains(order.state())) {
            throw new ConflictException("Order " + order.number() + " is " + order.state() + "; only a confirmed order is invoiced");
        }
        LocalDate day = date == null ? Times.today() : date;
        int decimals = company.decimals(order.currency());
        List<InvoiceLineEntity> rows = new ArrayList<>();
        List<Source> sources = new ArrayList<>();
        for (OrderLineDTO ol : order.lines()) {
            ProductDTO product = ol.productId() == null ? null : company.product(ol.productId());
            // A service line that shipped is invoiced with its shipment, not here.
            if (billedOnOrder(ol, product) && ol.deliveredQuantity().signum() == 0) {
                InvoiceLineEntity row = fromOrderLine(ol, product, ol.quantity(), decimals);
                row.sourceType = OrderService.DOCUMENT_TYPE;
                row.sourceId = order.id();
                row.sourceLineId = ol.id();
                rows.add(row);
                sources.add(Source.of(OrderService.DOCUMENT_TYPE, ol.id(), "Line " + ol.lineNo() + " of order " + order.number()));
            }
        }
        Violations rateCheck = new Violations();
        BigDecimal rate = company.rate(rateCheck, "date", order.currency(), day);
        rateCheck.throwIfAny();
        PartyDTO party = company.party(order.customerId());
        return jpa.txExpr(TransactionType.Required, em -> {
            Set<Long> invoiced = invoicedKeys(em, OrderService.DOCUMENT_TYPE, rows.stream().map(r -> r.sourceLineId).toList());
            List<InvoiceLineEntity> open = new ArrayList<>();
            List<Source> taking = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                if (!invoiced.contains(rows.get(i).sourceLineId)) {
                    open.add(rows.get(i));
                    taking.add(sources.get(i));
                }
            }
            if (open.isEmpty()) {
                throw new ConflictException("Order " + order.number() + " has no service line left to invoice on order: goods are invoiced as they "
                    + "ship, and its services are invoiced or shipped already");
            }
            InvoiceEntity h = header(InvoiceKind.CUSTOMER_INVOICE, party, day, null, order.currency(), rate, decimals, open);
            h.reference = order.number();
            // Once the keys are taken, a shipment of these lines invoiced meanwhile has committed, and shows here. Read before
            // posting: shipping reads what posting writes (the unbilled rows), so the other way round the two could deadlock.
            InvoiceDTO created = saved(em, new Draft(h, open), taking, () -> {
                Map<Long, OrderLineDTO> now = new HashMap<>();
                order(orders, orderId).lines().forEach(l -> now.put(l.id(), l));
                for (InvoiceLineEntity row : open) {
                    OrderLineDTO l = now.get(row.sourceLineId);
                    if (l.deliveredQuantity().signum() != 0) {
                        throw new ConflictException("Line " + l.lineNo() + " of order " + order.number() + " was shipped meanwhile; invoice its shipment");
                    }
                }
                // The order's flow row before the unbilled rows posting writes, in the order shipping takes them.
                flow.link(new DocumentDTO(OrderService.DOCUMENT_TYPE, order.id(), order.number(), order.state(), order.date(), order.total(),
                    order.currency()), document(h));
            }, post);
            return created;
        });
    }

    private static OrderDTO order(OrderService orders, long id) {
        try {
            return orders.get(id);
        } catch (NotFoundException e) {
            throw new NotFoundException("Order", id);
        }
    }

    /**
     * Services (and lines naming no product) may be invoiced on order, at the ordered quantity,
     * before or without a delivery; goods are invoiced as they ship.
     */
    private static boolean billedOnOrder(OrderLineDTO line, ProductDTO product) {
        return line.productId() == null || product != null && product.type() == ProductType.SERVICE;
    }

    /** An invoice line for {@code quantity} of an order line, priced as the order line. */
    private static InvoiceLineEntity fromOrderLine(OrderLineDTO ol, ProductDTO product, BigDecimal quantity, int decimals) {
        InvoiceLineEntity row = new InvoiceLineEntity();
        row.productId = ol.productId();
        row.productCode = ol.productCode();
        row.category = product == null ? null : product.category();
        row.description = ol.description() != null ? ol.description() : product != null ? product.name() : ol.productCode();
        row.unit = ol.unit();
        row.quantity = quantity.setScale(QUANTITY_SCALE, RoundingMode.HALF_UP);
        row.unitPrice = ol.unitPrice().setScale(PRICE_SCALE, RoundingMode.HALF_UP);
        // The order line's net (its own and the order's discount) in proportion to the quantity, so a whole line invoices to the order's figure.
        row.netAmount = ol.netAmount().multiply(quantity).divide(ol.quantity(), decimals, RoundingMode.HALF_UP);
        BigDecimal gross = row.quantity.multiply(row.unitPrice);
        row.discountPercent = gross.signum() == 0 ? BigDecimal.ZERO.setScale(PERCENT_SCALE)
            : HUNDRED.subtract(row.netAmount.multiply(HUNDRED).divide(gross, PERCENT_SCALE, RoundingMode.HALF_UP)).max(BigDecimal.ZERO);
        row.vatRate = ol.vatRate().setScale(2, RoundingMode.HALF_UP);
        amounts(row, decimals);
        return row;
    }

    @Override
    public InvoiceDTO fromReturn(long returnId, LocalDate date, boolean post) {
        ReturnService returns = sales.returns();
        ReturnDTO r;
        try {
            r = returns.get(returnId);
        } catch (NotFoundException e) {
            throw new NotFoundException("Return", returnId);
        }
        LocalDate day = date == null ? Times.today() : date;
        return jpa.txExpr(TransactionType.Required, em -> {
            List<InvoiceLineEntity> rows = new ArrayList<>();
            List<Source> sources = new ArrayList<>();
            InvoiceEntity credited = null;
            for (ReturnLineDTO rl : r.lines()) {
                List<InvoiceLineEntity> invoiced = postedLines(em, ShipmentService.DOCUMENT_TYPE, rl.shipmentLineId());
                if (invoiced.isEmpty() && rl.orderLineId() != null) {
                    // a service invoiced on order, then delivered and brought back
                    invoiced = postedLines(em, OrderService.DOCUMENT_TYPE, rl.orderLineId());
                }
                if (invoiced.isEmpty()) {
                    throw new ConflictException("Line " + rl.lineNo() + " of return " + r.number() + " came back from a shipment line no posted invoice "
                        + "holds; invoice the shipment first");
                }
                InvoiceLineEntity source = invoiced.get(0);
                InvoiceEntity invoice = em.find(InvoiceEntity.class, source.invoiceId);
                if (credited == null) {
                    credited = invoice;
                } else if (!credited.id.equals(invoice.id)) {
                    throw new ConflictException("Return " + r.number() + " brings back lines of invoices " + credited.number + " and " + invoice.number
                        + "; a credit note credits one invoice: return them apart");
                }
                InvoiceLineEntity row = new InvoiceLineEntity();
                row.productId = source.productId;
                row.productCode = source.productCode;
                row.category = source.category;
                row.description = source.description;
                row.unit = source.unit;
                row.quantity = rl.quantity().setScale(QUANTITY_SCALE, RoundingMode.HALF_UP);
                row.unitPrice = source.unitPrice;
                row.discountPercent = source.discountPercent;
                row.netAmount = source.netAmount.multiply(rl.quantity()).divide(source.quantity, invoice.amountScale, RoundingMode.HALF_UP);
                row.vatRate = source.vatRate;
                row.sourceType = ReturnService.DOCUMENT_TYPE;
                row.sourceId = r.id();
                row.sourceLineId = rl.id();
                amounts(row, invoice.amountScale);
                rows.add(row);
                sources.add(Source.of(ReturnService.DOCUMENT_TYPE, rl.id(), "Line " + rl.lineNo() + " of return " + r.number()));
            }
            // At the credited invoice's rate: crediting all of it then clears its receivable to the kuruş in the company currency too.
            BigDecimal rate = credited.exchangeRate;
            InvoiceEntity h = header(InvoiceKind.CREDIT_NOTE, company.party(r.customerId()), day, null, credited.currency, rate, credited.amountScale, rows);
            h.creditedInvoiceId = credited.id;
            h.reference = r.number();
            InvoiceDTO created = saved(em, new Draft(h, rows), sources, post);
            flow.link(new DocumentDTO(ReturnService.DOCUMENT_TYPE, r.id(), r.number(), r.state(), r.date(), r.totalCost(), r.currency()), document(h));
            return created;
        });
    }

    /** The posted (or paid) invoices' lines made from this sales line. */
    private static List<InvoiceLineEntity> postedLines(EntityManager em, String sourceType, Long sourceLineId) {
        return em.createQuery("SELECT l FROM InvoiceLineEntity l, InvoiceEntity i WHERE l.invoiceId = i.id "
            + "AND l.sourceType = :t AND l.sourceLineId = :s AND i.state IN ('posted', 'paid')", InvoiceLineEntity.class)
            .setParameter("t", sourceType).setParameter("s", sourceLineId).getResultList();
    }

    // ---- posting --------------------------------------------------------------------------

    @Override
    public InvoiceDTO post(long id) {
        return jpa.txExpr(TransactionType.Required, em -> post(em, lock(em, id)));
    }

    private InvoiceDTO post(EntityManager em, InvoiceEntity e) {
        InvoiceDTO before = toDto(em, e);
        if (!"draft".equals(e.state)) {
            throw new ConflictException("Invoice " + e.number + " is " + e.state + "; only a draft is posted");
        }
        // Numbers and documents' rows, then the journal, then the workflow (which writes the audit chain): every writer takes them in this order.
        e.number = numbering.next(series(InvoiceKind.valueOf(e.kind)), e.date);
        em.flush();
        // A credit note takes the credited invoice's row before the journal, as a payment does.
        InvoiceEntity credited = e.creditedInvoiceId == null ? null : offset(em, e);
        EntryEntity entry = journal.header(e.date, describe(e), e.currency, e.exchangeRate, DOCUMENT_TYPE, e.id, e.number);
        List<InvoiceLineEntity> invoiceLines = lines(em, e.id);
        List<JournalServiceImpl.Line> posting = postingLines(em, e, invoiceLines);
        journal.post(em, entry, posting);
        e.entryId = entry.id;
        // The receivable or payable line's base: the sum of the lines converted one by one, which is what the books hold.
        JournalServiceImpl.Line party = posting.get(0);
        e.baseTotal = party.baseDebit().add(party.baseCredit());
        e.state = workflow.transition(DOCUMENT_TYPE, e.id, "draft", "post", caller.user(), caller.roles(), null);
        em.flush();
        if (credited != null && credited.paid.compareTo(credited.total) == 0 && "posted".equals(credited.state)) {
            settled(em, credited);
        }
        if (e.paid.compareTo(e.total) == 0 && e.total.signum() > 0) {
            settled(em, e);
        }
        InvoiceDTO after = toDto(em, e);
        flow.record(document(e));
        events.publish("finance.invoice.posted", Map.of("id", e.id, "number", e.number, "partyId", e.partyId, "kind", e.kind, "total",
            after.total().toPlainString(), "currency", e.currency));
        audit.record(DOCUMENT_TYPE, String.valueOf(e.id), "posted", AuditService.diff(before, after));
        // Last: shipping and returns touch the unbilled rows after the documents and the flow.
        unbilled.posted(em, e, invoiceLines);
        return after;
    }

    private String describe(InvoiceEntity e) {
        String what = switch (InvoiceKind.valueOf(e.kind)) {
            case CUSTOMER_INVOICE -> "Invoice";
            case CREDIT_NOTE -> "Credit note";
            case SUPPLIER_INVOICE -> "Supplier invoice" + (e.supplierNumber == null ? "" : " " + e.supplierNumber);
        };
        return what + " " + e.number + " " + company.partyName(e.partyId);
    }

    /**
     * The journal lines of an invoice, accounts chosen by the posting rules. Each line's net and
     * each rate's VAT are converted to the company currency on their own; the party's line takes
     * their sum, so the entry balances to the kuruş in both currencies.
     */
    private List<JournalServiceImpl.Line> postingLines(EntityManager em, InvoiceEntity e, List<InvoiceLineEntity> lines) {
        PostingRuleServiceImpl.Rules rules = new PostingRuleServiceImpl.Rules(em, e.companyId);
        InvoiceKind kind = InvoiceKind.valueOf(e.kind);
        String group = kind == InvoiceKind.SUPPLIER_INVOICE ? null : sales.customerGroup(e.partyId);
        int base = company.decimals(company.currency());
        boolean outgoing = kind != InvoiceKind.CREDIT_NOTE && kind != InvoiceKind.SUPPLIER_INVOICE;
        List<JournalServiceImpl.Line> result = new ArrayList<>();
        BigDecimal partyBase = BigDecimal.ZERO;
        for (InvoiceLineEntity l : lines) {
            String purpose = switch (kind) {
                case CUSTOMER_INVOICE -> "REVENUE";
                case CREDIT_NOTE -> "SALES_RETURN";
                case SUPPLIER_INVOICE -> l.productId != null && isStocked(l.productId) ? "INVENTORY" : "EXPENSE";
            };
            long account = l.accountId != null ? l.accountId : rules.account(purpose, new PostingRuleServiceImpl.Match(l.category, group, l.vatRate));
            BigDecimal net = l.netAmount.setScale(e.amountScale, RoundingMode.HALF_UP);
            BigDecimal netBase = net.multiply(e.exchangeRate).setScale(base, RoundingMode.HALF_UP);
            partyBase = partyBase.add(netBase);
            result.add(side(outgoing, account, l.productId, purpose, net, netBase, l.description));
        }
        Map<BigDecimal, BigDecimal> vatByRate = new TreeMap<>();
        lines.forEach(l -> vatByRate.merge(l.vatRate.stripTrailingZeros(), l.vatAmount, BigDecimal::add));
        String vatPurpose = kind == InvoiceKind.SUPPLIER_INVOICE ? "VAT_INPUT" : "VAT_OUTPUT";
        for (Map.Entry<BigDecimal, BigDecimal> vat : vatByRate.entrySet()) {
            BigDecimal amount = vat.getValue().setScale(e.amountScale, RoundingMode.HALF_UP);
            BigDecimal amountBase = amount.multiply(e.exchangeRate).setScale(base, RoundingMode.HALF_UP);
            partyBase = partyBase.add(amountBase);
            long account = rules.account(vatPurpose, new PostingRuleServiceImpl.Match(null, group, vat.getKey()));
            // Customer side: VAT is owed (credit) on an invoice and given back (debit) on a credit note; supplier side it is reclaimable (debit).
            boolean credit = kind == InvoiceKind.CUSTOMER_INVOICE;
            result.add(credit ? new JournalServiceImpl.Line(account, null, null, vatPurpose, zero(e), amount, zero(base), amountBase, "KDV %" + vat.getKey()
                .toPlainString(), null) : new JournalServiceImpl.Line(account, null, null, vatPurpose, amount, zero(e), amountBase, zero(base),
                "KDV %" + vat.getKey().toPlainString(), null));
        }
        String partyPurpose = kind == InvoiceKind.SUPPLIER_INVOICE ? "PAYABLE" : "RECEIVABLE";
        long partyAccount = rules.account(partyPurpose, new PostingRuleServiceImpl.Match(null, group, null));
        BigDecimal total = e.total.setScale(e.amountScale, RoundingMode.HALF_UP);
        boolean partyDebit = kind == InvoiceKind.CUSTOMER_INVOICE;
        result.add(0, partyDebit ? new JournalServiceImpl.Line(partyAccount, e.partyId, null, partyPurpose, total, zero(e), partyBase, zero(base),
            e.number, null) : new JournalServiceImpl.Line(partyAccount, e.partyId, null, partyPurpose, zero(e), total, zero(base), partyBase, e.number,
            null));
        return result;
    }

    /** A revenue line is a credit, a sales-return, stock or expense line a debit. */
    private static JournalServiceImpl.Line side(boolean credit, long account, Long product, String purpose, BigDecimal amount, BigDecimal base,
        String description) {
        BigDecimal none = BigDecimal.ZERO.setScale(amount.scale());
        BigDecimal noneBase = BigDecimal.ZERO.setScale(base.scale());
        return credit ? new JournalServiceImpl.Line(account, null, product, purpose, none, amount, noneBase, base, description, null)
            : new JournalServiceImpl.Line(account, null, product, purpose, amount, none, base, noneBase, description, null);
    }

    private static BigDecimal zero(InvoiceEntity e) {
        return BigDecimal.ZERO.setScale(e.amountScale);
    }

    private static BigDecimal zero(int scale) {
        return BigDecimal.ZERO.setScale(scale);
    }

    private boolean isStocked(long productId) {
        return company.product(productId).type() == ProductType.STOCKED;
    }

    @Override
    public InvoiceDTO cancel(long id) {
        return jpa.txExpr(TransactionType.Required, em -> {
            InvoiceEntity e = lock(em, id);
            InvoiceDTO before = toDto(em, e);
            e.state = workflow.transition(DOCUMENT_TYPE, e.id, e.state, "cancel", caller.user(), caller.roles(), null);
            em.createNativeQuery("DELETE FROM KV_FIN_INVOICED WHERE INVOICE_ID = ?").setParameter(1, id).executeUpdate();
            em.flush();
            InvoiceDTO after = toDto(em, e);
            audit.record(DOCUMENT_TYPE, String.valueOf(id), "cancelled", AuditService.diff(before, after));
            return after;
        });
    }

    /**
     * A credit note settles what is still open of the invoice it credits, as far as it goes (no
     * money moves: the receivable already nets in the books); what it exceeds stays open, owed
     * to the customer. Both rows change by conditional updates, the invoice's first.
     */
    private InvoiceEntity offset(EntityManager em, InvoiceEntity note) {
        // Under the invoice's row lock, taken before the workflow's audit record, as a payment takes it.
        InvoiceEntity invoice = lock(em, note.creditedInvoiceId);
        BigDecimal amount = invoice.total.subtract(invoice.paid).min(note.total);
        if (!"posted".equals(invoice.state) || amount.signum() <= 0) {
            return invoice;
        }
        // Both rows are held, so each update must take; one that does not means the amounts moved under the lock,
        // and the whole posting is refused rather than offset by half.
        for (long id : new long[] {invoice.id, note.id}) {
            int updated = em.createNativeQuery("UPDATE KV_FIN_INVOICE SET PAID = PAID + ?, VERSION = VERSION + 1 WHERE ID = ? AND PAID + ? <= TOTAL")
                .setParameter(1, amount).setParameter(2, id).setParameter(3, amount).executeUpdate();
            if (updated != 1) {
                throw new ConflictException("Invoice " + invoice.number + " changed while credit note " + note.number + " was offset against it; retry");
            }
        }
        em.refresh(invoice);
        em.refresh(note);
        return invoice;
    }

    /** Marks a fully allocated invoice paid (called under the allocation's row lock). */
    void settled(EntityManager em, InvoiceEntity e) {
        e.state = workflow.transition(DOCUMENT_TYPE, e.id, "posted", "settle", caller.user(), caller.roles(), null);
        flow.record(document(e));
        events.publish("finance.invoice.paid", Map.of("id", e.id, "number", e.number, "partyId", e.partyId));
    }

    // ---- reading --------------------------------------------------------------------------

    @Override
    public InvoiceDTO get(long id) {
        return jpa.txExpr(TransactionType.Supports, em -> toDto(em, load(em, id)));
    }

    @Override
    public InvoiceDTO find(String idOrNumber) {
        String key = idOrNumber == null ? "" : idOrNumber.strip();
        if (key.matches("\\d{1,18}")) {
            return get(Long.parseLong(key));
        }
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery("SELECT i FROM InvoiceEntity i WHERE i.number = :n", InvoiceEntity.class)
            .setParameter("n", key).getResultList().stream().findFirst().map(i -> toDto(em, i)).orElseThrow(() -> new NotFoundException("Invoice", key)));
    }

    @Override
    public Page<InvoiceDTO> list(PageRequest request) {
        long companyId = company.id();
        String sort = request.sortField(SORT_FIELDS, "id");
        InvoiceKind kind = Queries.enumValue(InvoiceKind.class, "kind", request.filter("kind"));
        Long party = request.longFilter("party");
        Boolean open = request.booleanFilter("open");
        LocalDate from = request.filter("from") == null ? null : io.kovan.kernel.api.rest.Params.date("from", request.filter("from"));
        LocalDate to = request.filter("to") == null ? null : io.kovan.kernel.api.rest.Params.date("to", request.filter("to"));
        return jpa.txExpr(TransactionType.Supports, em -> Queries.page(em, InvoiceEntity.class, request, (cb, i) -> {
            List<Predicate> where = new ArrayList<>();
            where.add(cb.equal(i.get("companyId"), companyId));
            if (kind != null) {
                where.add(cb.equal(i.get("kind"), kind.name()));
            }
            if (party != null) {
                where.add(cb.equal(i.get("partyId"), party));
            }
            if (request.filter("state") != null) {
                where.add(cb.equal(i.get("state"), request.filter("state")));
            }
            if (Boolean.TRUE.equals(open)) {
                where.add(cb.equal(i.get("state"), "posted"));
            }
            if (from != null) {
                where.add(cb.greaterThanOrEqualTo(i.get("date"), from));
            }
            if (to != null) {
                where.add(cb.lessThanOrEqualTo(i.get("date"), to));
            }
            return where;
        }, sort, "id", i -> toDto(em, i)));
    }

    static InvoiceEntity load(EntityManager em, long id) {
        InvoiceEntity e = em.find(InvoiceEntity.class, id);
        if (e == null) {
            throw new NotFoundException("Invoice", id);
        }
        return e;
    }

    static InvoiceEntity lock(EntityManager em, long id) {
        InvoiceEntity e = em.find(InvoiceEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (e == null) {
            throw new NotFoundException("Invoice", id);
        }
        return e;
    }

    static List<InvoiceLineEntity> lines(EntityManager em, long invoiceId) {
        return em.createQuery("SELECT l FROM InvoiceLineEntity l WHERE l.invoiceId = :i ORDER BY l.lineNo", InvoiceLineEntity.class)
            .setParameter("i", invoiceId).getResultList();
    }

    static DocumentDTO document(InvoiceEntity e) {
        return new DocumentDTO(DOCUMENT_TYPE, e.id, e.number == null ? "draft-" + e.id : e.number, e.state, e.date,
            e.total.setScale(e.amountScale, RoundingMode.HALF_UP), e.currency);
    }

    InvoiceDTO toDto(EntityManager em, InvoiceEntity e) {
        int d = e.amountScale;
        List<InvoiceLineEntity> rows = lines(em, e.id);
        List<InvoiceLineDTO> items = rows.stream().map(l -> new InvoiceLineDTO(l.id, l.lineNo, l.productId, l.productCode, l.description, l.unit,
            l.quantity.setScale(QUANTITY_SCALE, RoundingMode.HALF_UP), l.unitPrice.setScale(PRICE_SCALE, RoundingMode.HALF_UP),
            l.discountPercent.setScale(2, RoundingMode.HALF_UP), l.netAmount.setScale(d, RoundingMode.HALF_UP), l.vatRate.setScale(2, RoundingMode.HALF_UP),
            l.vatAmount.setScale(d, RoundingMode.HALF_UP), l.totalAmount.setScale(d, RoundingMode.HALF_UP), l.accountId, l.sourceType, l.sourceId,
            l.sourceLineId)).toList();
        Map<BigDecimal, BigDecimal[]> vat = new LinkedHashMap<>();
        rows.stream().sorted(java.util.Comparator.comparing((InvoiceLineEntity l) -> l.vatRate).reversed()).forEach(l -> {
            BigDecimal[] sums = vat.computeIfAbsent(l.vatRate.setScale(2, RoundingMode.HALF_UP), r -> new BigDecimal[] {BigDecimal.ZERO.setScale(d),
                BigDecimal.ZERO.setScale(d)});
            sums[0] = sums[0].add(l.netAmount.setScale(d, RoundingMode.HALF_UP));
            sums[1] = sums[1].add(l.vatAmount.setScale(d, RoundingMode.HALF_UP));
        });
        List<VatSummaryLineDTO> summary = vat.entrySet().stream().map(x -> new VatSummaryLineDTO(x.getKey(), x.getValue()[0], x.getValue()[1])).toList();
        BigDecimal total = e.total.setScale(d, RoundingMode.HALF_UP);
        BigDecimal paid = e.paid.setScale(d, RoundingMode.HALF_UP);
        return new InvoiceDTO(e.id, e.number, InvoiceKind.valueOf(e.kind), e.state, e.partyId, company.partyName(e.partyId), e.date, e.dueDate,
            e.currency, e.exchangeRate.stripTrailingZeros(), items, summary, e.netTotal.setScale(d, RoundingMode.HALF_UP),
            e.vatTotal.setScale(d, RoundingMode.HALF_UP), total, e.baseTotal.setScale(company.decimals(company.currency()), RoundingMode.HALF_UP), paid,
            "cancelled".equals(e.state) || "draft".equals(e.state) ? BigDecimal.ZERO.setScale(d) : total.subtract(paid), e.entryId, e.creditedInvoiceId,
            e.supplierNumber, e.reference, e.notes, e.uuid, null, e.version, Times.instant(e.createdAt));
    }
}
