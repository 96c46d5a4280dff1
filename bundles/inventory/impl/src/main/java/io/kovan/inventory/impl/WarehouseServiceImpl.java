package io.kovan.inventory.impl;

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

import io.kovan.inventory.api.LocationDTO;
import io.kovan.inventory.api.WarehouseDTO;
import io.kovan.inventory.api.WarehouseService;
import io.kovan.kernel.api.ConflictException;
import io.kovan.kernel.api.NotFoundException;
import io.kovan.kernel.api.Page;
import io.kovan.kernel.api.PageRequest;
import io.kovan.kernel.api.StaleVersionException;
import io.kovan.kernel.api.Transactions;
import io.kovan.kernel.api.Violations;
import io.kovan.kernel.api.audit.AuditService;
import io.kovan.kernel.api.persistence.Constraints;
import io.kovan.kernel.api.persistence.MasterDataCache;
import io.kovan.kernel.api.persistence.Queries;

/**
 * Warehouses (KV_INV_WAREHOUSE) and their location trees (KV_INV_LOCATION). The first start
 * creates warehouse {@code WH}, so a company with one store room needs no set-up.
 */
@Component(service = {WarehouseService.class, WarehouseServiceImpl.class})
public class WarehouseServiceImpl implements WarehouseService {

    static final String DEFAULT_CODE = "WH";
    private static final String CODE_PATTERN = "[A-Za-z0-9._-]+";
    private static final Set<String> SORT_FIELDS = Set.of("code", "name");

    /** Warehouses kept in memory (the default one). */
    static final String CACHE_REGION = "inventory.warehouse";

    private final JpaTemplate jpa;
    private final AuditService audit;
    private final MasterDataCache cache;

    @Activate
    public WarehouseServiceImpl(@Reference(target = "(osgi.unit.name=kovan-inventory)") JpaTemplate jpa, @Reference Transactions kernelReady,
        @Reference AuditService audit, @Reference MasterDataCache cache) {
        this.jpa = jpa;
        this.audit = audit;
        this.cache = cache;
        try {
            jpa.tx(TransactionType.Required, em -> {
                if (em.createQuery("SELECT COUNT(w) FROM WarehouseEntity w", Long.class).getSingleResult() == 0) {
                    create(em, new WarehouseDTO(null, DEFAULT_CODE, "Main warehouse", null, true, null, null));
                }
            });
        } catch (ConflictException e) {
            // another instance created it at the same moment
        }
    }

    @Override
    public WarehouseDTO create(WarehouseDTO w) {
        return jpa.txExpr(TransactionType.Required, em -> create(em, w));
    }

    private WarehouseDTO create(EntityManager em, WarehouseDTO w) {
        cache.changed(CACHE_REGION);
        Violations v = new Violations();
        v.requireText("code", w.code(), 32);
        v.check(w.code() == null || w.code().strip().matches(CODE_PATTERN), "code", "may hold only letters, digits and . _ -");
        v.requireText("name", w.name(), 200).maxLength("address", w.address(), 500);
        v.throwIfAny();
        WarehouseEntity e = new WarehouseEntity();
        e.code = w.code().strip();
        e.name = w.name().strip();
        e.address = w.address();
        e.active = w.active() == null || w.active();
        em.persist(e);
        Constraints.flush(em, () -> "A warehouse with code " + e.code + " already exists");
        LocationEntity root = new LocationEntity();
        root.warehouseId = e.id;
        root.code = e.code;
        root.name = e.name;
        root.path = e.code;
        root.active = true;
        em.persist(root);
        Constraints.flush(em, () -> "A location with path " + root.path + " already exists");
        e.rootLocationId = root.id;
        em.flush();
        WarehouseDTO created = toDto(e);
        audit.record("inventory.warehouse", String.valueOf(e.id), "created", AuditService.diff(null, created));
        return created;
    }

    @Override
    public WarehouseDTO update(long id, WarehouseDTO w) {
        return jpa.txExpr(TransactionType.Required, em -> {
            cache.changed(CACHE_REGION);
            WarehouseEntity e = load(em, id);
            Violations v = new Violations();
            v.require("version", w.version()).requireText("name", w.name(), 200).maxLength("address", w.address(), 500);
            v.check(w.code() == null || w.code().strip().equals(e.code), "code", "cannot change; it is the root of every location path");
            v.throwIfAny();
            if (w.version() != e.version) {
                throw new StaleVersionException("Warehouse", id, w.version(), e.version);
            }
            WarehouseDTO before = toDto(e);
            e.name = w.name().strip();
            e.address = w.address();
            if (w.active() != null) {
                if (!w.active() && e.active) {
                    refuseIfStocked(em, "WAREHOUSE_ID", e.id, "warehouse " + e.code);
                }
                e.active = w.active();
            }
            em.flush();
            WarehouseDTO after = toDto(e);
            audit.record("inventory.warehouse", String.valueOf(id), "updated", AuditService.diff(before, after));
            return after;
        });
    }

    @Override
    public WarehouseDTO get(long id) {
        return jpa.txExpr(TransactionType.Supports, em -> toDto(load(em, id)));
    }

    @Override
    public WarehouseDTO find(String idOrCode) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            List<WarehouseEntity> found = em.createQuery("SELECT w FROM WarehouseEntity w WHERE w.code = :c", WarehouseEntity.class)
                .setParameter("c", idOrCode).getResultList();
            if (!found.isEmpty()) {
                return toDto(found.get(0));
            }
            try {
                return toDto(load(em, Long.parseLong(idOrCode)));
            } catch (NumberFormatException e) {
                throw new NotFoundException("Warehouse", idOrCode);
            }
        });
    }

    @Override
    public Page<WarehouseDTO> list(PageRequest request) {
        String sort = request.sortField(SORT_FIELDS, "code");
        Boolean active = request.booleanFilter("active");
        return jpa.txExpr(TransactionType.Supports, em -> Queries.page(em, WarehouseEntity.class, request, (cb, w) -> {
            List<Predicate> where = new ArrayList<>();
            if (request.q() != null) {
                String pattern = Queries.containsPattern(request.q());
                where.add(cb.or(cb.like(cb.upper(w.get("code")), pattern, '\\'), cb.like(cb.upper(w.get("name")), pattern, '\\')));
            }
            if (active != null) {
                where.add(cb.equal(w.get("active"), active));
            }
            return where;
        }, sort, "id", WarehouseServiceImpl::toDto));
    }

    /** The warehouse documents use when they name none: {@code WH}, else the first active one. Kept in memory: every availability asks. */
    WarehouseDTO defaultWarehouse(EntityManager em) {
        return cache.get(CACHE_REGION, "default", () -> {
            List<WarehouseEntity> all = em.createQuery("SELECT w FROM WarehouseEntity w WHERE w.active = :active ORDER BY w.id", WarehouseEntity.class)
                .setParameter("active", true).setHint(MasterDataCache.REFRESH_HINT, "true").getResultList();
            return toDto(all.stream().filter(w -> w.code.equals(DEFAULT_CODE)).findFirst()
                .orElseGet(() -> all.stream().findFirst().orElseThrow(() -> new ConflictException("No active warehouse: create one first"))));
        });
    }

    @Override
    public LocationDTO createLocation(LocationDTO l) {
        return jpa.txExpr(TransactionType.Required, em -> {
            Violations v = new Violations();
            v.requireText("code", l.code(), 32);
            v.check(l.code() == null || l.code().strip().matches(CODE_PATTERN), "code", "may hold only letters, digits and . _ -");
            v.requireText("name", l.name(), 200);
            v.check(l.warehouseId() != null || l.parentId() != null, "warehouseId", "is required unless parentId is given");
            LocationEntity parent = null;
            if (l.parentId() != null) {
                parent = em.find(LocationEntity.class, l.parentId());
                v.check(parent != null, "parentId", "unknown location " + l.parentId());
            } else if (l.warehouseId() != null) {
                WarehouseEntity w = em.find(WarehouseEntity.class, l.warehouseId());
                v.check(w != null, "warehouseId", "unknown warehouse " + l.warehouseId());
                parent = w == null ? null : em.find(LocationEntity.class, w.rootLocationId);
            }
            v.check(parent == null || l.warehouseId() == null || parent.warehouseId == l.warehouseId(), "parentId",
                "lies in another warehouse than warehouseId");
            v.check(parent == null || parent.active, "parentId", "is inactive");
            v.throwIfAny();
            LocationEntity e = new LocationEntity();
            e.warehouseId = parent.warehouseId;
            e.parentId = parent.id;
            e.code = l.code().strip();
            e.name = l.name().strip();
            e.path = parent.path + "/" + e.code;
            v.check(e.path.length() <= 400, "code", "makes the location path longer than 400 characters");
            v.throwIfAny();
            e.active = l.active() == null || l.active();
            em.persist(e);
            Constraints.flush(em, () -> "A location with path " + e.path + " already exists");
            LocationDTO created = toDto(e);
            audit.record("inventory.location", String.valueOf(e.id), "created", AuditService.diff(null, created));
            return created;
        });
    }

    @Override
    public LocationDTO updateLocation(long id, LocationDTO l) {
        return jpa.txExpr(TransactionType.Required, em -> {
            LocationEntity e = loadLocation(em, id);
            Violations v = new Violations();
            v.require("version", l.version()).requireText("name", l.name(), 200);
            v.check(l.code() == null || l.code().strip().equals(e.code), "code", "cannot change; moves and paths name it");
            v.check(l.parentId() == null || l.parentId().equals(e.parentId), "parentId", "cannot change");
            v.throwIfAny();
            if (l.version() != e.version) {
                throw new StaleVersionException("Location", id, l.version(), e.version);
            }
            LocationDTO before = toDto(e);
            e.name = l.name().strip();
            if (l.active() != null && l.active() != e.active) {
                if (!l.active()) {
                    if (e.parentId == null) {
                        throw new ConflictException("Location " + e.path + " is its warehouse's root; deactivate the warehouse instead");
                    }
                    refuseIfStocked(em, "LOCATION_ID", e.id, "location " + e.path);
                }
                e.active = l.active();
            }
            em.flush();
            LocationDTO after = toDto(e);
            audit.record("inventory.location", String.valueOf(id), "updated", AuditService.diff(before, after));
            return after;
        });
    }

    @Override
    public LocationDTO location(long id) {
        return jpa.txExpr(TransactionType.Supports, em -> toDto(loadLocation(em, id)));
    }

    @Override
    public Page<LocationDTO> locations(PageRequest request) {
        String sort = request.sortField(Set.of("path", "code", "name"), "path");
        Long warehouse = request.longFilter("warehouse");
        Long parent = request.longFilter("parent");
        Boolean active = request.booleanFilter("active");
        return jpa.txExpr(TransactionType.Supports, em -> Queries.page(em, LocationEntity.class, request, (cb, l) -> {
            List<Predicate> where = new ArrayList<>();
            if (request.q() != null) {
                String pattern = Queries.containsPattern(request.q());
                where.add(cb.or(cb.like(cb.upper(l.get("path")), pattern, '\\'), cb.like(cb.upper(l.get("name")), pattern, '\\')));
            }
            if (warehouse != null) {
                where.add(cb.equal(l.get("warehouseId"), warehouse));
            }
            if (parent != null) {
                where.add(cb.equal(l.get("parentId"), parent));
            }
            if (active != null) {
                where.add(cb.equal(l.get("active"), active));
            }
            return where;
        }, sort, "id", WarehouseServiceImpl::toDto));
    }

    private static void refuseIfStocked(EntityManager em, String column, long id, String what) {
        Number held = (Number) em.createNativeQuery("SELECT COUNT(*) FROM KV_INV_QUANT WHERE " + column + " = ? AND QUANTITY > 0")
            .setParameter(1, id).getSingleResult();
        if (held.longValue() > 0) {
            throw new ConflictException("The " + what + " still holds stock; move it out first");
        }
    }

    static WarehouseEntity load(EntityManager em, long id) {
        WarehouseEntity e = em.find(WarehouseEntity.class, id);
        if (e == null) {
            throw new NotFoundException("Warehouse", id);
        }
        return e;
    }

    static LocationEntity loadLocation(EntityManager em, long id) {
        LocationEntity e = em.find(LocationEntity.class, id);
        if (e == null) {
            throw new NotFoundException("Location", id);
        }
        return e;
    }

    static WarehouseDTO toDto(WarehouseEntity e) {
        return new WarehouseDTO(e.id, e.code, e.name, e.address, e.active, e.rootLocationId, e.version);
    }

    static LocationDTO toDto(LocationEntity e) {
        return new LocationDTO(e.id, e.warehouseId, e.parentId, e.code, e.name, e.path, e.active, e.version);
    }
}
