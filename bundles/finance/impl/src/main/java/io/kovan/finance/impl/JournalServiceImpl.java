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
import javax.persistence.criteria.Predicate;
import javax.persistence.criteria.Root;
import javax.persistence.criteria.Subquery;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.kovan.finance.api.JournalEntryDTO;
import io.kovan.finance.api.JournalLineDTO;
import io.kovan.finance.api.JournalService;
import io.kovan.kernel.api.ConflictException;
import io.kovan.kernel.api.NotFoundException;
import io.kovan.kernel.api.Page;
import io.kovan.kernel.api.PageRequest;
import io.kovan.kernel.api.StaleVersionException;
import io.kovan.kernel.api.Transactions;
import io.kovan.kernel.api.Violations;
import io.kovan.kernel.api.audit.AuditService;
import io.kovan.kernel.api.numbering.NumberSeriesDTO;
import io.kovan.kernel.api.numbering.NumberingService;
import io.kovan.kernel.api.persistence.Queries;
import io.kovan.kernel.api.security.Caller;

/**
 * The journal: entries in KV_FIN_ENTRY with their lines, and the one way anything is posted
 * ({@link #post(EntityManager, EntryEntity, List)}), which every automatic posting goes through
 * in its caller's transaction: the period's shared lock, the balance check, the gapless number,
 * and a conditional update that the database accepts only when the lines add up to the totals.
 */
@Component(service = {JournalService.class, JournalServiceImpl.class})
public class JournalServiceImpl implements JournalService {

    static final String SERIES = "JE";
    static final String DRAFT = "draft";
    static final String POSTED = "posted";
    static final String REVERSED = "reversed";
    static final int MAX_LINES = 5000;
    /** Journal lines per insert statement: 1,500 parameters, far inside what Derby and PostgreSQL take. */
    private static final int LINES_PER_INSERT = 100;

    private final JpaTemplate jpa;
    private final Company company;
    private final PeriodServiceImpl periods;
    private final NumberingService numbering;
    private final Caller caller;
    private final AuditService audit;
    private final BudgetServiceImpl budgets;

    @Activate
    public JournalServiceImpl(@Reference(target = "(osgi.unit.name=kovan-finance)") JpaTemplate jpa, @Reference Transactions kernelReady,
        @Reference Company company, @Reference PeriodServiceImpl periods, @Reference NumberingService numbering, @Reference Caller caller,
        @Reference AuditService audit, @Reference BudgetServiceImpl budgets) {
        this.jpa = jpa;
        this.budgets = budgets;
        this.company = company;
        this.periods = periods;
        this.numbering = numbering;
        this.caller = caller;
        this.audit = audit;
        numbering.define(new NumberSeriesDTO(SERIES, "JE", true, 6, "Journal entries"));
    }

    /** A line to post: amounts in the entry's currency and in the company's. */
    record Line(long accountId, Long partyId, Long productId, String purpose, BigDecimal debit, BigDecimal credit, BigDecimal baseDebit,
        BigDecimal baseCredit, String description, String costCentre) {

        /** A line in the company currency. */
        static Line base(long accountId, Long partyId, Long productId, String purpose, BigDecimal debit, BigDecimal credit, String description) {
            return new Line(accountId, partyId, productId, purpose, debit, credit, debit, credit, description, null);
        }
    }

    /** A new header for an automatic posting. */
    EntryEntity header(LocalDate date, String description, String currency, BigDecimal rate, String sourceType, Long sourceId, String reference) {
        EntryEntity e = new EntryEntity();
        e.companyId = company.id();
        e.date = date;
        e.description = description;
        e.currency = currency;
        e.exchangeRate = rate;
        e.sourceType = sourceType;
        e.sourceId = sourceId;
        e.reference = reference;
        return e;
    }

    /**
     * Posts the entry with the lines (lines with nothing on either side are left out) in the
     * caller's transaction; returns it posted and numbered. A 409 when the period is closed.
     */
    EntryEntity post(EntityManager em, EntryEntity e, List<Line> lines) {
        List<Line> kept = lines.stream().filter(l -> l.baseDebit().signum() != 0 || l.baseCredit().signum() != 0 || l.debit().signum() != 0
            || l.credit().signum() != 0).toList();
        BigDecimal debit = kept.stream().map(Line::baseDebit).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal credit = kept.stream().map(Line::baseCredit).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (debit.compareTo(credit) != 0) {
            throw new IllegalStateException("Unbalanced posting " + e.sourceType + " " + e.sourceId + ": debit " + debit + ", credit " + credit);
        }
        periods.lockOpen(em, e.companyId, e.date);
        budgets.check(em, e, kept);
        e.state = DRAFT;
        e.totalDebit = debit;
        e.totalCredit = credit;
        e.createdAt = Times.now();
        e.createdBy = caller.user();
        em.persist(e);
        em.flush();
        // The lines are written posted: the header's update below checks them against its totals in
        // the database, and when it refuses, the caller's transaction takes the lines with it.
        writeLines(em, e, kept, true);
        publish(em, e, true);
        return e;
    }

    /** Numbers a draft whose lines are written and makes it posted, if the database agrees the lines add up to its totals. */
    private void publish(EntityManager em, EntryEntity e, boolean linesPosted) {
        String number = numbering.next(SERIES, e.date);
        int rows = em.createNativeQuery("UPDATE KV_FIN_ENTRY SET STATE = 'posted', DOC_NUMBER = ?, POSTED_AT = ?, POSTED_BY = ?, VERSION = VERSION + 1 "
            + "WHERE ID = ? AND STATE = 'draft' AND TOTAL_DEBIT = (SELECT COALESCE(SUM(BASE_DEBIT), 0) FROM KV_FIN_ENTRY_LINE WHERE ENTRY_ID = ?) "
            + "AND TOTAL_CREDIT = (SELECT COALESCE(SUM(BASE_CREDIT), 0) FROM KV_FIN_ENTRY_LINE WHERE ENTRY_ID = ?)").setParameter(1, number)
            .setParameter(2, java.sql.Timestamp.valueOf(Times.now())).setParameter(3, String.valueOf(caller.user())).setParameter(4, e.id)
            .setParameter(5, e.id).setParameter(6, e.id).executeUpdate();
        if (rows != 1) {
            throw new ConflictException("Journal entry " + e.id + " is not a balanced draft any more");
        }
        if (!linesPosted) {
            em.createNativeQuery("UPDATE KV_FIN_ENTRY_LINE SET POSTED = 1 WHERE ENTRY_ID = ?").setParameter(1, e.id).executeUpdate();
        }
        em.refresh(e);
    }

    // ---- the REST-facing service ----------------------------------------------------------

    @Override
    public JournalEntryDTO create(JournalEntryDTO in) {
        Prepared p = prepare(in);
        return jpa.txExpr(TransactionType.Required, em -> {
            Resolved r = resolve(em, p);
            EntryEntity e = header(p.date, blankToNull(in.description()), p.currency, p.rate, null, null, blankToNull(in.reference()));
            if (Boolean.TRUE.equals(in.post())) {
                post(em, e, r.lines);
            } else {
                saveDraft(em, e, r.lines);
            }
            JournalEntryDTO created = toDto(em, e);
            audit.record(DOCUMENT_TYPE, String.valueOf(e.id), "created", AuditService.diff(null, created));
            return created;
        });
    }

    @Override
    public JournalEntryDTO update(long id, JournalEntryDTO in) {
        Prepared p = prepare(in);
        return jpa.txExpr(TransactionType.Required, em -> {
            EntryEntity e = lockDraft(em, id);
            new Violations().require("version", in.version()).throwIfAny();
            if (in.version() != e.version) {
                throw new StaleVersionException("Journal entry", id, in.version(), e.version);
            }
            JournalEntryDTO before = toDto(em, e);
            Resolved r = resolve(em, p);
            em.createNativeQuery("DELETE FROM KV_FIN_ENTRY_LINE WHERE ENTRY_ID = ?").setParameter(1, id).executeUpdate();
            e.date = p.date;
            e.description = blankToNull(in.description());
            e.reference = blankToNull(in.reference());
            e.currency = p.currency;
            e.exchangeRate = p.rate;
            // Changed lines alone must still move the entry's version on.
            em.lock(e, javax.persistence.LockModeType.OPTIMISTIC_FORCE_INCREMENT);
            saveDraft(em, e, r.lines);
            JournalEntryDTO after = toDto(em, e);
            audit.record(DOCUMENT_TYPE, String.valueOf(id), "updated", AuditService.diff(before, after));
            return after;
        });
    }

    private void saveDraft(EntityManager em, EntryEntity e, List<Line> lines) {
        e.state = DRAFT;
        e.totalDebit = lines.stream().map(Line::baseDebit).reduce(BigDecimal.ZERO, BigDecimal::add);
        e.totalCredit = lines.stream().map(Line::baseCredit).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (e.id == null) {
            e.createdAt = Times.now();
            e.createdBy = caller.user();
            em.persist(e);
        }
        em.flush();
        writeLines(em, e, lines, false);
    }

    /** The entry's lines, numbered in order; a draft's are not posted yet (publishing marks them). */
    private static void writeLines(EntityManager em, EntryEntity e, List<Line> lines, boolean posted) {
        // Over the transaction's connection, a hundred rows a statement: written by the provider, each
        // line was an insert and a read of its generated key, and nothing reads a line's entity back.
        java.sql.Connection connection = em.unwrap(java.sql.Connection.class);
        for (int from = 0; from < lines.size(); from += LINES_PER_INSERT) {
            List<Line> chunk = lines.subList(from, Math.min(lines.size(), from + LINES_PER_INSERT));
            String sql = "INSERT INTO KV_FIN_ENTRY_LINE (ENTRY_ID, LINE_NO, COMPANY_ID, ACCOUNT_ID, PARTY_ID, PRODUCT_ID, PURPOSE, DEBIT, CREDIT, "
                + "BASE_DEBIT, BASE_CREDIT, DESCRIPTION, COST_CENTRE, ENTRY_DATE, POSTED) VALUES "
                + String.join(", ", java.util.Collections.nCopies(chunk.size(), "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
            try (java.sql.PreparedStatement insert = connection.prepareStatement(sql)) {
                int p = 1;
                int no = from + 1;
                for (Line l : chunk) {
                    insert.setLong(p++, e.id);
                    insert.setInt(p++, no++);
                    insert.setLong(p++, e.companyId);
                    insert.setLong(p++, l.accountId());
                    setLong(insert, p++, l.partyId());
                    setLong(insert, p++, l.productId());
                    insert.setString(p++, l.purpose());
                    insert.setBigDecimal(p++, l.debit());
                    insert.setBigDecimal(p++, l.credit());
                    insert.setBigDecimal(p++, l.baseDebit());
                    insert.setBigDecimal(p++, l.baseCredit());
                    insert.setString(p++, l.description());
                    insert.setString(p++, l.costCentre());
                    insert.setDate(p++, java.sql.Date.valueOf(e.date));
                    insert.setInt(p++, posted ? 1 : 0);
                }
                insert.executeUpdate();
            } catch (java.sql.SQLException ex) {
                throw new javax.persistence.PersistenceException(ex);
            }
        }
    }

    private static void setLong(java.sql.PreparedStatement statement, int index, Long value) throws java.sql.SQLException {
        if (value == null) {
            statement.setNull(index, java.sql.Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }

    @Override
    public JournalEntryDTO post(long id) {
        return jpa.txExpr(TransactionType.Required, em -> {
            EntryEntity e = lockDraft(em, id);
            JournalEntryDTO before = toDto(em, e);
            periods.lockOpen(em, e.companyId, e.date);
            budgets.check(em, e, lines(em, id).stream().map(l -> new Line(l.accountId, l.partyId, l.productId, l.purpose, l.debit, l.credit,
                l.baseDebit, l.baseCredit, l.description, l.costCentre)).toList());
            if (e.totalDebit.compareTo(e.totalCredit) != 0) {
                throw new ConflictException("Journal entry " + id + " does not balance");
            }
            em.createNativeQuery("UPDATE KV_FIN_ENTRY_LINE SET ENTRY_DATE = ? WHERE ENTRY_ID = ?").setParameter(1, java.sql.Date.valueOf(e.date))
                .setParameter(2, id).executeUpdate();
            publish(em, e, false);
            JournalEntryDTO after = toDto(em, e);
            audit.record(DOCUMENT_TYPE, String.valueOf(id), "posted", AuditService.diff(before, after));
            return after;
        });
    }

    /** Reverses an entry made by hand; one a document made is undone through that document (a credit note, say), so that both agree. */
    @Override
    public JournalEntryDTO reverse(long id, LocalDate date) {
        return jpa.txExpr(TransactionType.Required, em -> {
            EntryEntity e = em.find(EntryEntity.class, id);
            if (e != null && e.sourceType != null && e.reversalOfId == null) {
                throw new ConflictException("Journal entry " + e.number + " was posted by " + e.sourceType + " " + e.reference
                    + "; undo it through that document");
            }
            return reverse(em, id, date, "Reversal");
        });
    }

    /** Posts the opposite of a posted entry and marks it reversed; two reversals of one entry cannot both pass. */
    JournalEntryDTO reverse(EntityManager em, long id, LocalDate date, String why) {
        EntryEntity original = em.find(EntryEntity.class, id, javax.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (original == null || original.companyId != company.id()) {
            throw new NotFoundException("Journal entry", id);
        }
        if (!POSTED.equals(original.state)) {
            throw new ConflictException("Journal entry " + (original.number == null ? id : original.number) + " is " + original.state
                + "; only a posted entry can be reversed");
        }
        List<Line> opposite = lines(em, id).stream().map(l -> new Line(l.accountId, l.partyId, l.productId, l.purpose, l.credit, l.debit,
            l.baseCredit, l.baseDebit, l.description, l.costCentre)).toList();
        EntryEntity reversal = header(date == null ? original.date : date, why + " of " + original.number, original.currency, original.exchangeRate,
            original.sourceType, original.sourceId, original.number);
        reversal.reversalOfId = original.id;
        post(em, reversal, opposite);
        JournalEntryDTO before = toDto(em, original);
        original.state = REVERSED;
        original.reversedById = reversal.id;
        em.flush();
        audit.record(DOCUMENT_TYPE, String.valueOf(id), "reversed", AuditService.diff(before, toDto(em, original)));
        return toDto(em, reversal);
    }

    @Override
    public void delete(long id) {
        jpa.tx(TransactionType.Required, em -> {
            EntryEntity e = lockDraft(em, id);
            JournalEntryDTO before = toDto(em, e);
            em.createNativeQuery("DELETE FROM KV_FIN_ENTRY_LINE WHERE ENTRY_ID = ?").setParameter(1, id).executeUpdate();
            em.remove(e);
            audit.record(DOCUMENT_TYPE, String.valueOf(id), "deleted", AuditService.diff(before, null));
        });
    }

    private EntryEntity lockDraft(EntityManager em, long id) {
        EntryEntity e = em.find(EntryEntity.class, id, javax.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (e == null || e.companyId != company.id()) {
            throw new NotFoundException("Journal entry", id);
        }
        if (!DRAFT.equals(e.state)) {
            throw new ConflictException("Journal entry " + e.number + " is " + e.state + "; a posted entry is never changed, reverse it instead");
        }
        return e;
    }

    /** What a client's entry says, checked as far as it can be without the database. */
    private record Prepared(JournalEntryDTO in, LocalDate date, String currency, BigDecimal rate, int decimals) {
    }

    private record Resolved(List<Line> lines) {
    }

    private Prepared prepare(JournalEntryDTO in) {
        Violations v = new Violations();
        v.maxLength("description", in.description(), 500).maxLength("reference", in.reference(), 64);
        List<JournalLineDTO> lines = in.lines() == null ? List.of() : in.lines();
        v.check(lines.size() >= 2, "lines", "needs at least two lines, a debit and a credit");
        v.check(lines.size() <= MAX_LINES, "lines", "must be at most " + MAX_LINES);
        LocalDate date = in.date() == null ? Times.today() : in.date();
        Company.dated(v, "date", date);
        String currency = in.currency() == null ? company.currency() : in.currency().strip().toUpperCase(java.util.Locale.ROOT);
        int decimals = company.decimals(v, "currency", currency);
        BigDecimal rate = in.exchangeRate();
        if (rate == null) {
            rate = v.isEmpty() ? company.rate(v, "exchangeRate", currency, date) : BigDecimal.ONE;
        } else {
            v.positive("exchangeRate", rate, Company.RATE_SCALE);
            company.rateOfOwnCurrency(v, "exchangeRate", currency, rate);
        }
        BigDecimal debit = BigDecimal.ZERO;
        BigDecimal credit = BigDecimal.ZERO;
        for (int i = 0; i < lines.size(); i++) {
            JournalLineDTO l = lines.get(i);
            String at = "lines[" + i + "].";
            if (l == null) {
                v.check(false, "lines[" + i + "]", "is required");
                continue;
            }
            BigDecimal d = l.debit() == null ? BigDecimal.ZERO : l.debit();
            BigDecimal c = l.credit() == null ? BigDecimal.ZERO : l.credit();
            v.nonNegative(at + "debit", d, decimals).nonNegative(at + "credit", c, decimals);
            Company.bounded(v, at + "debit", d);
            Company.bounded(v, at + "credit", c);
            v.check(d.signum() > 0 ^ c.signum() > 0, at + "debit", "a line is a debit or a credit: one of them positive, the other zero");
            v.maxLength(at + "description", l.description(), 500).maxLength(at + "costCentre", l.costCentre(), 32);
            debit = debit.add(d.max(BigDecimal.ZERO));
            credit = credit.add(c.max(BigDecimal.ZERO));
        }
        v.check(debit.compareTo(credit) == 0, "lines", "debits (" + debit.toPlainString() + ") must equal credits (" + credit.toPlainString() + ")");
        v.throwIfAny();
        return new Prepared(in, date, currency, rate, decimals);
    }

    /**
     * Finds each line's account and party, and converts to the company currency; a rounding
     * difference of the conversion goes to the largest line of the lighter side, so the entry
     * balances in both currencies.
     */
    private Resolved resolve(EntityManager em, Prepared p) {
        Violations v = new Violations();
        long companyId = company.id();
        int baseDecimals = company.decimals(company.currency());
        PostingRuleServiceImpl.Rules rules = new PostingRuleServiceImpl.Rules(em, companyId);
        List<Line> lines = new ArrayList<>();
        List<JournalLineDTO> in = p.in.lines();
        for (int i = 0; i < in.size(); i++) {
            JournalLineDTO l = in.get(i);
            String at = "lines[" + i + "].";
            AccountEntity account = AccountServiceImpl.postable(em, v, at + "accountId", companyId, l.accountId(), l.accountCode());
            if (l.partyId() != null) {
                company.party(v, at + "partyId", l.partyId());
            }
            BigDecimal d = l.debit() == null ? BigDecimal.ZERO.setScale(p.decimals) : l.debit().setScale(p.decimals, RoundingMode.UNNECESSARY);
            BigDecimal c = l.credit() == null ? BigDecimal.ZERO.setScale(p.decimals) : l.credit().setScale(p.decimals, RoundingMode.UNNECESSARY);
            // A hand-made line on a receivable or payable account counts in the party's statement and credit exposure like an invoice's.
            String purpose = account == null ? null : rules.purposeOfPartyAccount(account.id);
            lines.add(new Line(account == null ? 0 : account.id, l.partyId(), null, purpose, d, c, d.multiply(p.rate).setScale(baseDecimals,
                RoundingMode.HALF_UP), c.multiply(p.rate).setScale(baseDecimals, RoundingMode.HALF_UP), blankToNull(l.description()),
                blankToNull(l.costCentre())));
        }
        v.throwIfAny();
        return new Resolved(balanced(lines));
    }

    /** Lines whose base amounts differ by a conversion's rounding, with the difference on the lighter side's largest line. */
    static List<Line> balanced(List<Line> lines) {
        BigDecimal debit = lines.stream().map(Line::baseDebit).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal credit = lines.stream().map(Line::baseCredit).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal gap = debit.subtract(credit);
        if (gap.signum() == 0) {
            return lines;
        }
        boolean raiseCredit = gap.signum() > 0;
        // By the amount in the entry's currency: at a tiny rate every base amount of a side may round to zero.
        Line largest = lines.stream().filter(l -> (raiseCredit ? l.credit() : l.debit()).signum() > 0)
            .max(Comparator.comparing(l -> raiseCredit ? l.credit() : l.debit())).orElseThrow();
        List<Line> adjusted = new ArrayList<>();
        for (Line l : lines) {
            if (l != largest) {
                adjusted.add(l);
            } else if (raiseCredit) {
                adjusted.add(new Line(l.accountId(), l.partyId(), l.productId(), l.purpose(), l.debit(), l.credit(), l.baseDebit(),
                    l.baseCredit().add(gap), l.description(), l.costCentre()));
            } else {
                adjusted.add(new Line(l.accountId(), l.partyId(), l.productId(), l.purpose(), l.debit(), l.credit(), l.baseDebit().subtract(gap),
                    l.baseCredit(), l.description(), l.costCentre()));
            }
        }
        return adjusted;
    }

    @Override
    public JournalEntryDTO get(long id) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            EntryEntity e = em.find(EntryEntity.class, id);
            if (e == null || e.companyId != company.id()) {
                throw new NotFoundException("Journal entry", id);
            }
            return toDto(em, e);
        });
    }

    @Override
    public List<JournalEntryDTO> forSource(String sourceType, long sourceId) {
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery("SELECT e FROM EntryEntity e WHERE e.sourceType = :t AND e.sourceId = :s "
            + "AND e.state <> 'draft' ORDER BY e.id", EntryEntity.class).setParameter("t", sourceType).setParameter("s", sourceId).getResultList()
            .stream().map(e -> toDto(em, e)).toList());
    }

    @Override
    public Page<JournalEntryDTO> list(PageRequest request) {
        long companyId = company.id();
        String sort = request.sortField(Set.of("date", "number", "id"), "id");
        LocalDate from = request.filter("from") == null ? null : io.kovan.kernel.api.rest.Params.date("from", request.filter("from"));
        LocalDate to = request.filter("to") == null ? null : io.kovan.kernel.api.rest.Params.date("to", request.filter("to"));
        Long account = request.longFilter("account");
        Long party = request.longFilter("party");
        Long source = request.longFilter("source");
        String state = request.filter("state");
        return jpa.txExpr(TransactionType.Supports, em -> Queries.page(em, EntryEntity.class, request, (cb, e) -> {
            List<Predicate> where = new ArrayList<>();
            where.add(cb.equal(e.get("companyId"), companyId));
            if (state != null) {
                where.add(cb.equal(e.get("state"), state));
            }
            if (from != null) {
                where.add(cb.greaterThanOrEqualTo(e.get("date"), from));
            }
            if (to != null) {
                where.add(cb.lessThanOrEqualTo(e.get("date"), to));
            }
            if (request.filter("sourceType") != null) {
                where.add(cb.equal(e.get("sourceType"), request.filter("sourceType")));
            }
            if (source != null) {
                where.add(cb.equal(e.get("sourceId"), source));
            }
            if (account != null || party != null) {
                javax.persistence.criteria.CriteriaQuery<?> owner = cb.createQuery();
                Subquery<Long> lines = owner.subquery(Long.class);
                Root<EntryLineEntity> l = lines.from(EntryLineEntity.class);
                List<Predicate> match = new ArrayList<>();
                match.add(cb.equal(l.get("entryId"), e.get("id")));
                if (account != null) {
                    match.add(cb.equal(l.get("accountId"), account));
                }
                if (party != null) {
                    match.add(cb.equal(l.get("partyId"), party));
                }
                lines.select(l.get("entryId")).where(match.toArray(Predicate[]::new));
                where.add(cb.exists(lines));
            }
            return where;
        }, sort, "id", e -> toDto(em, e)));
    }

    static List<EntryLineEntity> lines(EntityManager em, long entryId) {
        return em.createQuery("SELECT l FROM EntryLineEntity l WHERE l.entryId = :e ORDER BY l.lineNo", EntryLineEntity.class).setParameter("e", entryId)
            .getResultList();
    }

    JournalEntryDTO toDto(EntityManager em, EntryEntity e) {
        Map<Long, String> codes = AccountServiceImpl.codes(em, e.companyId);
        Map<Long, String> names = new java.util.HashMap<>();
        int decimals = company.decimals(e.currency);
        int baseDecimals = company.decimals(company.currency());
        List<JournalLineDTO> lines = lines(em, e.id).stream().map(l -> new JournalLineDTO(l.id, l.lineNo, l.accountId, codes.get(l.accountId),
            names.computeIfAbsent(l.accountId, a -> em.find(AccountEntity.class, a).name), l.partyId, l.debit.setScale(decimals, RoundingMode.HALF_UP),
            l.credit.setScale(decimals, RoundingMode.HALF_UP), l.baseDebit.setScale(baseDecimals, RoundingMode.HALF_UP),
            l.baseCredit.setScale(baseDecimals, RoundingMode.HALF_UP), l.description, l.costCentre)).toList();
        return new JournalEntryDTO(e.id, e.number, e.state, e.date, e.description, e.currency, e.exchangeRate.stripTrailingZeros(), lines,
            e.totalDebit.setScale(baseDecimals, RoundingMode.HALF_UP), e.totalCredit.setScale(baseDecimals, RoundingMode.HALF_UP), e.sourceType,
            e.sourceId, e.reference, e.reversalOfId, e.reversedById, null, Times.instant(e.postedAt), e.postedBy, e.version, Times.instant(e.createdAt));
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
