package io.kovan.finance.impl;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;


import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.kovan.finance.api.YearEndDTO;
import io.kovan.finance.api.YearEndService;
import io.kovan.kernel.api.ConflictException;
import io.kovan.kernel.api.audit.AuditService;

/**
 * The year-end closing in one transaction: January to November are closed first (each waits for
 * the postings under way in it), December's row is then held exclusively, so no posting of the
 * year can run while its balances are read; the closing entry goes into December, and December
 * closes last.
 */
@Component(service = YearEndService.class)
public class YearEndServiceImpl implements YearEndService {

    static final String PURPOSE = "YEAR_END";

    private final JpaTemplate jpa;
    private final Company company;
    private final PeriodServiceImpl periods;
    private final JournalServiceImpl journal;
    private final AuditService audit;

    @Activate
    public YearEndServiceImpl(@Reference(target = "(osgi.unit.name=kovan-finance)") JpaTemplate jpa, @Reference Company company,
        @Reference PeriodServiceImpl periods, @Reference JournalServiceImpl journal, @Reference AuditService audit) {
        this.jpa = jpa;
        this.company = company;
        this.periods = periods;
        this.journal = journal;
        this.audit = audit;
    }

    @Override
    public YearEndDTO close(int year) {
        periods.openYear(year);
        long companyId = company.id();
        String currency = company.currency();
        int decimals = company.decimals(currency);
        return jpa.txExpr(TransactionType.Required, em -> {
            LocalDate last = LocalDate.of(year, 12, 31);
            for (int month = 1; month <= 11; month++) {
                periods.closeMonth(em, companyId, year, month);
            }
            // Held until commit: December's postings wait here, and so does a second closing of the year.
            em.createNativeQuery("UPDATE KV_FIN_PERIOD SET STATE = STATE WHERE COMPANY_ID = ? AND FISCAL_YEAR = ? AND FISCAL_MONTH = 12")
                .setParameter(1, companyId).setParameter(2, year).executeUpdate();
            Object closings = em.createNativeQuery("SELECT COUNT(*) FROM KV_FIN_ENTRY WHERE SOURCE_TYPE = ? AND SOURCE_ID = ? AND COMPANY_ID = ? "
                + "AND STATE = 'posted' AND REVERSAL_OF_ID IS NULL").setParameter(1, SOURCE_TYPE).setParameter(2, (long) year).setParameter(3, companyId)
                .getSingleResult();
            if (((Number) closings).longValue() > 0) {
                throw new ConflictException("Year " + year + " is closed already; reverse its closing entry to close it again");
            }
            List<JournalServiceImpl.Line> lines = new ArrayList<>();
            BigDecimal none = BigDecimal.ZERO.setScale(decimals);
            BigDecimal profit = none;
            for (Object o : em.createNativeQuery("SELECT l.ACCOUNT_ID, SUM(l.BASE_DEBIT), SUM(l.BASE_CREDIT) FROM KV_FIN_ENTRY_LINE l, KV_FIN_ACCOUNT a "
                + "WHERE a.ID = l.ACCOUNT_ID AND a.ACCOUNT_TYPE IN ('INCOME', 'EXPENSE') AND l.COMPANY_ID = ? AND l.POSTED = 1 AND l.ENTRY_DATE >= ? "
                + "AND l.ENTRY_DATE <= ? GROUP BY l.ACCOUNT_ID ORDER BY l.ACCOUNT_ID").setParameter(1, companyId)
                .setParameter(2, java.sql.Date.valueOf(LocalDate.of(year, 1, 1))).setParameter(3, java.sql.Date.valueOf(last)).getResultList()) {
                Object[] row = (Object[]) o;
                BigDecimal net = new BigDecimal(row[1].toString()).subtract(new BigDecimal(row[2].toString())).setScale(decimals, RoundingMode.HALF_UP);
                if (net.signum() != 0) {
                    long account = ((Number) row[0]).longValue();
                    // Each account back to zero, the other way round.
                    lines.add(JournalServiceImpl.Line.base(account, null, null, PURPOSE, net.signum() < 0 ? net.negate() : none,
                        net.signum() > 0 ? net : none, "Year-end closing " + year));
                    profit = profit.subtract(net);
                }
            }
            Long entryId = null;
            String number = null;
            if (!lines.isEmpty()) {
                PostingRuleServiceImpl.Rules rules = new PostingRuleServiceImpl.Rules(em, companyId);
                if (profit.signum() > 0) {
                    lines.add(JournalServiceImpl.Line.base(rules.account("YEAR_PROFIT", PostingRuleServiceImpl.Match.NONE), null, null, PURPOSE, none, profit,
                        "Net profit " + year));
                } else if (profit.signum() < 0) {
                    lines.add(JournalServiceImpl.Line.base(rules.account("YEAR_LOSS", PostingRuleServiceImpl.Match.NONE), null, null, PURPOSE,
                        profit.negate(), none, "Net loss " + year));
                }
                EntryEntity entry = journal.post(em, journal.header(last, "Year-end closing " + year, currency, BigDecimal.ONE, SOURCE_TYPE, (long) year,
                    String.valueOf(year)), lines);
                entryId = entry.id;
                number = entry.number;
            }
            periods.closeMonth(em, companyId, year, 12);
            // Read again from the rows just changed, not from the cache.
            List<io.kovan.finance.api.PeriodDTO> months = em.createQuery("SELECT p FROM PeriodEntity p WHERE p.companyId = :c AND p.year = :y ORDER BY p.month",
                PeriodEntity.class).setParameter("c", companyId).setParameter("y", year).setHint("eclipselink.refresh", "true").getResultList().stream()
                .map(PeriodServiceImpl::toDto).toList();
            YearEndDTO closed = new YearEndDTO(year, entryId, number, profit, currency, months);
            audit.record("finance.year", String.valueOf(year), "closed", AuditService.diff(null, closed));
            return closed;
        });
    }
}
