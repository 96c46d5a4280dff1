package io.kovan.kernel.impl.product;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javax.persistence.EntityManager;
import javax.persistence.criteria.Predicate;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.kovan.kernel.impl.module.SchemaReady;

import io.kovan.kernel.api.ConflictException;
import io.kovan.kernel.api.NotFoundException;
import io.kovan.kernel.api.Page;
import io.kovan.kernel.api.PageRequest;
import io.kovan.kernel.api.StaleVersionException;
import io.kovan.kernel.api.Violations;
import io.kovan.kernel.api.audit.AuditService;
import io.kovan.kernel.api.company.CompanyService;
import io.kovan.kernel.api.currency.CurrencyService;
import io.kovan.kernel.api.event.EventPublisher;
import io.kovan.kernel.api.persistence.MasterDataCache;
import io.kovan.kernel.api.product.ProductDTO;
import io.kovan.kernel.api.product.ProductService;
import io.kovan.kernel.api.product.ProductType;
import io.kovan.kernel.api.unit.UnitService;
import io.kovan.kernel.api.persistence.Constraints;
import io.kovan.kernel.api.persistence.Money;
import io.kovan.kernel.api.persistence.Queries;

/** The product catalogue in KV_PRODUCT. Prices and costs are kept at 4 decimals (unit prices). */
@Component(service = ProductService.class)
public class ProductServiceImpl implements ProductService {

    static final String CACHE_REGION = "core.product";

    static final int PRICE_SCALE = 4;
    static final BigDecimal DEFAULT_VAT = new BigDecimal("20.00");
    private static final Set<String> SORT_FIELDS = Set.of("code", "name", "salesPrice");

    private final JpaTemplate jpa;
    private final UnitService units;
    private final CurrencyService currencies;
    private final CompanyService companies;
    private final EventPublisher events;
    private final AuditService audit;
    private final MasterDataCache cache;

    @Activate
    public ProductServiceImpl(@Reference(target = "(osgi.unit.name=kovan-core)") JpaTemplate jpa, @Reference SchemaReady schemaReady, @Reference UnitService units,
        @Reference CurrencyService currencies, @Reference CompanyService companies, @Reference EventPublisher events,
        @Reference AuditService audit, @Reference MasterDataCache cache) {
        this.jpa = jpa;
        this.cache = cache;
        this.units = units;
        this.currencies = currencies;
        this.companies = companies;
        this.events = events;
        this.audit = audit;
    }

    @Override
    public ProductDTO create(ProductDTO product) {
        validate(product);
        return jpa.txExpr(TransactionType.Required, em -> {
            cache.changed(CACHE_REGION);
            refuseDuplicates(em, product, null);
            ProductEntity e = new ProductEntity();
            apply(e, product);
            em.persist(e);
            Constraints.flush(em, () -> "Another product already has code " + product.code() + " or barcode " + product.barcode());
            publish("core.product.created", e);
            ProductDTO created = toDto(e);
            audit.record("core.product", String.valueOf(e.id), "created", AuditService.diff(null, created));
            return created;
        });
    }

    @Override
    public ProductDTO update(long id, ProductDTO product) {
        validate(product);
        new Violations().require("version", product.version()).throwIfAny();
        return jpa.txExpr(TransactionType.Required, em -> {
            cache.changed(CACHE_REGION);
            ProductEntity e = load(em, id);
            if (e.version != product.version()) {
                throw new StaleVersionException("Product", id, product.version(), e.version);
            }
            refuseDuplicates(em, product, id);
            ProductDTO before = toDto(e);
            apply(e, product);
            Constraints.flush(em, () -> "Another product already has code " + product.code() + " or barcode " + product.barcode());
            publish("core.product.updated", e);
            ProductDTO after = toDto(e);
            audit.record("core.product", String.valueOf(id), "updated", AuditService.diff(before, after));
            return after;
        });
    }

    @Override
    public ProductDTO get(long id) {
        // Not found is thrown outside the template, which would otherwise doom the caller's transaction.
        ProductDTO product = cache.get(CACHE_REGION, id, () -> jpa.txExpr(TransactionType.Supports, em -> {
            ProductEntity e = em.find(ProductEntity.class, id, MasterDataCache.REFRESHED);
            return e == null ? null : detached(em, e);
        }));
        if (product == null) {
            throw new NotFoundException("Product", id);
        }
        return product;
    }

    /**
     * The product as read, and out of the persistence context: a module pricing a thousand-line
     * order reads a thousand products in one transaction, and each one kept would be compared at
     * every later flush of it. Writes here always flush before they return, so nothing is lost.
     */
    private static ProductDTO detached(EntityManager em, ProductEntity e) {
        ProductDTO dto = toDto(e);
        em.detach(e);
        return dto;
    }

    @Override
    public java.util.Map<Long, ProductDTO> getAll(java.util.Collection<Long> ids) {
        return cache.getAll(CACHE_REGION, ids.stream().filter(java.util.Objects::nonNull).toList(), wanted -> jpa.txExpr(TransactionType.Supports, em -> {
            List<Long> missing = List.copyOf(wanted);
            java.util.Map<Long, ProductDTO> found = new java.util.HashMap<>();
            // IN lists of at most 500, which every database takes; committed rows, not what the persistence context holds.
            for (int from = 0; from < missing.size(); from += 500) {
                for (ProductEntity e : em.createQuery("SELECT p FROM ProductEntity p WHERE p.id IN :ids", ProductEntity.class)
                    .setParameter("ids", missing.subList(from, Math.min(missing.size(), from + 500))).setHint(MasterDataCache.REFRESH_HINT, "true").getResultList()) {
                    found.put(e.id, detached(em, e));
                }
            }
            return found;
        }));
    }

    @Override
    public ProductDTO find(String idOrCode) {
        ProductDTO product = jpa.txExpr(TransactionType.Supports, em -> em.createQuery("SELECT p FROM ProductEntity p WHERE p.code = :code",
            ProductEntity.class).setParameter("code", idOrCode).getResultList().stream().findFirst().map(e -> detached(em, e)).orElse(null));
        if (product != null) {
            return product;
        }
        if (idOrCode != null && idOrCode.matches("\\d{1,18}")) {
            return get(Long.parseLong(idOrCode));
        }
        throw new NotFoundException("Product", idOrCode);
    }

    @Override
    public Page<ProductDTO> list(PageRequest request) {
        String sort = request.sortField(SORT_FIELDS, "code");
        ProductType type = Queries.enumValue(ProductType.class, "type", request.filter("type"));
        String category = request.filter("category");
        String barcode = request.filter("barcode");
        Boolean active = request.booleanFilter("active");
        return jpa.txExpr(TransactionType.Supports, em -> Queries.page(em, ProductEntity.class, request, (cb, p) -> {
            List<Predicate> where = new ArrayList<>();
            if (request.q() != null) {
                String pattern = Queries.containsPattern(request.q());
                where.add(cb.or(cb.like(p.get("searchName"), pattern, '\\'), cb.like(cb.upper(p.get("code")), pattern, '\\'),
                    cb.like(p.get("barcode"), pattern, '\\')));
            }
            if (type != null) {
                where.add(cb.equal(p.get("type"), type));
            }
            if (category != null) {
                where.add(cb.equal(p.get("category"), category));
            }
            if (barcode != null) {
                where.add(cb.equal(p.get("barcode"), barcode));
            }
            if (active != null) {
                where.add(cb.equal(p.get("active"), active));
            }
            return where;
        }, sort.equals("name") ? "searchName" : sort, "id", ProductServiceImpl::toDto));
    }

    @Override
    public void delete(long id) {
        jpa.tx(TransactionType.Required, em -> {
            cache.changed(CACHE_REGION);
            ProductEntity product = load(em, id);
            ProductDTO before = toDto(product);
            em.remove(product);
            Constraints.flush(em, () -> "Product " + product.code + " is still in use by another module's record");
            publish("core.product.deleted", product);
            audit.record("core.product", String.valueOf(id), "deleted", AuditService.diff(before, null));
        });
    }

    private void publish(String event, ProductEntity e) {
        events.publish(event, java.util.Map.of("id", e.id, "code", e.code, "name", e.name, "type", e.type.name()));
    }

    private void validate(ProductDTO p) {
        Violations v = new Violations();
        v.requireText("code", p.code(), 64);
        v.check(p.code() == null || p.code().matches("[A-Za-z0-9._/-]+"), "code", "may hold only letters, digits and . _ / -");
        v.requireText("name", p.name(), 200);
        v.require("type", p.type());
        v.requireText("unit", p.unit(), 16);
        v.nonNegative("salesPrice", p.salesPrice(), PRICE_SCALE);
        v.nonNegative("standardCost", p.standardCost(), PRICE_SCALE);
        v.check(p.salesPrice() == null || p.salesPrice().precision() - p.salesPrice().scale() <= 15, "salesPrice", "is too large");
        v.check(p.standardCost() == null || p.standardCost().precision() - p.standardCost().scale() <= 15, "standardCost", "is too large");
        v.check(p.vatRate() == null || (p.vatRate().signum() >= 0 && p.vatRate().compareTo(BigDecimal.valueOf(100)) <= 0
            && p.vatRate().stripTrailingZeros().scale() <= 2), "vatRate", "must be a percentage from 0 to 100 with at most 2 decimals");
        v.maxLength("barcode", p.barcode(), 64);
        v.check(p.barcode() == null || p.barcode().isBlank() || Barcodes.isValid(p.barcode()), "barcode",
            "must be an EAN-8, UPC-A, EAN-13 or GTIN-14 with a valid check digit");
        v.maxLength("category", p.category(), 100);
        v.check(p.leadTimeDays() == null || (p.leadTimeDays() >= 0 && p.leadTimeDays() <= 3650), "leadTimeDays", "must be from 0 to 3650 days");
        if (p.unit() != null && units.list().stream().noneMatch(u -> u.code().equals(p.unit()))) {
            v.check(false, "unit", "unknown unit " + p.unit());
        }
        if (p.currency() != null && currencies.list().stream().noneMatch(c -> c.code().equals(p.currency()))) {
            v.check(false, "currency", "unknown currency " + p.currency());
        }
        v.throwIfAny();
    }

    private static void refuseDuplicates(EntityManager em, ProductDTO p, Long self) {
        long selfId = self == null ? -1L : self;
        if (!em.createQuery("SELECT p.id FROM ProductEntity p WHERE p.code = :c AND p.id <> :self", Long.class)
            .setParameter("c", p.code().strip()).setParameter("self", selfId).getResultList().isEmpty()) {
            throw new ConflictException("A product with code " + p.code().strip() + " already exists");
        }
        if (p.barcode() != null && !p.barcode().isBlank()
            && !em.createQuery("SELECT p.id FROM ProductEntity p WHERE p.barcode = :b AND p.id <> :self", Long.class)
            .setParameter("b", p.barcode().strip()).setParameter("self", selfId).getResultList().isEmpty()) {
            throw new ConflictException("A product with barcode " + p.barcode().strip() + " already exists");
        }
    }

    private void apply(ProductEntity e, ProductDTO p) {
        e.code = p.code().strip();
        e.name = p.name().strip();
        e.searchName = e.name.toUpperCase(Locale.ROOT);
        e.type = p.type();
        e.unit = p.unit();
        e.currency = p.currency() != null ? p.currency() : companies.defaultCompany().baseCurrency();
        e.salesPrice = p.salesPrice() == null ? null : p.salesPrice().setScale(PRICE_SCALE, RoundingMode.UNNECESSARY);
        e.standardCost = p.standardCost() == null ? null : p.standardCost().setScale(PRICE_SCALE, RoundingMode.UNNECESSARY);
        e.vatRate = (p.vatRate() == null ? DEFAULT_VAT : p.vatRate()).setScale(2, RoundingMode.UNNECESSARY);
        e.barcode = p.barcode() == null || p.barcode().isBlank() ? null : p.barcode().strip();
        e.category = p.category() == null || p.category().isBlank() ? null : p.category().strip();
        e.active = p.active() == null || p.active();
        e.leadTimeDays = p.leadTimeDays() == null ? 0 : p.leadTimeDays();
    }

    private static ProductEntity load(EntityManager em, long id) {
        ProductEntity e = em.find(ProductEntity.class, id);
        if (e == null) {
            throw new NotFoundException("Product", id);
        }
        return e;
    }

    static ProductDTO toDto(ProductEntity e) {
        return new ProductDTO(e.id, e.code, e.name, e.type, e.unit, Money.plain(e.salesPrice), e.currency, Money.plain(e.standardCost), e.vatRate,
            e.barcode, e.category, e.active, e.version, e.leadTimeDays);
    }
}
