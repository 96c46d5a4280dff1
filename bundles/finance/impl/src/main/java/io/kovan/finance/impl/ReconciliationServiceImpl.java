package io.kovan.finance.impl;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.kovan.finance.api.ReconciliationDTO;
import io.kovan.finance.api.ReconciliationLineDTO;
import io.kovan.finance.api.ReconciliationService;
import io.kovan.kernel.api.ConflictException;
import io.kovan.kernel.api.ValidationException;
import io.kovan.kernel.api.Violations;
import io.kovan.kernel.api.audit.AuditService;

/**
 * Bank reconciliation over KV_FIN_ENTRY_LINE's RECONCILED_ON: one conditional update marks the
 * lines, so a line already matched (or another account's) makes the whole call a 409.
 */
@Component(service = ReconciliationService.class)
public class ReconciliationServiceImpl implements ReconciliationService {

    static final int MAX_LINES = 5000;

    private final JpaTemplate jpa;
    private final Company company;
    private final AuditService audit;

    @Activate
    public ReconciliationServiceImpl(@Reference(target = "(osgi.unit.name=kovan-finance)") JpaTemplate jpa, @Reference Company company,
        @Reference AuditService audit) {
        this.jpa = jpa;
        this.company = company;
        this.audit = audit;
    }

    @Override
    public ReconciliationDTO reconciliation(long accountId, LocalDate date, BigDecimal statementBalance) {
        LocalDate day = date == null ? Times.today() : date;
        Violations v = new Violations();
        Company.dated(v, "date", day);
        Company.bounded(v, "statementBalance", statementBalance);
        v.throwIfAny();
        return jpa.txExpr(TransactionType.Supports, em -> report(em, account(em, accountId), day, statementBalance));
    }

    @Override
    public ReconciliationDTO reconcile(long accountId, LocalDate statementDate, String statementRef, List<Long> lineIds) {
        Violations v = new Violations();
        v.require("date", statementDate);
        Company.dated(v, "date", statementDate);
        v.maxLength("statementRef", statementRef, 64);
        v.check(lineIds != null && !lineIds.isEmpty(), "lineIds", "names at least one line");
        v.check(lineIds == null || lineIds.size() <= MAX_LINES, "lineIds", "must be at most " + MAX_LINES);
        v.check(lineIds == null || lineIds.stream().noneMatch(java.util.Objects::isNull), "lineIds", "must not hold nulls");
        v.check(lineIds == null || lineIds.stream().distinct().count() == lineIds.size(), "lineIds", "names a line twice");
        v.throwIfAny();
        return jpa.txExpr(TransactionType.Required, em -> {
            AccountEntity account = account(em, accountId);
            String in = String.join(", ", lineIds.stream().map(String::valueOf).toList());
            int rows = em.createNativeQuery("UPDATE KV_FIN_ENTRY_LINE SET RECONCILED_ON = ?, STATEMENT_REF = ? WHERE ID IN (" + in + ") AND ACCOUNT_ID = ? "
                + "AND POSTED = 1 AND RECONCILED_ON IS NULL AND ENTRY_DATE <= ?").setParameter(1, java.sql.Date.valueOf(statementDate))
                .setParameter(2, statementRef == null || statementRef.isBlank() ? "" : statementRef.strip()).setParameter(3, account.id)
                .setParameter(4, java.sql.Date.valueOf(statementDate)).executeUpdate();
            if (rows != lineIds.size()) {
                throw new ConflictException((lineIds.size() - rows) + " of the lines are not posted, unreconciled lines of account " + account.code
                    + " dated on or before " + statementDate);
            }
            audit.record("finance.reconciliation", String.valueOf(account.id), "reconciled", java.util.Map.of());
            return report(em, account, statementDate, null);
        });
    }

    private AccountEntity account(EntityManager em, long accountId) {
        AccountEntity a = em.find(AccountEntity.class, accountId);
        if (a == null || a.companyId != company.id()) {
            throw new ValidationException("account", "unknown account " + accountId);
        }
        if (!a.postable) {
            throw new ValidationException("account", "account " + a.code + " is a heading; reconcile the accounts below it");
        }
        return a;
    }

    private ReconciliationDTO report(EntityManager em, AccountEntity a, LocalDate day, BigDecimal statementBalance) {
        int d = company.decimals(company.currency());
        Object[] sums = (Object[]) em.createNativeQuery("SELECT COALESCE(SUM(BASE_DEBIT - BASE_CREDIT), 0), COALESCE(SUM(CASE WHEN RECONCILED_ON IS NOT NULL "
            + "AND RECONCILED_ON <= ? THEN BASE_DEBIT - BASE_CREDIT ELSE 0 END), 0) FROM KV_FIN_ENTRY_LINE WHERE ACCOUNT_ID = ? AND POSTED = 1 "
            + "AND ENTRY_DATE <= ?").setParameter(1, java.sql.Date.valueOf(day)).setParameter(2, a.id).setParameter(3, java.sql.Date.valueOf(day))
            .getSingleResult();
        BigDecimal book = FinanceReportServiceImpl.decimal(sums[0]).setScale(d, RoundingMode.HALF_UP);
        BigDecimal reconciled = FinanceReportServiceImpl.decimal(sums[1]).setScale(d, RoundingMode.HALF_UP);
        List<ReconciliationLineDTO> open = ((List<?>) em.createNativeQuery("SELECT l.ID, e.ID, e.DOC_NUMBER, l.ENTRY_DATE, COALESCE(l.DESCRIPTION, e.DESCRIPTION), "
            + "l.BASE_DEBIT - l.BASE_CREDIT FROM KV_FIN_ENTRY_LINE l JOIN KV_FIN_ENTRY e ON e.ID = l.ENTRY_ID WHERE l.ACCOUNT_ID = ? AND l.POSTED = 1 "
            + "AND l.RECONCILED_ON IS NULL AND l.ENTRY_DATE <= ? ORDER BY l.ENTRY_DATE, l.ID").setParameter(1, a.id).setParameter(2, java.sql.Date.valueOf(day))
            .setMaxResults(MAX_LINES).getResultList()).stream().map(o -> {
                Object[] r = (Object[]) o;
                return new ReconciliationLineDTO(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), (String) r[2], FinanceReportServiceImpl.date(r[3]),
                    (String) r[4], FinanceReportServiceImpl.decimal(r[5]).setScale(d, RoundingMode.HALF_UP), null, null);
            }).toList();
        BigDecimal statement = statementBalance == null ? null : statementBalance.setScale(d, RoundingMode.HALF_UP);
        return new ReconciliationDTO(a.id, a.code, day, company.currency(), book, reconciled, statement,
            statement == null ? null : reconciled.subtract(statement), open);
    }
}
