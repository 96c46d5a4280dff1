package io.kovan.finance.impl;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceException;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.kovan.finance.api.PeriodDTO;
import io.kovan.finance.api.PeriodService;
import io.kovan.kernel.api.ConflictException;
import io.kovan.kernel.api.NotFoundException;
import io.kovan.kernel.api.ValidationException;
import io.kovan.kernel.api.audit.AuditService;
import io.kovan.kernel.api.security.Caller;

/**
 * Fiscal periods in KV_FIN_PERIOD. A posting holds its period's row under a shared lock until
 * it commits ({@code FOR SHARE} on PostgreSQL, {@code WITH RS} on Derby); closing takes the row
 * exclusively, so it waits for the postings under way and every later one sees it closed.
 */
@Component(service = {PeriodService.class, PeriodServiceImpl.class})
public class PeriodServiceImpl implements PeriodService {

    static final String OPEN = "open";
    static final String CLOSED = "closed";

    private final JpaTemplate jpa;
    private final Company company;
    private final Caller caller;
    private final AuditService audit;

    @Activate
    public PeriodServiceImpl(@Reference(target = "(osgi.unit.name=kovan-finance)") JpaTemplate jpa, @Reference Company company,
        @Reference Caller caller, @Reference AuditService audit) {
        this.jpa = jpa;
        this.company = company;
        this.caller = caller;
        this.audit = audit;
    }

    /** Takes the period of {@code date} for a posting (making it, open, if need be); a 409 when it is closed. */
    void lockOpen(EntityManager em, long companyId, LocalDate date) {
        ensure(em, companyId, date.getYear(), date.getMonthValue());
        Connection connection = em.unwrap(Connection.class);
        String state;
        try {
            boolean postgres = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
            String sql = "SELECT STATE FROM KV_FIN_PERIOD WHERE COMPANY_ID = ? AND FISCAL_YEAR = ? AND FISCAL_MONTH = ?" + (postgres ? " FOR SHARE" : " WITH RS");
            try (PreparedStatement s = connection.prepareStatement(sql)) {
                s.setLong(1, companyId);
                s.setInt(2, date.getYear());
                s.setInt(3, date.getMonthValue());
                try (java.sql.ResultSet rs = s.executeQuery()) {
                    rs.next();
                    state = rs.getString(1);
                }
            }
        } catch (SQLException e) {
            throw new PersistenceException(e);
        }
        if (!OPEN.equals(state)) {
            throw new ConflictException("Period " + date.getYear() + "-" + String.format("%02d", date.getMonthValue()) + " is closed; nothing can be "
                + "posted on " + date);
        }
    }

    /**
     * Inserts the period unless it exists, over the JDBC connection of the caller's transaction:
     * two first postings of a month racing queue on the new row's key, and the loser's duplicate
     * is no error (PostgreSQL: ON CONFLICT DO NOTHING; Derby fails only the statement, which is
     * not passed through the JPA provider so that it does not doom the transaction).
     */
    private static void ensure(EntityManager em, long companyId, int year, int month) {
        if (!em.createNativeQuery("SELECT 1 FROM KV_FIN_PERIOD WHERE COMPANY_ID = ? AND FISCAL_YEAR = ? AND FISCAL_MONTH = ?").setParameter(1, companyId)
            .setParameter(2, year).setParameter(3, month).getResultList().isEmpty()) {
            return;
        }
        Connection connection = em.unwrap(Connection.class);
        LocalDate start = LocalDate.of(year, month, 1);
        try {
            boolean postgres = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
            String insert = "INSERT INTO KV_FIN_PERIOD (COMPANY_ID, FISCAL_YEAR, FISCAL_MONTH, START_DATE, END_DATE, STATE) VALUES (?, ?, ?, ?, ?, 'open')";
            try (PreparedStatement s = connection.prepareStatement(postgres ? insert + " ON CONFLICT DO NOTHING" : insert)) {
                s.setLong(1, companyId);
                s.setInt(2, year);
                s.setInt(3, month);
                s.setDate(4, java.sql.Date.valueOf(start));
                s.setDate(5, java.sql.Date.valueOf(start.plusMonths(1).minusDays(1)));
                s.executeUpdate();
            }
        } catch (SQLException e) {
            if (e.getSQLState() == null || !e.getSQLState().startsWith("23")) {
                throw new PersistenceException(e);
            }
        }
    }

    /** Closes the month if it is open (it may be closed already): waits for the postings under way in it. */
    void closeMonth(EntityManager em, long companyId, int year, int month) {
        em.createNativeQuery("UPDATE KV_FIN_PERIOD SET STATE = 'closed', CLOSED_AT = ?, CLOSED_BY = ? WHERE COMPANY_ID = ? AND FISCAL_YEAR = ? "
            + "AND FISCAL_MONTH = ? AND STATE = 'open'").setParameter(1, java.sql.Timestamp.valueOf(Times.now())).setParameter(2, String.valueOf(caller.user()))
            .setParameter(3, companyId).setParameter(4, year).setParameter(5, month).executeUpdate();
    }

    @Override
    public List<PeriodDTO> openYear(int year) {
        if (year < 1900 || year > 9999) {
            throw new ValidationException("year", "must be a year such as 2026");
        }
        long companyId = company.id();
        return jpa.txExpr(TransactionType.Required, em -> {
            for (int month = 1; month <= 12; month++) {
                ensure(em, companyId, year, month);
            }
            return periods(em, companyId, year);
        });
    }

    @Override
    public List<PeriodDTO> list(Integer year) {
        long companyId = company.id();
        return jpa.txExpr(TransactionType.Supports, em -> periods(em, companyId, year));
    }

    private static List<PeriodDTO> periods(EntityManager em, long companyId, Integer year) {
        String jpql = "SELECT p FROM PeriodEntity p WHERE p.companyId = :c" + (year == null ? "" : " AND p.year = :y") + " ORDER BY p.year, p.month";
        javax.persistence.TypedQuery<PeriodEntity> q = em.createQuery(jpql, PeriodEntity.class).setParameter("c", companyId);
        if (year != null) {
            q.setParameter("y", year);
        }
        return new ArrayList<>(q.getResultList().stream().map(PeriodServiceImpl::toDto).toList());
    }

    @Override
    public PeriodDTO get(long id) {
        return jpa.txExpr(TransactionType.Supports, em -> toDto(load(em, id)));
    }

    @Override
    public PeriodDTO close(long id) {
        return change(id, OPEN, CLOSED);
    }

    @Override
    public PeriodDTO reopen(long id) {
        return change(id, CLOSED, OPEN);
    }

    private PeriodDTO change(long id, String from, String to) {
        return jpa.txExpr(TransactionType.Required, em -> {
            PeriodEntity p = load(em, id);
            javax.persistence.Query update = CLOSED.equals(to)
                ? em.createNativeQuery("UPDATE KV_FIN_PERIOD SET STATE = 'closed', CLOSED_AT = ?, CLOSED_BY = ? WHERE ID = ? AND STATE = 'open'")
                    .setParameter(1, java.sql.Timestamp.valueOf(Times.now())).setParameter(2, String.valueOf(caller.user())).setParameter(3, id)
                : em.createNativeQuery("UPDATE KV_FIN_PERIOD SET STATE = 'open', CLOSED_AT = NULL, CLOSED_BY = NULL WHERE ID = ? AND STATE = 'closed'")
                    .setParameter(1, id);
            int rows = update.executeUpdate();
            if (rows != 1) {
                throw new ConflictException("Period " + p.year + "-" + String.format("%02d", p.month) + " is not " + from);
            }
            em.refresh(p);
            audit.record("finance.period", String.valueOf(id), CLOSED.equals(to) ? "closed" : "reopened", java.util.Map.of());
            return toDto(p);
        });
    }

    private static PeriodEntity load(EntityManager em, long id) {
        PeriodEntity p = em.find(PeriodEntity.class, id);
        if (p == null) {
            throw new NotFoundException("Period", id);
        }
        return p;
    }

    static PeriodDTO toDto(PeriodEntity p) {
        return new PeriodDTO(p.id, p.year, p.month, p.startDate, p.endDate, p.state, Times.instant(p.closedAt), p.closedBy);
    }
}
