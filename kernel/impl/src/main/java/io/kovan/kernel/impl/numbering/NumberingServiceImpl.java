package io.kovan.kernel.impl.numbering;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.persistence.EntityManager;
import javax.transaction.TransactionManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.kovan.kernel.impl.audit.MasterDataChanges;
import io.kovan.kernel.impl.persistence.AfterCommit;
import io.kovan.kernel.impl.module.SchemaReady;

import io.kovan.kernel.api.ConflictException;
import io.kovan.kernel.api.NotFoundException;
import io.kovan.kernel.api.Violations;
import io.kovan.kernel.api.numbering.NumberSeriesDTO;
import io.kovan.kernel.api.numbering.NumberingService;

/**
 * Draws numbers by incrementing the series' counter row inside the caller's transaction: the
 * row lock serialises concurrent drawers, and a rollback undoes the increment, so the number
 * is handed out again rather than lost.
 */
@Component(service = NumberingService.class)
public class NumberingServiceImpl implements NumberingService {

    private final JpaTemplate jpa;
    private final MasterDataChanges changes;
    /**
     * Series settings by code, read once: a committed series never changes ({@link #define} refuses
     * another definition), and every document drew its series' row anew before. The one thing read
     * here that may not stay is a definition its own transaction has not committed yet: that
     * transaction's end forgets it, committed or not.
     */
    private final Map<String, NumberSeriesDTO> defined = new ConcurrentHashMap<>();
    private final TransactionManager tm;

    @Activate
    public NumberingServiceImpl(@Reference(target = "(osgi.unit.name=kovan-core)") JpaTemplate jpa, @Reference SchemaReady schemaReady,
        @Reference MasterDataChanges changes, @Reference TransactionManager tm) {
        this.jpa = jpa;
        this.changes = changes;
        this.tm = tm;
    }

    @Override
    public String next(String series) {
        return next(series, LocalDate.now(java.time.ZoneOffset.UTC));
    }

    @Override
    public String next(String code, LocalDate documentDate) {
        NumberSeriesDTO series = defined(code);
        int year = series.yearly() ? documentDate.getYear() : 0;
        long number = jpa.txExpr(TransactionType.Required, em -> {
            // Every drawer takes the series row's lock first (a no-op update), then the counter's:
            // one lock order for all, so the first draws of a new year, whose counter row does not
            // exist yet (or vanished again when its creator rolled back), cannot deadlock.
            if (em.createNativeQuery("UPDATE KV_NUMBER_SERIES SET PADDING = PADDING WHERE CODE = ?").setParameter(1, series.code()).executeUpdate() == 0) {
                // Read while it was there, no longer in the database.
                defined.remove(series.code());
                throw new NotFoundException("Number series", series.code());
            }
            long drawn = increment(em, series.code(), year);
            if (drawn == 0) {
                em.createNativeQuery("INSERT INTO KV_NUMBER_COUNTER (SERIES_CODE, YEAR_NO, LAST_NO) VALUES (?, ?, 1)")
                    .setParameter(1, series.code()).setParameter(2, year).executeUpdate();
                drawn = 1;
            }
            return drawn;
        });
        return NumberFormat.format(series, year, number);
    }

    /** The series' settings, read once (see {@link #defined}). */
    private NumberSeriesDTO defined(String code) {
        NumberSeriesDTO known = code == null ? null : defined.get(code);
        if (known != null) {
            return known;
        }
        NumberSeriesDTO read = get(code);
        defined.put(code, read);
        return read;
    }

    private static long increment(EntityManager em, String series, int year) {
        int updated = em.createNativeQuery("UPDATE KV_NUMBER_COUNTER SET LAST_NO = LAST_NO + 1 WHERE SERIES_CODE = ? AND YEAR_NO = ?")
            .setParameter(1, series).setParameter(2, year).executeUpdate();
        if (updated == 0) {
            return 0;
        }
        return ((Number) em.createNativeQuery("SELECT LAST_NO FROM KV_NUMBER_COUNTER WHERE SERIES_CODE = ? AND YEAR_NO = ?")
            .setParameter(1, series).setParameter(2, year).getSingleResult()).longValue();
    }

    @Override
    public List<NumberSeriesDTO> series() {
        return jpa.txExpr(TransactionType.Supports, em -> em
            .createQuery("SELECT s FROM NumberSeriesEntity s ORDER BY s.code", NumberSeriesEntity.class)
            .getResultList().stream().map(NumberingServiceImpl::toDto).toList());
    }

    @Override
    public NumberSeriesDTO get(String code) {
        if (code == null) {
            throw new NotFoundException("Number series", null);
        }
        NumberSeriesEntity e = jpa.txExpr(TransactionType.Supports, em -> em.find(NumberSeriesEntity.class, code));
        if (e == null) {
            throw new NotFoundException("Number series", code);
        }
        return toDto(e);
    }

    @Override
    public NumberSeriesDTO define(NumberSeriesDTO series) {
        Violations v = new Violations();
        v.requireText("code", series.code(), 16);
        v.check(series.code() == null || series.code().matches("[A-Z0-9_]{1,16}"), "code", "must be 1 to 16 capital letters, digits or _");
        v.requireText("prefix", series.prefix(), 16);
        v.check(series.padding() >= 1 && series.padding() <= 12, "padding", "must be between 1 and 12");
        v.maxLength("description", series.description(), 200);
        v.throwIfAny();
        return jpa.txExpr(TransactionType.Required, em -> {
            AfterCommit.atEnd(tm, () -> defined.remove(series.code()));
            NumberSeriesEntity existing = em.find(NumberSeriesEntity.class, series.code());
            if (existing != null) {
                if (!toDto(existing).equals(series)) {
                    throw new ConflictException("Number series " + series.code() + " already exists with another definition");
                }
                return toDto(existing);
            }
            NumberSeriesEntity e = new NumberSeriesEntity();
            e.code = series.code();
            e.prefix = series.prefix();
            e.yearly = series.yearly();
            e.padding = series.padding();
            e.description = series.description();
            em.persist(e);
            NumberSeriesDTO created = toDto(e);
            changes.written("core.number-series", e.code, "created", null, created, java.util.Map.of("prefix", e.prefix, "yearly", e.yearly));
            return created;
        });
    }

    @Override
    public long last(String code, int year) {
        NumberSeriesDTO series = get(code);
        int key = series.yearly() ? year : 0;
        return jpa.txExpr(TransactionType.Supports, em -> {
            List<?> rows = em.createNativeQuery("SELECT LAST_NO FROM KV_NUMBER_COUNTER WHERE SERIES_CODE = ? AND YEAR_NO = ?")
                .setParameter(1, series.code()).setParameter(2, key).getResultList();
            return rows.isEmpty() ? 0L : ((Number) rows.get(0)).longValue();
        });
    }

    private static NumberSeriesDTO toDto(NumberSeriesEntity e) {
        return new NumberSeriesDTO(e.code, e.prefix, e.yearly, e.padding, e.description);
    }
}
