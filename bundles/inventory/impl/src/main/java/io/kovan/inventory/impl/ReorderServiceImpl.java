package io.kovan.inventory.impl;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.persistence.EntityManager;
import javax.persistence.criteria.Predicate;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.kovan.inventory.api.ExpectedQuantityDTO;
import io.kovan.inventory.api.ReorderRuleDTO;
import io.kovan.inventory.api.ReorderService;
import io.kovan.inventory.api.ReplenishmentDTO;
import io.kovan.kernel.api.NotFoundException;
import io.kovan.kernel.api.Page;
import io.kovan.kernel.api.PageRequest;
import io.kovan.kernel.api.StaleVersionException;
import io.kovan.kernel.api.Violations;
import io.kovan.kernel.api.audit.AuditService;
import io.kovan.kernel.api.persistence.Constraints;
import io.kovan.kernel.api.persistence.Queries;
import io.kovan.kernel.api.product.ProductDTO;

/** Min/max rules in KV_INV_REORDER_RULE and the replenishment list computed from the same projection as ATP. */
@Component(service = ReorderService.class)
public class ReorderServiceImpl implements ReorderService {

    private final JpaTemplate jpa;
    private final Catalogue catalogue;
    private final Expectations expectations;
    private final WarehouseServiceImpl warehouses;
    private final AuditService audit;

    @Activate
    public ReorderServiceImpl(@Reference(target = "(osgi.unit.name=kovan-inventory)") JpaTemplate jpa, @Reference Catalogue catalogue,
        @Reference Expectations expectations, @Reference WarehouseServiceImpl warehouses, @Reference AuditService audit) {
        this.jpa = jpa;
        this.catalogue = catalogue;
        this.expectations = expectations;
        this.warehouses = warehouses;
        this.audit = audit;
    }

    @Override
    public ReorderRuleDTO create(ReorderRuleDTO rule) {
        return jpa.txExpr(TransactionType.Required, em -> {
            ReorderRuleEntity e = new ReorderRuleEntity();
            apply(em, e, rule);
            em.persist(e);
            Constraints.flush(em, () -> "Product " + rule.productId() + " already has a reorder rule in warehouse " + rule.warehouseId());
            ReorderRuleDTO created = toDto(e);
            audit.record("inventory.reorder-rule", String.valueOf(e.id), "created", AuditService.diff(null, created));
            return created;
        });
    }

    @Override
    public ReorderRuleDTO update(long id, ReorderRuleDTO rule) {
        return jpa.txExpr(TransactionType.Required, em -> {
            ReorderRuleEntity e = load(em, id);
            new Violations().require("version", rule.version()).throwIfAny();
            if (rule.version() != e.version) {
                throw new StaleVersionException("Reorder rule", id, rule.version(), e.version);
            }
            ReorderRuleDTO before = toDto(e);
            apply(em, e, rule);
            Constraints.flush(em, () -> "Product " + rule.productId() + " already has a reorder rule in warehouse " + rule.warehouseId());
            ReorderRuleDTO after = toDto(e);
            audit.record("inventory.reorder-rule", String.valueOf(id), "updated", AuditService.diff(before, after));
            return after;
        });
    }

    private void apply(EntityManager em, ReorderRuleEntity e, ReorderRuleDTO r) {
        Violations v = new Violations();
        catalogue.stocked(v, "productId", r.productId());
        v.require("warehouseId", r.warehouseId());
        v.check(r.warehouseId() == null || em.find(WarehouseEntity.class, r.warehouseId()) != null, "warehouseId", "unknown warehouse " + r.warehouseId());
        v.require("minQuantity", r.minQuantity()).require("maxQuantity", r.maxQuantity());
        v.nonNegative("minQuantity", r.minQuantity(), Ledger.QUANTITY_SCALE);
        v.positive("maxQuantity", r.maxQuantity(), Ledger.QUANTITY_SCALE);
        v.check(r.minQuantity() == null || r.maxQuantity() == null || r.maxQuantity().compareTo(r.minQuantity()) >= 0, "maxQuantity",
            "must not be below minQuantity");
        v.check(r.maxQuantity() == null || r.maxQuantity().precision() - r.maxQuantity().scale() <= 15, "maxQuantity", "is too large");
        v.throwIfAny();
        e.productId = r.productId();
        e.warehouseId = r.warehouseId();
        e.minQuantity = r.minQuantity();
        e.maxQuantity = r.maxQuantity();
    }

    @Override
    public ReorderRuleDTO get(long id) {
        return jpa.txExpr(TransactionType.Supports, em -> toDto(load(em, id)));
    }

    @Override
    public void delete(long id) {
        jpa.tx(TransactionType.Required, em -> {
            ReorderRuleEntity e = load(em, id);
            audit.record("inventory.reorder-rule", String.valueOf(id), "deleted", AuditService.diff(toDto(e), null));
            em.remove(e);
        });
    }

    @Override
    public Page<ReorderRuleDTO> list(PageRequest request) {
        String sort = request.sortField(Set.of("id"), "id");
        Long product = request.longFilter("product");
        Long warehouse = request.longFilter("warehouse");
        return jpa.txExpr(TransactionType.Supports, em -> Queries.page(em, ReorderRuleEntity.class, request, (cb, r) -> {
            List<Predicate> where = new ArrayList<>();
            if (product != null) {
                where.add(cb.equal(r.get("productId"), product));
            }
            if (warehouse != null) {
                where.add(cb.equal(r.get("warehouseId"), warehouse));
            }
            return where;
        }, sort, "id", ReorderServiceImpl::toDto));
    }

    @Override
    public List<ReplenishmentDTO> suggestions(Long warehouseId) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            long defaultWarehouse = warehouses.defaultWarehouse(em).id();
            javax.persistence.TypedQuery<ReorderRuleEntity> query = em.createQuery("SELECT r FROM ReorderRuleEntity r"
                + (warehouseId == null ? "" : " WHERE r.warehouseId = :w") + " ORDER BY r.productId, r.warehouseId", ReorderRuleEntity.class);
            if (warehouseId != null) {
                query.setParameter("w", warehouseId);
            }
            List<ReorderRuleEntity> rules = query.getResultList();
            List<ReplenishmentDTO> list = new ArrayList<>();
            for (ReorderRuleEntity rule : rules) {
                List<?> rows = em.createNativeQuery("SELECT ON_HAND, RESERVED FROM KV_INV_STOCK WHERE PRODUCT_ID = ? AND WAREHOUSE_ID = ?")
                    .setParameter(1, rule.productId).setParameter(2, rule.warehouseId).getResultList();
                BigDecimal onHand = rows.isEmpty() ? BigDecimal.ZERO : Ledger.decimal(((Object[]) rows.get(0))[0]);
                BigDecimal reserved = rows.isEmpty() ? BigDecimal.ZERO : Ledger.decimal(((Object[]) rows.get(0))[1]);
                List<ExpectedQuantityDTO> supply = expectations.supply(em, rule.productId, rule.warehouseId, defaultWarehouse);
                List<ExpectedQuantityDTO> demand = expectations.demand(rule.productId, rule.warehouseId, defaultWarehouse);
                BigDecimal in = Expectations.sum(supply, null);
                BigDecimal out = Expectations.sum(demand, null);
                BigDecimal projected = onHand.subtract(reserved).add(in).subtract(out);
                if (projected.compareTo(rule.minQuantity) < 0) {
                    ProductDTO product = catalogue.product(rule.productId);
                    list.add(new ReplenishmentDTO(rule.id, rule.productId, product.code(), rule.warehouseId, catalogue.warehouseCode(em, rule.warehouseId),
                        onHand, reserved, in, out, projected, rule.minQuantity, rule.maxQuantity, rule.maxQuantity.subtract(projected), product.leadTime(),
                        Times.today(), Times.today().plusDays(product.leadTime())));
                }
            }
            return list;
        });
    }

    private static ReorderRuleEntity load(EntityManager em, long id) {
        ReorderRuleEntity e = em.find(ReorderRuleEntity.class, id);
        if (e == null) {
            throw new NotFoundException("Reorder rule", id);
        }
        return e;
    }

    static ReorderRuleDTO toDto(ReorderRuleEntity e) {
        return new ReorderRuleDTO(e.id, e.productId, e.warehouseId, e.minQuantity, e.maxQuantity, e.version);
    }
}
