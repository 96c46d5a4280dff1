package io.kovan.sales.impl;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import javax.persistence.criteria.Predicate;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.kovan.kernel.api.ConflictException;
import io.kovan.kernel.api.Page;
import io.kovan.kernel.api.PageRequest;
import io.kovan.kernel.api.StaleVersionException;
import io.kovan.kernel.api.Transactions;
import io.kovan.kernel.api.Violations;
import io.kovan.kernel.api.audit.AuditService;
import io.kovan.kernel.api.persistence.Queries;
import io.kovan.sales.api.PriceListDTO;
import io.kovan.sales.api.PriceListItemDTO;
import io.kovan.sales.api.PriceListService;

/** Price lists in KV_SALES_PRICE_LIST with their items in KV_SALES_PRICE_ITEM. */
@Component(service = PriceListService.class)
public class PriceListServiceImpl implements PriceListService {

    static final String ENTITY = "sales.price-list";
    private static final Set<String> SORT_FIELDS = Set.of("code", "name", "validFrom");

    private final JpaTemplate jpa;
    private final AuditService audit;
    private final KernelData kernel;

    @Activate
    public PriceListServiceImpl(@Reference(target = "(osgi.unit.name=kovan-sales)") JpaTemplate jpa, @Reference Transactions kernelReady,
        @Reference AuditService audit, @Reference KernelData kernel) {
        this.jpa = jpa;
        this.audit = audit;
        this.kernel = kernel;
    }

    @Override
    public PriceListDTO create(PriceListDTO p) {
        Violations v = validate(p);
        return jpa.txExpr(TransactionType.Required, em -> {
            v.throwIfAny();
            if (!codeFree(em, p.code().strip(), null)) {
                throw new ConflictException("Another price list has code " + p.code().strip());
            }
            PriceListEntity e = new PriceListEntity();
            apply(e, p);
            em.persist(e);
            em.flush();
            writeItems(em, e.id, p.items());
            PriceListDTO created = toDto(e, items(em, e.id));
            audit.record(ENTITY, String.valueOf(e.id), "created", AuditService.diff(null, created));
            return created;
        });
    }

    @Override
    public PriceListDTO update(long id, PriceListDTO p) {
        Violations v = validate(p);
        v.require("version", p.version());
        return jpa.txExpr(TransactionType.Required, em -> {
            PriceListEntity e = Docs.load(em, PriceListEntity.class, "Price list", id);
            v.throwIfAny();
            if (!codeFree(em, p.code().strip(), id)) {
                throw new ConflictException("Another price list has code " + p.code().strip());
            }
            if (e.version != p.version()) {
                throw new StaleVersionException("Price list", id, p.version(), e.version);
            }
            PriceListDTO before = toDto(e, items(em, id));
            // The items are rows of their own: a change of items alone must still move the list's version on.
            em.lock(e, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
            apply(e, p);
            em.createQuery("DELETE FROM PriceListItemEntity i WHERE i.priceListId = :id").setParameter("id", id).executeUpdate();
            writeItems(em, id, p.items());
            em.flush();
            PriceListDTO after = toDto(e, items(em, id));
            audit.record(ENTITY, String.valueOf(id), "updated", AuditService.diff(before, after));
            return after;
        });
    }

    @Override
    public PriceListDTO get(long id) {
        return jpa.txExpr(TransactionType.Supports, em -> toDto(Docs.load(em, PriceListEntity.class, "Price list", id), items(em, id)));
    }

    @Override
    public Page<PriceListDTO> list(PageRequest request) {
        String sort = request.sortField(SORT_FIELDS, "code");
        return jpa.txExpr(TransactionType.Supports, em -> Queries.page(em, PriceListEntity.class, request, (cb, p) -> {
            List<Predicate> where = new ArrayList<>();
            if (request.q() != null) {
                String pattern = Queries.containsPattern(request.q());
                where.add(cb.or(cb.like(cb.upper(p.get("code")), pattern, '\\'), cb.like(cb.upper(p.get("name")), pattern, '\\')));
            }
            if (request.filter("currency") != null) {
                where.add(cb.equal(p.get("currency"), request.filter("currency")));
            }
            if (request.filter("customerGroup") != null) {
                where.add(cb.equal(p.get("customerGroup"), request.filter("customerGroup")));
            }
            return where;
        }, sort, "id", e -> toDto(e, items(em, e.id))));
    }

    @Override
    public void delete(long id) {
        jpa.tx(TransactionType.Required, em -> {
            PriceListEntity e = Docs.load(em, PriceListEntity.class, "Price list", id);
            PriceListDTO before = toDto(e, items(em, id));
            em.createQuery("DELETE FROM PriceListItemEntity i WHERE i.priceListId = :id").setParameter("id", id).executeUpdate();
            em.remove(e);
            em.flush();
            audit.record(ENTITY, String.valueOf(id), "deleted", AuditService.diff(before, null));
        });
    }

    private Violations validate(PriceListDTO p) {
        Violations v = new Violations();
        v.requireText("code", p.code(), 32).requireText("name", p.name(), 200).maxLength("customerGroup", p.customerGroup(), 32);
        v.requireText("currency", p.currency(), 3);
        kernel.decimals(v, "currency", p.currency());
        v.check(p.validFrom() == null || p.validTo() == null || !p.validTo().isBefore(p.validFrom()), "validTo", "must not be before validFrom");
        List<PriceListItemDTO> items = p.items() == null ? List.of() : p.items();
        v.check(items.size() <= 10_000, "items", "must be at most 10000");
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            PriceListItemDTO item = items.get(i);
            String at = "items[" + i + "].";
            if (item == null) {
                v.check(false, "items[" + i + "]", "is required");
                continue;
            }
            v.require(at + "productId", item.productId());
            kernel.product(v, at + "productId", item.productId());
            v.nonNegative(at + "minQuantity", item.minQuantity(), Pricing.QUANTITY_SCALE);
            v.require(at + "price", item.price());
            v.nonNegative(at + "price", item.price(), Pricing.PRICE_SCALE);
            v.check(item.price() == null || item.price().precision() - item.price().scale() <= 15, at + "price", "is too large");
            BigDecimal min = item.minQuantity() == null ? BigDecimal.ZERO : item.minQuantity().stripTrailingZeros();
            v.check(keys.add(item.productId() + "@" + min.toPlainString()), at + "minQuantity", "repeats a product's quantity break");
        }
        return v;
    }

    private static boolean codeFree(EntityManager em, String code, Long except) {
        return em.createQuery("SELECT p.id FROM PriceListEntity p WHERE p.code = :code", Long.class).setParameter("code", code).getResultList()
            .stream().allMatch(id -> id.equals(except));
    }

    private static void apply(PriceListEntity e, PriceListDTO p) {
        e.code = p.code().strip();
        e.name = p.name().strip();
        e.currency = p.currency();
        e.customerGroup = Names.trimmed(p.customerGroup());
        e.validFrom = p.validFrom();
        e.validTo = p.validTo();
    }

    private static void writeItems(EntityManager em, long listId, List<PriceListItemDTO> items) {
        for (PriceListItemDTO item : items == null ? List.<PriceListItemDTO>of() : items) {
            PriceListItemEntity i = new PriceListItemEntity();
            i.priceListId = listId;
            i.productId = item.productId();
            i.minQuantity = (item.minQuantity() == null ? BigDecimal.ZERO : item.minQuantity()).setScale(Pricing.QUANTITY_SCALE, RoundingMode.HALF_UP);
            i.price = item.price().setScale(Pricing.PRICE_SCALE, RoundingMode.HALF_UP);
            em.persist(i);
        }
        em.flush();
    }

    private static List<PriceListItemEntity> items(EntityManager em, long listId) {
        return em.createQuery("SELECT i FROM PriceListItemEntity i WHERE i.priceListId = :id ORDER BY i.productId, i.minQuantity",
            PriceListItemEntity.class).setParameter("id", listId).getResultList();
    }

    private static PriceListDTO toDto(PriceListEntity e, List<PriceListItemEntity> items) {
        return new PriceListDTO(e.id, e.code, e.name, e.currency, e.customerGroup, e.validFrom, e.validTo,
            items.stream().map(i -> new PriceListItemDTO(i.productId, i.minQuantity, i.price)).toList(), e.version);
    }
}
