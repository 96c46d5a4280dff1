package io.kovan.inventory.impl;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.persistence.EntityManager;
import javax.persistence.criteria.Predicate;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.kovan.inventory.api.IssueLine;
import io.kovan.inventory.api.ReservationDTO;
import io.kovan.inventory.api.ReservationRequest;
import io.kovan.inventory.api.ReservationService;
import io.kovan.inventory.api.ReservationState;
import io.kovan.kernel.api.ConflictException;
import io.kovan.kernel.api.NotFoundException;
import io.kovan.kernel.api.Page;
import io.kovan.kernel.api.PageRequest;
import io.kovan.kernel.api.Violations;
import io.kovan.kernel.api.persistence.Queries;

/**
 * Reservations in KV_INV_RESERVATION, one per document line, always changed together with the
 * warehouse's RESERVED figure under that stock row's lock (see {@link Ledger}).
 */
@Component(service = {ReservationService.class, ReservationServiceImpl.class})
public class ReservationServiceImpl implements ReservationService {

    private final JpaTemplate jpa;
    private final Ledger ledger;
    private final Catalogue catalogue;

    @Activate
    public ReservationServiceImpl(@Reference(target = "(osgi.unit.name=kovan-inventory)") JpaTemplate jpa, @Reference Ledger ledger,
        @Reference Catalogue catalogue) {
        this.jpa = jpa;
        this.ledger = ledger;
        this.catalogue = catalogue;
    }

    @Override
    public ReservationDTO reserve(ReservationRequest r) {
        Violations v = new Violations();
        catalogue.stocked(v, "productId", r.productId());
        v.require("warehouseId", r.warehouseId());
        v.positive("quantity", r.quantity(), Ledger.QUANTITY_SCALE);
        v.requireText("documentType", r.documentType(), 64).require("documentId", r.documentId()).require("lineId", r.lineId());
        v.throwIfAny();
        return jpa.txExpr(TransactionType.Required, em -> {
            WarehouseEntity w = em.find(WarehouseEntity.class, r.warehouseId());
            v.check(w != null, "warehouseId", "unknown warehouse " + r.warehouseId());
            v.check(w == null || w.active, "warehouseId", "is inactive");
            v.throwIfAny();
            BigDecimal granted = ledger.reserve(em, r.productId(), r.warehouseId(), r.quantity(), Boolean.TRUE.equals(r.allowPartial()));
            // Read under the stock row's lock: a concurrent reservation of the same line waits for it.
            ReservationEntity e = find(em, r.documentType(), r.documentId(), r.lineId());
            if (e == null) {
                e = new ReservationEntity();
                e.productId = r.productId();
                e.warehouseId = r.warehouseId();
                e.quantity = granted;
                e.consumed = BigDecimal.ZERO;
                e.released = BigDecimal.ZERO;
                e.documentType = r.documentType();
                e.documentId = r.documentId();
                e.lineId = r.lineId();
                e.state = ReservationState.ACTIVE.name();
                e.createdAt = Times.now();
                em.persist(e);
            } else {
                if (e.productId != r.productId() || e.warehouseId != r.warehouseId()) {
                    throw new ConflictException("Line " + r.lineId() + " of " + r.documentType() + " " + r.documentId()
                        + " already reserves another product or warehouse");
                }
                e.quantity = e.quantity.add(granted);
                e.state = ReservationState.ACTIVE.name();
            }
            em.flush();
            ReservationDTO reserved = toDto(e);
            // Not needed again in this transaction; kept, an order's thousand reservations would be compared at every flush.
            em.detach(e);
            return reserved;
        });
    }

    @Override
    public BigDecimal release(String documentType, long documentId) {
        return jpa.txExpr(TransactionType.Required, em -> {
            List<ReservationEntity> open = forDocument(em, documentType, documentId);
            open.sort(Comparator.comparingLong((ReservationEntity e) -> e.productId).thenComparingLong(e -> e.warehouseId));
            BigDecimal released = BigDecimal.ZERO;
            for (ReservationEntity e : open) {
                released = released.add(release(em, e));
            }
            return released;
        });
    }

    @Override
    public BigDecimal releaseLine(String documentType, long documentId, long lineId) {
        return jpa.txExpr(TransactionType.Required, em -> {
            ReservationEntity e = find(em, documentType, documentId, lineId);
            return e == null ? BigDecimal.ZERO : release(em, e);
        });
    }

    private BigDecimal release(EntityManager em, ReservationEntity e) {
        ledger.lockStock(em, e.productId, e.warehouseId);
        em.refresh(e);
        BigDecimal open = open(e);
        if (open.signum() > 0) {
            ledger.unreserve(em, e.productId, e.warehouseId, open);
            e.released = e.released.add(open);
        }
        if (ReservationState.ACTIVE.name().equals(e.state)) {
            e.state = e.consumed.signum() > 0 && e.released.signum() == 0 ? ReservationState.CONSUMED.name() : ReservationState.RELEASED.name();
        }
        em.flush();
        return open;
    }

    /** A reservation a goods issue consumes: what it still held when the issue began, less what earlier lines took. */
    static final class Held {

        private final long id;
        private final long productId;
        private final long warehouseId;
        private BigDecimal open;

        Held(long id, long productId, long warehouseId, BigDecimal open) {
            this.id = id;
            this.productId = productId;
            this.warehouseId = warehouseId;
            this.open = open;
        }

        long productId() {
            return productId;
        }

        long warehouseId() {
            return warehouseId;
        }

        /** The part of {@code quantity} this reservation covers. */
        BigDecimal take(BigDecimal quantity) {
            BigDecimal taken = open.min(quantity).max(BigDecimal.ZERO);
            open = open.subtract(taken);
            return taken;
        }
    }

    static String key(IssueLine line) {
        return line.reservationDocumentType() == null || line.reservationDocumentId() == null || line.reservationLineId() == null ? null
            : line.reservationDocumentType() + "/" + line.reservationDocumentId() + "/" + line.reservationLineId();
    }

    /** The active reservations the lines name, read with one query per reserving document. */
    Map<String, Held> held(EntityManager em, List<IssueLine> lines) {
        Map<String, Held> held = new java.util.HashMap<>();
        Set<String> documents = new java.util.HashSet<>();
        for (IssueLine line : lines) {
            if (key(line) != null && documents.add(line.reservationDocumentType() + "/" + line.reservationDocumentId())) {
                for (Object o : em.createNativeQuery("SELECT ID, LINE_ID, PRODUCT_ID, WAREHOUSE_ID, QUANTITY - CONSUMED - RELEASED FROM KV_INV_RESERVATION "
                    + "WHERE DOCUMENT_TYPE = ? AND DOCUMENT_ID = ? AND STATE = 'ACTIVE'").setParameter(1, line.reservationDocumentType())
                    .setParameter(2, line.reservationDocumentId()).getResultList()) {
                    Object[] r = (Object[]) o;
                    held.put(line.reservationDocumentType() + "/" + line.reservationDocumentId() + "/" + ((Number) r[1]).longValue(),
                        new Held(((Number) r[0]).longValue(), ((Number) r[2]).longValue(), ((Number) r[3]).longValue(), Ledger.decimal(r[4])));
                }
            }
        }
        return held;
    }

    /**
     * Consumes what a goods issue took from a reservation, after the issue took the warehouse's
     * stock row (so locks come in the order stock row, reservation, as when reserving). The update
     * holds only if the reservation still covers it: a release or another issue in between makes
     * it a 409, and the whole issue rolls back.
     */
    void consume(EntityManager em, Held reservation, BigDecimal quantity) {
        int rows = Ledger.update(em, "UPDATE KV_INV_RESERVATION SET CONSUMED = CONSUMED + ?, STATE = CASE WHEN QUANTITY - CONSUMED - RELEASED - ? = 0 "
            + "THEN 'CONSUMED' ELSE STATE END WHERE ID = ? AND STATE = 'ACTIVE' AND QUANTITY - CONSUMED - RELEASED >= ?", quantity, quantity,
            reservation.id, quantity);
        if (rows != 1) {
            throw new ConflictException("Reservation " + reservation.id + " changed while its goods were being issued; try again");
        }
    }

    @Override
    public List<ReservationDTO> forDocument(String documentType, long documentId) {
        return jpa.txExpr(TransactionType.Supports, em -> forDocument(em, documentType, documentId).stream().map(ReservationServiceImpl::toDto).toList());
    }

    @Override
    public ReservationDTO get(long id) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            ReservationEntity e = em.find(ReservationEntity.class, id);
            if (e == null) {
                throw new NotFoundException("Reservation", id);
            }
            return toDto(e);
        });
    }

    @Override
    public Page<ReservationDTO> list(PageRequest request) {
        String sort = request.sortField(Set.of("createdAt", "id"), "id");
        Long product = request.longFilter("product");
        Long warehouse = request.longFilter("warehouse");
        Long document = request.longFilter("document");
        ReservationState state = Queries.enumValue(ReservationState.class, "state", request.filter("state"));
        return jpa.txExpr(TransactionType.Supports, em -> Queries.page(em, ReservationEntity.class, request, (cb, r) -> {
            List<Predicate> where = new ArrayList<>();
            if (product != null) {
                where.add(cb.equal(r.get("productId"), product));
            }
            if (warehouse != null) {
                where.add(cb.equal(r.get("warehouseId"), warehouse));
            }
            if (request.filter("documentType") != null) {
                where.add(cb.equal(r.get("documentType"), request.filter("documentType")));
            }
            if (document != null) {
                where.add(cb.equal(r.get("documentId"), document));
            }
            if (state != null) {
                where.add(cb.equal(r.get("state"), state.name()));
            }
            return where;
        }, sort, "id", ReservationServiceImpl::toDto));
    }

    private static ReservationEntity find(EntityManager em, String type, long document, long line) {
        List<ReservationEntity> found = em.createQuery("SELECT r FROM ReservationEntity r WHERE r.documentType = :t AND r.documentId = :d "
            + "AND r.lineId = :l", ReservationEntity.class).setParameter("t", type).setParameter("d", document).setParameter("l", line).getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<ReservationEntity> forDocument(EntityManager em, String type, long document) {
        return new ArrayList<>(em.createQuery("SELECT r FROM ReservationEntity r WHERE r.documentType = :t AND r.documentId = :d ORDER BY r.lineId",
            ReservationEntity.class).setParameter("t", type).setParameter("d", document).getResultList());
    }

    private static BigDecimal open(ReservationEntity e) {
        return e.quantity.subtract(e.consumed).subtract(e.released);
    }

    static ReservationDTO toDto(ReservationEntity e) {
        return new ReservationDTO(e.id, e.productId, e.warehouseId, e.quantity, e.consumed, e.released, e.documentType, e.documentId, e.lineId,
            ReservationState.valueOf(e.state), Times.instant(e.createdAt));
    }
}
