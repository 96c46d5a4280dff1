package io.kovan.finance.impl;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.kovan.finance.api.BudgetDTO;
import io.kovan.finance.api.BudgetLineDTO;
import io.kovan.finance.api.BudgetService;
import io.kovan.kernel.api.ConflictException;
import io.kovan.kernel.api.NotFoundException;
import io.kovan.kernel.api.StaleVersionException;
import io.kovan.kernel.api.ValidationException;
import io.kovan.kernel.api.Violations;
import io.kovan.kernel.api.audit.AuditService;
import io.kovan.kernel.api.event.EventPublisher;
import io.kovan.kernel.api.persistence.Constraints;

/**
 * Budgets in KV_FIN_BUDGET, budget against actual, and the check every posting passes
 * ({@link #check}): under BLOCK the budget rows a posting touches are locked before its actual is
 * summed, so two postings that each fit but together do not cannot both commit.
 */
@Component(service = {BudgetService.class, BudgetServiceImpl.class})
public class BudgetServiceImpl implements BudgetService {

    private static final Logger LOG = LoggerFactory.getLogger(BudgetServiceImpl.class);
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private final JpaTemplate jpa;
    private final Company company;
    private final EventPublisher events;
    private final AuditService audit;

    @Activate
    public BudgetServiceImpl(@Reference(target = "(osgi.unit.name=kovan-finance)") JpaTemplate jpa, @Reference Company company,
        @Reference EventPublisher events, @Reference AuditService audit) {
        this.jpa = jpa;
        this.company = company;
        this.events = events;
        this.audit = audit;
    }

    @Override
    public BudgetDTO save(BudgetDTO in) {
        Violations v = new Violations();
        v.require("year", in.year()).require("month", in.month());
        v.check(in.year() == null || in.year() >= 1900 && in.year() <= 9999, "year", "must be a year such as 2026");
        v.check(in.month() == null || in.month() >= 1 && in.month() <= 12, "month", "must be 1 to 12");
        int decimals = company.decimals(company.currency());
        v.require("amount", in.amount());
        v.nonNegative("amount", in.amount(), decimals);
        Company.bounded(v, "amount", in.amount());
        v.maxLength("costCentre", in.costCentre(), 32);
        v.throwIfAny();
        long companyId = company.id();
        String centre = in.costCentre() == null || in.costCentre().isBlank() ? "" : in.costCentre().strip();
        return jpa.txExpr(TransactionType.Required, em -> {
            Violations check = new Violations();
            AccountEntity account = AccountServiceImpl.postable(em, check, "accountId", companyId, in.accountId(), in.accountCode());
            check.throwIfAny();
            List<BudgetEntity> existing = em.createQuery("SELECT b FROM BudgetEntity b WHERE b.companyId = :c AND b.accountId = :a AND b.costCentre = :cc "
                + "AND b.year = :y AND b.month = :m", BudgetEntity.class).setParameter("c", companyId).setParameter("a", account.id).setParameter("cc", centre)
                .setParameter("y", in.year()).setParameter("m", in.month()).getResultList();
            BudgetEntity b;
            BudgetDTO before = null;
            if (existing.isEmpty()) {
                b = new BudgetEntity();
                b.companyId = companyId;
                b.accountId = account.id;
                b.costCentre = centre;
                b.year = in.year();
                b.month = in.month();
                em.persist(b);
            } else {
                b = existing.get(0);
                before = toDto(b, account.code);
                if (in.version() != null && in.version() != b.version) {
                    throw new StaleVersionException("Budget", b.id, in.version(), b.version);
                }
            }
            b.amount = in.amount().setScale(decimals, RoundingMode.UNNECESSARY);
            Constraints.flush(em, () -> "A budget for " + account.code + " in " + in.year() + "-" + in.month() + " is being saved by someone else");
            BudgetDTO saved = toDto(b, account.code);
            audit.record("finance.budget", String.valueOf(b.id), before == null ? "created" : "updated", io.kovan.kernel.api.audit.AuditService.diff(before, saved));
            return saved;
        });
    }

    @Override
    public void delete(long id) {
        jpa.tx(TransactionType.Required, em -> {
            BudgetEntity b = em.find(BudgetEntity.class, id);
            if (b == null || b.companyId != company.id()) {
                throw new NotFoundException("Budget", id);
            }
            BudgetDTO before = toDto(b, em.find(AccountEntity.class, b.accountId).code);
            em.remove(b);
            audit.record("finance.budget", String.valueOf(id), "deleted", io.kovan.kernel.api.audit.AuditService.diff(before, null));
        });
    }

    @Override
    public List<BudgetDTO> list(int year, Long accountId) {
        long companyId = company.id();
        return jpa.txExpr(TransactionType.Supports, em -> {
            Map<Long, String> codes = AccountServiceImpl.codes(em, companyId);
            return budgets(em, companyId, year, null, accountId).stream().map(b -> toDto(b, codes.get(b.accountId))).toList();
        });
    }

    @Override
    public List<BudgetLineDTO> report(int year, Integer month) {
        if (month != null && (month < 1 || month > 12)) {
            throw new ValidationException("month", "must be 1 to 12");
        }
        long companyId = company.id();
        int d = company.decimals(company.currency());
        return jpa.txExpr(TransactionType.Supports, em -> {
            List<BudgetLineDTO> lines = new ArrayList<>();
            for (BudgetEntity b : budgets(em, companyId, year, month, null)) {
                AccountEntity a = em.find(AccountEntity.class, b.accountId);
                BigDecimal actual = actual(em, b, d);
                BigDecimal budget = b.amount.setScale(d, RoundingMode.HALF_UP);
                lines.add(new BudgetLineDTO(a.id, a.code, a.name, b.costCentre.isEmpty() ? null : b.costCentre, b.year, b.month, budget, actual,
                    budget.subtract(actual), budget.signum() == 0 ? null : actual.multiply(HUNDRED).divide(budget, 2, RoundingMode.HALF_UP)));
            }
            return lines;
        });
    }

    private static List<BudgetEntity> budgets(EntityManager em, long companyId, int year, Integer month, Long accountId) {
        String jpql = "SELECT b FROM BudgetEntity b WHERE b.companyId = :c AND b.year = :y" + (month == null ? "" : " AND b.month = :m")
            + (accountId == null ? "" : " AND b.accountId = :a") + " ORDER BY b.month, b.accountId, b.costCentre";
        javax.persistence.TypedQuery<BudgetEntity> q = em.createQuery(jpql, BudgetEntity.class).setParameter("c", companyId).setParameter("y", year);
        if (month != null) {
            q.setParameter("m", month);
        }
        if (accountId != null) {
            q.setParameter("a", accountId);
        }
        return q.getResultList();
    }

    /** Posted debits less credits on the budget's account (and cost centre) in its month. */
    private static BigDecimal actual(EntityManager em, BudgetEntity b, int decimals) {
        java.time.LocalDate first = java.time.LocalDate.of(b.year, b.month, 1);
        javax.persistence.Query query = em.createNativeQuery("SELECT COALESCE(SUM(BASE_DEBIT - BASE_CREDIT), 0) FROM KV_FIN_ENTRY_LINE WHERE COMPANY_ID = ? "
            + "AND POSTED = 1 AND ACCOUNT_ID = ? AND ENTRY_DATE >= ? AND ENTRY_DATE <= ? AND (PURPOSE IS NULL OR PURPOSE <> 'YEAR_END')" + (b.costCentre.isEmpty() ? "" : " AND COST_CENTRE = ?"))
            .setParameter(1, b.companyId).setParameter(2, b.accountId).setParameter(3, java.sql.Date.valueOf(first))
            .setParameter(4, java.sql.Date.valueOf(first.plusMonths(1).minusDays(1)));
        if (!b.costCentre.isEmpty()) {
            query.setParameter(5, b.costCentre);
        }
        Object sum = query.getSingleResult();
        return new BigDecimal(sum.toString()).setScale(decimals, RoundingMode.HALF_UP);
    }

    /**
     * Checks a posting's lines against the budgets of their accounts in its month (before it is
     * written): over a budget, WARN posts it and says so, BLOCK refuses it with a 409.
     */
    void check(EntityManager em, EntryEntity entry, List<JournalServiceImpl.Line> lines) {
        String mode = company.budgetCheck();
        // The year-end closing only carries balances: it spends nothing.
        if (mode.equals("OFF") || io.kovan.finance.api.YearEndService.SOURCE_TYPE.equals(entry.sourceType)) {
            return;
        }
        List<Long> accounts = lines.stream().map(JournalServiceImpl.Line::accountId).distinct().toList();
        javax.persistence.TypedQuery<BudgetEntity> query = em.createQuery("SELECT b FROM BudgetEntity b WHERE b.companyId = :c AND b.year = :y "
            + "AND b.month = :m AND b.accountId IN :a", BudgetEntity.class).setParameter("c", entry.companyId)
            .setParameter("y", entry.date.getYear()).setParameter("m", entry.date.getMonthValue()).setParameter("a", accounts);
        if (mode.equals("BLOCK")) {
            query.setLockMode(LockModeType.PESSIMISTIC_WRITE);
        }
        int d = company.decimals(company.currency());
        // No ORDER BY: Derby takes no FOR UPDATE with one; the rows come in the index's order, the same for every writer.
        for (BudgetEntity b : query.getResultList().stream().sorted(java.util.Comparator.comparing((BudgetEntity x) -> x.id)).toList()) {
            BigDecimal adding = lines.stream().filter(l -> l.accountId() == b.accountId && (b.costCentre.isEmpty() || b.costCentre.equals(l.costCentre())))
                .map(l -> l.baseDebit().subtract(l.baseCredit())).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (adding.signum() <= 0) {
                continue;
            }
            BigDecimal after = actual(em, b, d).add(adding);
            if (after.compareTo(b.amount) <= 0) {
                continue;
            }
            String code = em.find(AccountEntity.class, b.accountId).code;
            String what = "Posting " + adding.setScale(d, RoundingMode.HALF_UP).toPlainString() + " on " + code + (b.costCentre.isEmpty() ? "" : "/" + b.costCentre)
                + " takes it to " + after.setScale(d, RoundingMode.HALF_UP).toPlainString() + ", over its budget of "
                + b.amount.setScale(d, RoundingMode.HALF_UP).toPlainString() + " for " + b.year + "-" + String.format("%02d", b.month);
            if (mode.equals("BLOCK")) {
                throw new ConflictException(what);
            }
            LOG.warn("{}", what);
            events.publish("finance.budget.exceeded", Map.of("budgetId", b.id, "accountCode", code, "year", b.year, "month", b.month,
                "actual", after.setScale(d, RoundingMode.HALF_UP).toPlainString(), "budget", b.amount.setScale(d, RoundingMode.HALF_UP).toPlainString()));
        }
    }

    private BudgetDTO toDto(BudgetEntity b, String code) {
        int d = company.decimals(company.currency());
        return new BudgetDTO(b.id, b.accountId, code, b.costCentre.isEmpty() ? null : b.costCentre, b.year, b.month, b.amount.setScale(d,
            RoundingMode.HALF_UP), b.version);
    }
}
