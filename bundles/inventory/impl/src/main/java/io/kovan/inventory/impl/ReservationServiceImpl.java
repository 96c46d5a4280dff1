package io.kovan.inventory.impl;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

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
import io.kovan.kernel.api.persistence.InList;
import io.kovan.kernel.api.persistence.Queries;

/**
 * Reservations in KV_INV_RESERVATION, one per document line, always changed together with the
 * warehouse's RESERVED figure under that stock row's lock (see {@link Ledger}).
 */
@Component(service = {ReservationService.class, ReservationServiceImpl.class})
public class ReservationServiceImpl implements ReservationService {

    /** Documents per query of {@link #forDocuments}: a page of 40 orders is one. */
    private static final int DOCUMENTS_PER_QUERY = 100;

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
    public ReservationDTO reserve(ReservationRequest request) {
        return reserveAll(List.of(request), "").get(0);
    }

    @Override
    public List<ReservationDTO> reserveAll(List<ReservationRequest> requests) {
        return reserveAll(requests, null);
    }

    /** {@code prefix}: how fields are named in errors, null for {@code [i].} before each request's. */
    private List<ReservationDTO> reserveAll(List<ReservationRequest> requests, String prefix) {
        Violations v = new Violations();
        v.check(requests != null && !requests.isEmpty(), "requests", "must name at least one line");
        List<ReservationRequest> all = requests == null ? List.of() : requests;
        Map<Long, io.kovan.kernel.api.product.ProductDTO> products = catalogue.products(all.stream().filter(java.util.Objects::nonNull)
            .map(ReservationRequest::productId).filter(java.util.Objects::nonNull).toList());
        for (int i = 0; i < all.size(); i++) {
            ReservationRequest r = all.get(i);
            String at = prefix != null ? prefix : "[" + i + "].";
            if (r == null) {
                v.check(false, "[" + i + "]", "is required");
                continue;
            }
            Catalogue.stocked(v, at + "productId", r.productId(), products);
            v.require(at + "warehouseId", r.warehouseId());
            v.positive(at + "quantity", r.quantity(), Ledger.QUANTITY_SCALE);
            v.requireText(at + "documentType", r.documentType(), 64).require(at + "documentId", r.documentId()).require(at + "lineId", r.lineId());
        }
        v.throwIfAny();
        return jpa.txExpr(TransactionType.Required, em -> {
            for (long warehouseId : all.stream().map(ReservationRequest::warehouseId).collect(Collectors.toCollection(java.util.TreeSet::new))) {
                WarehouseEntity w = em.find(WarehouseEntity.class, warehouseId);
                String field = prefix != null ? prefix + "warehouseId" : "warehouseId";
                v.check(w != null, field, "unknown warehouse " + warehouseId);
                v.check(w == null || w.active, field, "is inactive");
            }
            v.throwIfAny();
            return reserve(em, all);
        });
    }

    /**
     * Takes every stock row the requests name (in product order, as every stock writer does), then
     * grants what each row holds, line after line, and records the reservations: each table
     * written with one JDBC batch of conditional updates, so that the database still has the last
     * word on "never more reserved than on hand".
     */
    private List<ReservationDTO> reserve(EntityManager em, List<ReservationRequest> requests) {
        Comparator<ReservationRequest> stockOrder = Comparator.comparingLong(ReservationRequest::productId).thenComparingLong(ReservationRequest::warehouseId);
        List<ReservationRequest> sorted = requests.stream().sorted(stockOrder.thenComparingLong(ReservationRequest::lineId)).toList();
        List<StockKey> rows = sorted.stream().map(StockKey::of).distinct().toList();
        em.flush();
        int[] locked = Jdbc.run(em, c -> Jdbc.batch(c, "UPDATE KV_INV_STOCK SET RESERVED = RESERVED WHERE PRODUCT_ID = ? AND WAREHOUSE_ID = ?",
            rows.stream().map(k -> new Object[] {k.productId(), k.warehouseId()}).toList()));
        for (int i = 0; i < locked.length; i++) {
            if (locked[i] == 0) {
                ledger.lockStockRow(em, rows.get(i).productId(), rows.get(i).warehouseId());
            }
        }
        Map<StockKey, BigDecimal> available = Jdbc.run(em, c -> available(c, rows));
        Map<String, ReservationEntity> lines = new java.util.LinkedHashMap<>();
        for (String document : sorted.stream().map(r -> r.documentType() + "/" + r.documentId()).collect(Collectors.toCollection(java.util.LinkedHashSet::new))) {
            ReservationRequest first = sorted.stream().filter(r -> document.equals(r.documentType() + "/" + r.documentId())).findFirst().orElseThrow();
            for (ReservationEntity e : forDocument(em, first.documentType(), first.documentId())) {
                em.detach(e);
                lines.put(key(e.documentType, e.documentId, e.lineId), e);
            }
        }
        List<Object[]> grants = new ArrayList<>();
        Set<ReservationEntity> created = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        Set<ReservationEntity> changed = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (ReservationRequest r : sorted) {
            StockKey stock = StockKey.of(r);
            BigDecimal free = available.getOrDefault(stock, BigDecimal.ZERO);
            BigDecimal granted = r.quantity().min(free.max(BigDecimal.ZERO));
            if (granted.compareTo(r.quantity()) < 0 && !Boolean.TRUE.equals(r.allowPartial())) {
                throw new ConflictException("Only " + Ledger.plain(free) + " of product " + catalogue.code(r.productId()) + " available in warehouse "
                    + catalogue.warehouseCode(em, r.warehouseId()) + ", " + Ledger.plain(r.quantity()) + " asked");
            }
            available.put(stock, free.subtract(granted));
            if (granted.signum() > 0) {
                grants.add(new Object[] {granted, r.productId(), r.warehouseId(), granted});
            }
            String line = key(r.documentType(), r.documentId(), r.lineId());
            ReservationEntity e = lines.get(line);
            if (e == null) {
                e = newReservation(r);
                lines.put(line, e);
                created.add(e);
            } else if (e.productId != r.productId() || e.warehouseId != r.warehouseId()) {
                throw new ConflictException("Line " + r.lineId() + " of " + r.documentType() + " " + r.documentId()
                    + " already reserves another product or warehouse");
            } else if (!created.contains(e)) {
                changed.add(e);
            }
            e.quantity = e.quantity.add(granted);
            e.state = ReservationState.ACTIVE.name();
        }
        int[] reserved = Jdbc.run(em, c -> Jdbc.batch(c, "UPDATE KV_INV_STOCK SET RESERVED = RESERVED + ? WHERE PRODUCT_ID = ? AND WAREHOUSE_ID = ? "
            + "AND ON_HAND - RESERVED >= ?", grants));
        if (java.util.Arrays.stream(reserved).anyMatch(n -> n != 1)) {
            throw new IllegalStateException("Stock changed under its row lock while reserving");
        }
        Jdbc.run(em, c -> {
            Jdbc.batch(c, "UPDATE KV_INV_RESERVATION SET QUANTITY = ?, STATE = ? WHERE ID = ?", changed.stream()
                .map(e -> new Object[] {e.quantity, e.state, e.id}).toList());
            return Jdbc.batch(c, "INSERT INTO KV_INV_RESERVATION (PRODUCT_ID, WAREHOUSE_ID, QUANTITY, CONSUMED, RELEASED, DOCUMENT_TYPE, DOCUMENT_ID, "
                + "LINE_ID, STATE, CREATED_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", created.stream().map(e -> new Object[] {e.productId, e.warehouseId,
                    e.quantity, e.consumed, e.released, e.documentType, e.documentId, e.lineId, e.state, java.sql.Timestamp.valueOf(e.createdAt)}).toList());
        });
        Map<String, ReservationDTO> written = new java.util.HashMap<>();
        for (String document : sorted.stream().map(r -> r.documentType() + "/" + r.documentId()).collect(Collectors.toSet())) {
            ReservationRequest first = sorted.stream().filter(r -> document.equals(r.documentType() + "/" + r.documentId())).findFirst().orElseThrow();
            for (ReservationEntity e : forDocument(em, first.documentType(), first.documentId())) {
                written.put(key(e.documentType, e.documentId, e.lineId), toDto(e));
                em.detach(e);
            }
        }
        return requests.stream().map(r -> written.get(key(r.documentType(), r.documentId(), r.lineId()))).toList();
    }

    /** A warehouse's stock row of a product. */
    private record StockKey(long productId, long warehouseId) {
        static StockKey of(ReservationRequest r) {
            return new StockKey(r.productId(), r.warehouseId());
        }
    }

    private static Map<StockKey, BigDecimal> available(java.sql.Connection c, List<StockKey> rows) throws java.sql.SQLException {
        Map<StockKey, BigDecimal> available = new java.util.HashMap<>();
        Map<Long, List<Long>> byWarehouse = rows.stream().collect(Collectors.groupingBy(StockKey::warehouseId,
            Collectors.mapping(StockKey::productId, Collectors.toList())));
        for (Map.Entry<Long, List<Long>> w : byWarehouse.entrySet()) {
            Jdbc.query(c, "SELECT PRODUCT_ID, ON_HAND - RESERVED FROM KV_INV_STOCK WHERE WAREHOUSE_ID = " + w.getKey() + " AND PRODUCT_ID IN",
                w.getValue(), rs -> available.put(new StockKey(rs.getLong(1), w.getKey()), rs.getBigDecimal(2)));
        }
        return available;
    }

    private static ReservationEntity newReservation(ReservationRequest r) {
        ReservationEntity e = new ReservationEntity();
        e.productId = r.productId();
        e.warehouseId = r.warehouseId();
        e.quantity = BigDecimal.ZERO;
        e.consumed = BigDecimal.ZERO;
        e.released = BigDecimal.ZERO;
        e.documentType = r.documentType();
        e.documentId = r.documentId();
        e.lineId = r.lineId();
        e.createdAt = Times.now();
        return e;
    }

    private static String key(String documentType, long documentId, long lineId) {
        return documentType + "/" + documentId + "/" + lineId;
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
    void consume(EntityManager em, Map<Held, BigDecimal> taken) {
        List<Map.Entry<Held, BigDecimal>> consumed = new ArrayList<>(taken.entrySet());
        int[] rows = Jdbc.run(em, c -> Jdbc.batch(c, "UPDATE KV_INV_RESERVATION SET CONSUMED = CONSUMED + ?, STATE = CASE WHEN "
            + "QUANTITY - CONSUMED - RELEASED - ? = 0 THEN 'CONSUMED' ELSE STATE END WHERE ID = ? AND STATE = 'ACTIVE' AND QUANTITY - CONSUMED - RELEASED >= ?",
            consumed.stream().map(e -> new Object[] {e.getValue(), e.getValue(), e.getKey().id, e.getValue()}).toList()));
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] != 1) {
                throw new ConflictException("Reservation " + consumed.get(i).getKey().id + " changed while its goods were being issued; try again");
            }
        }
    }

    @Override
    public List<ReservationDTO> forDocument(String documentType, long documentId) {
        return jpa.txExpr(TransactionType.Supports, em -> forDocument(em, documentType, documentId).stream().map(ReservationServiceImpl::toDto).toList());
    }

    @Override
    public Map<Long, List<ReservationDTO>> forDocuments(String documentType, java.util.Collection<Long> documentIds) {
        List<Long> ids = documentIds.stream().distinct().sorted().toList();
        Map<Long, List<ReservationDTO>> byDocument = new java.util.LinkedHashMap<>();
        jpa.tx(TransactionType.Supports, em -> {
            if (em.isJoinedToTransaction() && !ids.isEmpty()) {
                em.flush(); // a native query reads what is written, not what is pending (a release, say)
            }
            for (int from = 0; from < ids.size(); from += DOCUMENTS_PER_QUERY) {
                List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + DOCUMENTS_PER_QUERY));
                // Probing the document-id index once per document; Derby is told so (a comment elsewhere): it used the
                // unique key, which starts with the document type, and tested every reservation of that type against the list.
                javax.persistence.Query q = em.createNativeQuery("SELECT * FROM KV_INV_RESERVATION --DERBY-PROPERTIES index=IX_INV_RESERVATION_DOC_ID\n"
                    + "WHERE DOCUMENT_ID IN (" + InList.placeholders(chunk.size()) + ") AND DOCUMENT_TYPE = ? ORDER BY DOCUMENT_ID, LINE_ID",
                    ReservationEntity.class);
                q.setParameter(InList.bind(q, 1, chunk), documentType);
                for (Object r : q.getResultList()) {
                    ReservationEntity e = (ReservationEntity) r;
                    byDocument.computeIfAbsent(e.documentId, k -> new ArrayList<>()).add(toDto(e));
                }
            }
        });
        return byDocument;
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
