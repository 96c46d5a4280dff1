package io.kovan.kernel.impl.currency;

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

import io.kovan.kernel.impl.audit.MasterDataChanges;
import io.kovan.kernel.impl.module.SchemaReady;

import io.kovan.kernel.api.ConflictException;
import io.kovan.kernel.api.NotFoundException;
import io.kovan.kernel.api.ValidationException;
import io.kovan.kernel.api.Violations;
import io.kovan.kernel.api.currency.ConversionDTO;
import io.kovan.kernel.api.currency.CurrencyDTO;
import io.kovan.kernel.api.currency.CurrencyService;
import io.kovan.kernel.api.currency.ExchangeRateDTO;
import io.kovan.kernel.api.persistence.MasterDataCache;

/** Currencies and dated exchange rates, stored in KV_CURRENCY and KV_EXCHANGE_RATE. */
@Component(service = CurrencyService.class)
public class CurrencyServiceImpl implements CurrencyService {

    static final String CACHE_REGION = "core.currency";

    private final JpaTemplate jpa;
    private final MasterDataChanges changes;
    private final MasterDataCache cache;

    @Activate
    public CurrencyServiceImpl(@Reference(target = "(osgi.unit.name=kovan-core)") JpaTemplate jpa, @Reference SchemaReady schemaReady,
        @Reference MasterDataChanges changes, @Reference MasterDataCache cache) {
        this.jpa = jpa;
        this.cache = cache;
        this.changes = changes;
    }

    @Override
    public List<CurrencyDTO> list() {
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery("SELECT c FROM CurrencyEntity c ORDER BY c.code", CurrencyEntity.class)
            .getResultList().stream().map(CurrencyServiceImpl::toDto).toList());
    }

    @Override
    public CurrencyDTO get(String code) {
        CurrencyDTO currency = code == null ? null : cache.get(CACHE_REGION, code, () -> jpa.txExpr(TransactionType.Supports, em -> {
            // Committed rows, not a currency this transaction read before (MasterDataCache).
            CurrencyEntity e = em.find(CurrencyEntity.class, code, MasterDataCache.REFRESHED);
            return e == null ? null : toDto(e);
        }));
        if (currency == null) {
            throw new NotFoundException("Currency", code);
        }
        return currency;
    }

    @Override
    public CurrencyDTO create(CurrencyDTO currency) {
        Violations v = new Violations();
        v.require("code", currency.code());
        v.check(currency.code() == null || (currency.code().matches("[A-Z]{3}") && isIso4217(currency.code())), "code",
            "must be an ISO 4217 currency code (TRY, EUR, USD …)");
        v.requireText("name", currency.name(), 100);
        v.check(currency.decimals() >= 0 && currency.decimals() <= 4, "decimals", "must be between 0 and 4");
        v.throwIfAny();
        return jpa.txExpr(TransactionType.Required, em -> {
            cache.changed(CACHE_REGION);
            if (em.find(CurrencyEntity.class, currency.code()) != null) {
                throw new ConflictException("Currency " + currency.code() + " already exists");
            }
            CurrencyEntity e = new CurrencyEntity();
            e.code = currency.code();
            e.name = currency.name().strip();
            e.decimals = currency.decimals();
            e.active = currency.active();
            em.persist(e);
            // Written now: a read of it later in this transaction goes to the database (MasterDataCache).
            em.flush();
            CurrencyDTO created = toDto(e);
            changes.written("core.currency", e.code, "created", null, created, java.util.Map.of("name", e.name, "active", e.active));
            return created;
        });
    }

    @Override
    public List<ExchangeRateDTO> rates(String code, LocalDate from, LocalDate to) {
        get(code);
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                "SELECT r FROM ExchangeRateEntity r WHERE (r.fromCurrency = :c OR r.toCurrency = :c)"
                    + " AND r.rateDate >= :from AND r.rateDate <= :to ORDER BY r.rateDate DESC, r.fromCurrency, r.toCurrency",
                ExchangeRateEntity.class)
            .setParameter("c", code)
            .setParameter("from", from == null ? LocalDate.of(1900, 1, 1) : from)
            .setParameter("to", to == null ? LocalDate.of(9999, 12, 31) : to)
            .getResultList().stream().map(CurrencyServiceImpl::toDto).toList());
    }

    @Override
    public ExchangeRateDTO setRate(ExchangeRateDTO rate) {
        Violations v = new Violations();
        v.require("from", rate.from()).require("to", rate.to()).require("date", rate.date()).require("rate", rate.rate());
        v.check(rate.rate() == null || rate.rate().signum() > 0, "rate", "must be greater than 0");
        v.check(rate.rate() == null || rate.rate().stripTrailingZeros().scale() <= 10, "rate", "must have at most 10 decimals");
        v.check(rate.from() == null || !rate.from().equals(rate.to()), "to", "must differ from 'from'");
        v.throwIfAny();
        return jpa.txExpr(TransactionType.Required, em -> {
            requireCurrency(em, "from", rate.from());
            requireCurrency(em, "to", rate.to());
            List<ExchangeRateEntity> same = em.createQuery(
                    "SELECT r FROM ExchangeRateEntity r WHERE r.fromCurrency = :f AND r.toCurrency = :t AND r.rateDate = :d", ExchangeRateEntity.class)
                .setParameter("f", rate.from()).setParameter("t", rate.to()).setParameter("d", rate.date()).getResultList();
            ExchangeRateEntity e = same.isEmpty() ? new ExchangeRateEntity() : same.get(0);
            ExchangeRateDTO before = same.isEmpty() ? null : toDto(e);
            e.fromCurrency = rate.from();
            e.toCurrency = rate.to();
            e.rateDate = rate.date();
            e.rate = rate.rate();
            if (same.isEmpty()) {
                em.persist(e);
            }
            ExchangeRateDTO after = toDto(e);
            changes.written("core.exchange-rate", e.fromCurrency + "-" + e.toCurrency + "-" + e.rateDate, before == null ? "created" : "updated",
                before, after, java.util.Map.of("from", e.fromCurrency, "to", e.toCurrency, "date", e.rateDate.toString(),
                    "rate", e.rate.toPlainString()));
            return after;
        });
    }

    @Override
    public ConversionDTO convert(BigDecimal amount, String from, String to, LocalDate date) {
        Violations v = new Violations();
        v.require("amount", amount).require("from", from).require("to", to).throwIfAny();
        LocalDate day = date == null ? LocalDate.now(java.time.ZoneOffset.UTC) : date;
        get(from);
        CurrencyDTO target = get(to);
        if (from.equals(to)) {
            return new ConversionDTO(amount, from, to, day, BigDecimal.ONE, day, amount.setScale(target.decimals(), RoundingMode.HALF_UP));
        }
        List<ExchangeRateDTO> candidates = jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                "SELECT r FROM ExchangeRateEntity r WHERE ((r.fromCurrency = :f AND r.toCurrency = :t) OR (r.fromCurrency = :t AND r.toCurrency = :f))"
                    + " AND r.rateDate <= :d", ExchangeRateEntity.class)
            .setParameter("f", from).setParameter("t", to).setParameter("d", day)
            .getResultList().stream().map(CurrencyServiceImpl::toDto).toList());
        RateTable.Found found = RateTable.find(candidates, from, to, day)
            .orElseThrow(() -> new ValidationException("date", "no " + from + "/" + to + " rate on or before " + day));
        BigDecimal result = amount.multiply(found.rate()).setScale(target.decimals(), RoundingMode.HALF_UP);
        return new ConversionDTO(amount, from, to, day, found.rate().stripTrailingZeros(), found.date(), result);
    }

    private static void requireCurrency(EntityManager em, String field, String code) {
        if (em.find(CurrencyEntity.class, code) == null) {
            throw new ValidationException(field, "unknown currency " + code);
        }
    }

    private static CurrencyDTO toDto(CurrencyEntity e) {
        return new CurrencyDTO(e.code, e.name, e.decimals, e.active);
    }

    private static ExchangeRateDTO toDto(ExchangeRateEntity e) {
        return new ExchangeRateDTO(e.fromCurrency, e.toCurrency, e.rateDate, e.rate.stripTrailingZeros());
    }

    /** The JDK's ISO 4217 table (java.util.Currency) knows every current and historic code. */
    static boolean isIso4217(String code) {
        return java.util.Currency.getAvailableCurrencies().stream().anyMatch(c -> c.getCurrencyCode().equals(code));
    }
}
