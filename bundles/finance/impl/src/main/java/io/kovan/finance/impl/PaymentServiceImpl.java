package io.kovan.finance.impl;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import javax.persistence.criteria.Predicate;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.kovan.finance.api.AllocationDTO;
import io.kovan.finance.api.InvoiceKind;
import io.kovan.finance.api.PaymentDTO;
import io.kovan.finance.api.PaymentDirection;
import io.kovan.finance.api.PaymentService;
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
import io.kovan.kernel.api.party.PartyDTO;
import io.kovan.kernel.api.persistence.Queries;
import io.kovan.kernel.api.security.Caller;

/**
 * Collections and payments in KV_FIN_PAYMENT, posted when recorded, and their allocations to
 * invoices. An allocation raises the invoice's PAID and the payment's ALLOCATED each by one
 * conditional update (and the database's CHECKs stand behind both), so neither is ever
 * exceeded, whatever the concurrency. Invoices are locked in id order after the payment.
 */
@Component(service = {PaymentService.class, PaymentServiceImpl.class})
public class PaymentServiceImpl implements PaymentService {

    static final String SERIES = "PAY";
    private static final Set<String> SORT_FIELDS = Set.of("number", "date", "id");
    static final int MAX_ALLOCATIONS = 1000;

    private final JpaTemplate jpa;
    private final Company company;
    private final JournalServiceImpl journal;
    private final InvoiceServiceImpl invoices;
    private final NumberingService numbering;
    private final DocumentFlowService flow;
    private final EventPublisher events;
    private final AuditService audit;
    private final Caller caller;
    private final SalesLink sales;

    @Activate
    public PaymentServiceImpl(@Reference(target = "(osgi.unit.name=kovan-finance)") JpaTemplate jpa, @Reference Transactions kernelReady,
        @Reference Company company, @Reference JournalServiceImpl journal, @Reference InvoiceServiceImpl invoices, @Reference NumberingService numbering,
        @Reference DocumentFlowService flow, @Reference EventPublisher events, @Reference AuditService audit, @Reference Caller caller,
        @Reference SalesLink sales) {
        this.jpa = jpa;
        this.company = company;
        this.journal = journal;
        this.invoices = invoices;
        this.numbering = numbering;
        this.flow = flow;
        this.events = events;
        this.audit = audit;
        this.caller = caller;
        this.sales = sales;
        numbering.define(new NumberSeriesDTO(SERIES, "PAY", true, 6, "Collections and payments"));
    }

    @Override
    public PaymentDTO create(PaymentDTO in) {
        Violations v = new Violations();
        v.require("direction", in.direction());
        PartyDTO party = company.party(v, "partyId", in.partyId());
        if (party != null && in.direction() != null) {
            // A collection comes from a customer, a payment goes to a supplier (a refund to a customer settles its credit note).
            v.check(party.roles() != null && (party.roles().contains(io.kovan.kernel.api.party.PartyRole.CUSTOMER)
                || party.roles().contains(io.kovan.kernel.api.party.PartyRole.SUPPLIER)), "partyId", "party " + party.name()
                + " is neither a customer nor a supplier");
        }
        LocalDate date = in.date() == null ? Times.today() : in.date();
        Company.dated(v, "date", date);
        String currency = in.currency() != null ? in.currency().strip().toUpperCase(java.util.Locale.ROOT)
            : party != null && party.currency() != null ? party.currency() : company.currency();
        int decimals = company.decimals(v, "currency", currency);
        v.positive("amount", in.amount(), decimals);
        Company.bounded(v, "amount", in.amount());
        v.maxLength("reference", in.reference(), 64);
        BigDecimal rate = in.exchangeRate();
        if (rate != null) {
            v.positive("exchangeRate", rate, Company.RATE_SCALE);
            company.rateOfOwnCurrency(v, "exchangeRate", currency, rate);
        }
        List<AllocationDTO> allocations = in.allocations() == null ? List.of() : in.allocations();
        checkAllocations(v, allocations, decimals);
        v.throwIfAny();
        if (rate == null) {
            rate = company.rate(v, "exchangeRate", currency, date);
            v.throwIfAny();
        }
        BigDecimal exchangeRate = rate;
        return jpa.txExpr(TransactionType.Required, em -> {
            Violations check = new Violations();
            long companyId = company.id();
            PostingRuleServiceImpl.Rules rules = new PostingRuleServiceImpl.Rules(em, companyId);
            AccountEntity account = in.accountId() == null && in.accountCode() == null
                ? em.find(AccountEntity.class, rules.account("BANK", PostingRuleServiceImpl.Match.NONE))
                : AccountServiceImpl.postable(em, check, "accountId", companyId, in.accountId(), in.accountCode());
            if (account != null) {
                // Money moves through cash or bank: the CASH or BANK rule's account or one below it.
                List<AccountEntity> money = java.util.stream.Stream.of("CASH", "BANK").map(rules::defaultAccount).filter(java.util.Objects::nonNull)
                    .map(id -> em.find(AccountEntity.class, id)).toList();
                check.check(money.stream().anyMatch(root -> under(account, root)), "accountId", "account " + account.code
                    + " is not a cash or bank account (under " + String.join(" or ", money.stream().map(a -> a.code).toList()) + ")");
            }
            check.throwIfAny();
            PaymentEntity p = new PaymentEntity();
            p.companyId = companyId;
            p.direction = in.direction().name();
            p.state = "posted";
            p.partyId = party.id();
            p.date = date;
            p.amount = in.amount().setScale(decimals, RoundingMode.UNNECESSARY);
            p.currency = currency;
            p.exchangeRate = exchangeRate;
            p.amountScale = decimals;
            p.accountId = account.id;
            p.allocated = BigDecimal.ZERO;
            p.reference = JournalServiceImpl.blankToNull(in.reference());
            p.createdAt = Times.now();
            p.createdBy = caller.user();
            p.number = numbering.next(SERIES, date);
            em.persist(p);
            em.flush();
            // The invoices' rows before the journal, as every writer takes them; the entry then holds the exchange differences too.
            Allocated allocated = allocations.isEmpty() ? Allocated.NONE : allocate(em, p, allocations);
            post(em, p, allocated.differences());
            flow.record(document(p));
            settle(em, p, allocated);
            events.publish("finance.payment.created", Map.of("id", p.id, "number", p.number, "partyId", p.partyId, "direction", p.direction,
                "amount", p.amount.toPlainString(), "currency", p.currency));
            PaymentDTO created = toDto(em, p);
            audit.record(DOCUMENT_TYPE, String.valueOf(p.id), "created", AuditService.diff(null, created));
            return created;
        });
    }

    private static boolean under(AccountEntity account, AccountEntity root) {
        return account.code.equals(root.code) || account.code.startsWith(root.code + ".");
    }

    private static void checkAllocations(Violations v, List<AllocationDTO> allocations, int decimals) {
        v.check(allocations.size() <= MAX_ALLOCATIONS, "allocations", "must be at most " + MAX_ALLOCATIONS);
        Set<Long> seen = new java.util.HashSet<>();
        for (int i = 0; i < allocations.size(); i++) {
            AllocationDTO a = allocations.get(i);
            if (a == null) {
                v.check(false, "allocations[" + i + "]", "is required");
                continue;
            }
            v.require("allocations[" + i + "].invoiceId", a.invoiceId());
            v.check(a.invoiceId() == null || seen.add(a.invoiceId()), "allocations[" + i + "].invoiceId", "names an invoice twice");
            v.positive("allocations[" + i + "].amount", a.amount(), decimals);
            Company.bounded(v, "allocations[" + i + "].amount", a.amount());
        }
    }

    /**
     * Collection: cash or bank up, the customer's receivable down. Payment: the supplier's payable
     * down, cash or bank down. Then the allocations' exchange differences.
     */
    private void post(EntityManager em, PaymentEntity p, List<JournalServiceImpl.Line> differences) {
        PostingRuleServiceImpl.Rules rules = new PostingRuleServiceImpl.Rules(em, p.companyId);
        boolean incoming = PaymentDirection.INCOMING.name().equals(p.direction);
        PartyDTO party = company.party(p.partyId);
        boolean customer = party.roles() != null && party.roles().contains(io.kovan.kernel.api.party.PartyRole.CUSTOMER);
        boolean supplier = party.roles() != null && party.roles().contains(io.kovan.kernel.api.party.PartyRole.SUPPLIER);
        // The customer's receivable, or the supplier's payable: a collection from a customer, a refund to one, a payment to a supplier.
        String partyPurpose = customer && (incoming || !supplier) ? "RECEIVABLE" : "PAYABLE";
        long partyAccount = rules.account(partyPurpose, new PostingRuleServiceImpl.Match(null,
            partyPurpose.equals("RECEIVABLE") ? sales.customerGroup(p.partyId) : null, null));
        int base = company.decimals(company.currency());
        BigDecimal amount = p.amount;
        BigDecimal amountBase = amount.multiply(p.exchangeRate).setScale(base, RoundingMode.HALF_UP);
        BigDecimal none = BigDecimal.ZERO.setScale(p.amountScale);
        BigDecimal noneBase = BigDecimal.ZERO.setScale(base);
        String what = (incoming ? "Collection " : "Payment ") + p.number + " " + company.partyName(p.partyId);
        JournalServiceImpl.Line money = incoming
            ? new JournalServiceImpl.Line(p.accountId, null, null, "CASH", amount, none, amountBase, noneBase, what, null)
            : new JournalServiceImpl.Line(p.accountId, null, null, "CASH", none, amount, noneBase, amountBase, what, null);
        JournalServiceImpl.Line partyLine = incoming
            ? new JournalServiceImpl.Line(partyAccount, p.partyId, null, partyPurpose, none, amount, noneBase, amountBase, p.number, null)
            : new JournalServiceImpl.Line(partyAccount, p.partyId, null, partyPurpose, amount, none, amountBase, noneBase, p.number, null);
        EntryEntity entry = journal.header(p.date, what, p.currency, p.exchangeRate, DOCUMENT_TYPE, p.id, p.number);
        List<JournalServiceImpl.Line> lines = new java.util.ArrayList<>(incoming ? List.of(money, partyLine) : List.of(partyLine, money));
        lines.addAll(differences);
        journal.post(em, entry, lines);
        p.entryId = entry.id;
        em.flush();
    }

    @Override
    public PaymentDTO allocate(long id, List<AllocationDTO> allocations) {
        Violations v = new Violations();
        v.check(allocations != null && !allocations.isEmpty(), "allocations", "names at least one invoice");
        v.throwIfAny();
        return jpa.txExpr(TransactionType.Required, em -> {
            PaymentEntity p = em.find(PaymentEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
            if (p == null || p.companyId != company.id()) {
                throw new NotFoundException("Payment", id);
            }
            Violations check = new Violations();
            checkAllocations(check, allocations, p.amountScale);
            check.throwIfAny();
            PaymentDTO before = toDto(em, p);
            Allocated allocated = allocate(em, p, allocations);
            if (!allocated.differences().isEmpty()) {
                journal.post(em, journal.header(p.date, "Exchange difference " + p.number, company.currency(), BigDecimal.ONE, DOCUMENT_TYPE, p.id,
                    p.number), allocated.differences());
            }
            settle(em, p, allocated);
            PaymentDTO after = toDto(em, p);
            audit.record(DOCUMENT_TYPE, String.valueOf(p.id), "allocated", AuditService.diff(before, after));
            return after;
        });
    }

    /** What allocating did: the lines of the realised exchange differences (none when rates agree), and the invoices it reached. */
    private record Allocated(List<JournalServiceImpl.Line> differences, List<InvoiceEntity> invoices) {
        static final Allocated NONE = new Allocated(List.of(), List.of());
    }

    /**
     * Allocates to the invoices in id order; any one that does not fit makes the whole call a 409.
     * Takes only the invoices' rows: the journal comes after, then {@link #settle} (workflow and
     * flow), in the order every writer takes them.
     */
    private Allocated allocate(EntityManager em, PaymentEntity p, List<AllocationDTO> allocations) {
        Set<String> settles = PaymentDirection.INCOMING.name().equals(p.direction) ? Set.of(InvoiceKind.CUSTOMER_INVOICE.name())
            : Set.of(InvoiceKind.SUPPLIER_INVOICE.name(), InvoiceKind.CREDIT_NOTE.name());
        Violations v = new Violations();
        for (int i = 0; i < allocations.size(); i++) {
            InvoiceEntity invoice = em.find(InvoiceEntity.class, allocations.get(i).invoiceId());
            String field = "allocations[" + i + "].invoiceId";
            v.check(invoice != null && invoice.companyId == p.companyId, field, "unknown invoice " + allocations.get(i).invoiceId());
            if (invoice != null) {
                v.check(invoice.partyId == p.partyId, field, "invoice " + invoice.number + " is another party's");
                v.check(settles.contains(invoice.kind), field, "a " + p.direction.toLowerCase(java.util.Locale.ROOT) + " payment settles " + settles);
                v.check(invoice.currency.equals(p.currency), field, "invoice " + invoice.number + " is in " + invoice.currency + ", the payment in "
                    + p.currency);
            }
        }
        v.throwIfAny();
        BigDecimal total = allocations.stream().map(AllocationDTO::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        int rows = em.createNativeQuery("UPDATE KV_FIN_PAYMENT SET ALLOCATED = ALLOCATED + ?, VERSION = VERSION + 1 WHERE ID = ? AND ALLOCATED + ? <= AMOUNT")
            .setParameter(1, total).setParameter(2, p.id).setParameter(3, total).executeUpdate();
        if (rows != 1) {
            em.refresh(p);
            throw new ConflictException("Payment " + p.number + " has " + p.amount.subtract(p.allocated).setScale(p.amountScale).toPlainString()
                + " " + p.currency + " left to allocate, " + total.toPlainString() + " asked");
        }
        List<JournalServiceImpl.Line> differences = new java.util.ArrayList<>();
        List<InvoiceEntity> reached = new java.util.ArrayList<>();
        BigDecimal allocatedBefore = p.allocated;
        for (AllocationDTO a : allocations.stream().sorted(Comparator.comparingLong(AllocationDTO::invoiceId)).toList()) {
            InvoiceEntity invoice = InvoiceServiceImpl.lock(em, a.invoiceId());
            BigDecimal paidBefore = invoice.paid;
            if (!"posted".equals(invoice.state)) {
                throw new ConflictException("Invoice " + (invoice.number == null ? invoice.id : invoice.number) + " is " + invoice.state
                    + "; only a posted, unpaid invoice takes payments");
            }
            BigDecimal amount = a.amount().setScale(p.amountScale, RoundingMode.UNNECESSARY);
            int updated = em.createNativeQuery("UPDATE KV_FIN_INVOICE SET PAID = PAID + ?, VERSION = VERSION + 1 WHERE ID = ? AND STATE = 'posted' "
                + "AND PAID + ? <= TOTAL").setParameter(1, amount).setParameter(2, invoice.id).setParameter(3, amount).executeUpdate();
            if (updated != 1) {
                throw new ConflictException("Invoice " + invoice.number + " is open for " + invoice.total.subtract(invoice.paid).setScale(p.amountScale)
                    .toPlainString() + " " + invoice.currency + ", " + amount.toPlainString() + " allocated");
            }
            AllocationEntity row = new AllocationEntity();
            row.paymentId = p.id;
            row.invoiceId = invoice.id;
            row.amount = amount;
            row.date = p.date;
            row.createdAt = Times.now();
            em.persist(row);
            differences.addAll(exchangeDifference(em, p, invoice, paidBefore, allocatedBefore, amount));
            allocatedBefore = allocatedBefore.add(amount);
            em.refresh(invoice);
            reached.add(invoice);
        }
        em.flush();
        em.refresh(p);
        return new Allocated(differences, reached);
    }

    /** Marks the invoices paid in full as paid, and links them to the payment in the document flow. */
    private void settle(EntityManager em, PaymentEntity p, Allocated allocated) {
        for (InvoiceEntity invoice : allocated.invoices()) {
            if (invoice.paid.compareTo(invoice.total) == 0) {
                invoices.settled(em, invoice);
            }
            flow.link(InvoiceServiceImpl.document(invoice), document(p));
        }
    }

    /**
     * What settling {@code amount} of the invoice leaves on the party's account in the company
     * currency: the invoice booked it at its rate, the payment at its own. Each side's share is the
     * step of its running total, so settling all of an invoice, or allocating all of a payment,
     * takes exactly the base amount it booked. The rest goes to exchange gains (646) or losses (656).
     */
    private List<JournalServiceImpl.Line> exchangeDifference(EntityManager em, PaymentEntity p, InvoiceEntity invoice, BigDecimal paidBefore,
        BigDecimal allocatedBefore, BigDecimal amount) {
        int base = company.decimals(company.currency());
        BigDecimal invoiceShare = share(invoice.baseTotal, invoice.total, paidBefore, amount, base);
        BigDecimal paymentBase = p.amount.multiply(p.exchangeRate).setScale(base, RoundingMode.HALF_UP);
        BigDecimal paymentShare = share(paymentBase, p.amount, allocatedBefore, amount, base);
        BigDecimal left = invoiceShare.subtract(paymentShare);
        if (left.signum() == 0) {
            return List.of();
        }
        PostingRuleServiceImpl.Rules rules = new PostingRuleServiceImpl.Rules(em, p.companyId);
        boolean receivable = !InvoiceKind.SUPPLIER_INVOICE.name().equals(invoice.kind);
        String partyPurpose = receivable ? "RECEIVABLE" : "PAYABLE";
        long partyAccount = rules.account(partyPurpose, new PostingRuleServiceImpl.Match(null, receivable ? sales.customerGroup(p.partyId) : null, null));
        // The invoice booked the party on its debit side (a customer invoice) or its credit side (a supplier invoice, a credit note).
        boolean invoiceDebits = InvoiceKind.CUSTOMER_INVOICE.name().equals(invoice.kind);
        boolean loss = invoiceDebits == (left.signum() > 0);
        long counter = rules.account(loss ? "FX_LOSS" : "FX_GAIN", PostingRuleServiceImpl.Match.NONE);
        BigDecimal size = left.abs();
        BigDecimal none = BigDecimal.ZERO.setScale(p.amountScale);
        BigDecimal noneBase = BigDecimal.ZERO.setScale(base);
        // What is left stands on the invoice's side: clear it from the other.
        boolean partyDebit = left.signum() > 0 ? !invoiceDebits : invoiceDebits;
        String text = "Exchange difference " + invoice.number;
        return List.of(
            new JournalServiceImpl.Line(partyAccount, p.partyId, null, partyPurpose, none, none, partyDebit ? size : noneBase, partyDebit ? noneBase : size,
                text, null),
            new JournalServiceImpl.Line(counter, null, null, loss ? "FX_LOSS" : "FX_GAIN", none, none, partyDebit ? noneBase : size,
                partyDebit ? size : noneBase, text, null));
    }

    /** The base amount of {@code amount} more of a document's {@code total}: the step of its running total's share of {@code baseTotal}. */
    private static BigDecimal share(BigDecimal baseTotal, BigDecimal total, BigDecimal before, BigDecimal amount, int scale) {
        BigDecimal to = baseTotal.multiply(before.add(amount)).divide(total, scale, RoundingMode.HALF_UP);
        BigDecimal from = baseTotal.multiply(before).divide(total, scale, RoundingMode.HALF_UP);
        return to.subtract(from);
    }

    @Override
    public PaymentDTO get(long id) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            PaymentEntity p = em.find(PaymentEntity.class, id);
            if (p == null || p.companyId != company.id()) {
                throw new NotFoundException("Payment", id);
            }
            return toDto(em, p);
        });
    }

    @Override
    public Page<PaymentDTO> list(PageRequest request) {
        long companyId = company.id();
        String sort = request.sortField(SORT_FIELDS, "id");
        PaymentDirection direction = Queries.enumValue(PaymentDirection.class, "direction", request.filter("direction"));
        Long party = request.longFilter("party");
        LocalDate from = request.filter("from") == null ? null : io.kovan.kernel.api.rest.Params.date("from", request.filter("from"));
        LocalDate to = request.filter("to") == null ? null : io.kovan.kernel.api.rest.Params.date("to", request.filter("to"));
        return jpa.txExpr(TransactionType.Supports, em -> Queries.page(em, PaymentEntity.class, request, (cb, p) -> {
            List<Predicate> where = new ArrayList<>();
            where.add(cb.equal(p.get("companyId"), companyId));
            if (direction != null) {
                where.add(cb.equal(p.get("direction"), direction.name()));
            }
            if (party != null) {
                where.add(cb.equal(p.get("partyId"), party));
            }
            if (from != null) {
                where.add(cb.greaterThanOrEqualTo(p.get("date"), from));
            }
            if (to != null) {
                where.add(cb.lessThanOrEqualTo(p.get("date"), to));
            }
            return where;
        }, sort, "id", p -> toDto(em, p)));
    }

    static DocumentDTO document(PaymentEntity p) {
        return new DocumentDTO(DOCUMENT_TYPE, p.id, p.number, p.state, p.date, p.amount.setScale(p.amountScale, RoundingMode.HALF_UP), p.currency);
    }

    private PaymentDTO toDto(EntityManager em, PaymentEntity p) {
        int d = p.amountScale;
        List<AllocationDTO> allocations = em.createQuery("SELECT a FROM AllocationEntity a WHERE a.paymentId = :p ORDER BY a.id", AllocationEntity.class)
            .setParameter("p", p.id).getResultList().stream().map(a -> new AllocationDTO(a.id, a.paymentId, a.invoiceId,
                em.find(InvoiceEntity.class, a.invoiceId).number, a.amount.setScale(d, RoundingMode.HALF_UP), a.date)).toList();
        AccountEntity account = em.find(AccountEntity.class, p.accountId);
        BigDecimal amount = p.amount.setScale(d, RoundingMode.HALF_UP);
        BigDecimal allocated = p.allocated.setScale(d, RoundingMode.HALF_UP);
        return new PaymentDTO(p.id, p.number, PaymentDirection.valueOf(p.direction), p.state, p.partyId, company.partyName(p.partyId), p.date, amount,
            p.currency, p.exchangeRate.stripTrailingZeros(), p.accountId, account.code, allocated, amount.subtract(allocated), allocations, p.entryId,
            p.reference, p.version, Times.instant(p.createdAt));
    }
}
