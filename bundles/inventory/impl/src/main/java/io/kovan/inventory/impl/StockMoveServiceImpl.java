package io.kovan.inventory.impl;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.persistence.criteria.Predicate;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.kovan.inventory.api.IssueLine;
import io.kovan.inventory.api.IssueRequest;
import io.kovan.inventory.api.MoveDTO;
import io.kovan.inventory.api.MoveType;
import io.kovan.inventory.api.ReturnLine;
import io.kovan.inventory.api.ReturnRequest;
import io.kovan.inventory.api.StockMoveService;
import io.kovan.kernel.api.ConflictException;
import io.kovan.kernel.api.Page;
import io.kovan.kernel.api.PageRequest;
import io.kovan.kernel.api.Violations;
import io.kovan.kernel.api.persistence.Queries;

/** Goods issues and returns for other modules' documents, and the ledger's queries. */
@Component(service = {StockMoveService.class, StockMoveServiceImpl.class})
public class StockMoveServiceImpl implements StockMoveService {

    private final JpaTemplate jpa;
    private final Ledger ledger;
    private final Catalogue catalogue;
    private final ReservationServiceImpl reservations;

    @Activate
    public StockMoveServiceImpl(@Reference(target = "(osgi.unit.name=kovan-inventory)") JpaTemplate jpa, @Reference Ledger ledger,
        @Reference Catalogue catalogue, @Reference ReservationServiceImpl reservations) {
        this.jpa = jpa;
        this.ledger = ledger;
        this.catalogue = catalogue;
        this.reservations = reservations;
    }

    @Override
    public List<MoveDTO> issue(IssueRequest request) {
        Violations v = new Violations();
        v.requireText("sourceType", request.sourceType(), 64).require("sourceId", request.sourceId()).maxLength("reference", request.reference(), 64);
        v.check(request.lines() != null && !request.lines().isEmpty(), "lines", "must name at least one line");
        List<IssueLine> lines = request.lines() == null ? List.of() : request.lines();
        Map<Long, String> codes = new java.util.HashMap<>();
        Map<Long, io.kovan.kernel.api.product.ProductDTO> products = catalogue.products(lines.stream()
            .filter(java.util.Objects::nonNull).map(IssueLine::productId).toList());
        for (int i = 0; i < lines.size(); i++) {
            IssueLine line = lines.get(i);
            String at = "lines[" + i + "].";
            if (line == null) {
                v.check(false, "lines[" + i + "]", "is required");
                continue;
            }
            io.kovan.kernel.api.product.ProductDTO product = Catalogue.stocked(v, at + "productId", line.productId(), products);
            if (product != null) {
                codes.put(product.id(), product.code());
            }
            v.require(at + "warehouseId", line.warehouseId());
            v.positive(at + "quantity", line.quantity(), Ledger.QUANTITY_SCALE);
            v.maxLength(at + "lotNumber", line.lotNumber(), 64);
        }
        v.throwIfAny();
        LocalDate date = request.date() == null ? Times.today() : request.date();
        return jpa.txExpr(TransactionType.Required, em -> {
            Map<String, ReservationServiceImpl.Held> held = reservations.held(em, lines);
            // Products in one order, so that two issues of the same products cannot deadlock.
            List<IssueLine> sorted = lines.stream().sorted(Comparator.comparingLong(IssueLine::productId)).toList();
            List<Ledger.Outgoing> outgoing = new ArrayList<>();
            Map<ReservationServiceImpl.Held, BigDecimal> consumed = new java.util.LinkedHashMap<>();
            for (IssueLine line : sorted) {
                WarehouseEntity w = em.find(WarehouseEntity.class, line.warehouseId());
                if (w == null) {
                    throw new io.kovan.kernel.api.ValidationException("warehouseId", "unknown warehouse " + line.warehouseId());
                }
                Long lotId = line.lotNumber() == null ? null : ledger.findLot(em, line.productId(), line.lotNumber().strip());
                if (line.lotNumber() != null && lotId == null) {
                    throw new ConflictException("Product " + catalogue.code(line.productId()) + " has no lot " + line.lotNumber());
                }
                ReservationServiceImpl.Held reservation = held.get(ReservationServiceImpl.key(line));
                BigDecimal reserved = reservation == null || reservation.productId() != line.productId() || reservation.warehouseId() != line.warehouseId()
                    ? BigDecimal.ZERO : reservation.take(line.quantity());
                if (reserved.signum() > 0) {
                    consumed.merge(reservation, reserved, BigDecimal::add);
                }
                Ledger.Source source = new Ledger.Source(request.sourceType(), request.sourceId(), line.sourceLineId(), request.reference());
                outgoing.add(new Ledger.Outgoing(MoveType.ISSUE, line.productId(), line.warehouseId(), line.locationId(), lotId, line.quantity(), reserved,
                    date, source));
            }
            List<MoveEntity> moves = ledger.issueAll(em, outgoing);
            reservations.consume(em, consumed);
            return moves.stream().map(dtos(em, moves, codes)).toList();
        });
    }

    @Override
    public List<MoveDTO> receiveReturn(ReturnRequest request) {
        Violations v = new Violations();
        v.requireText("sourceType", request.sourceType(), 64).require("sourceId", request.sourceId()).maxLength("reference", request.reference(), 64);
        v.check(request.lines() != null && !request.lines().isEmpty(), "lines", "must name at least one line");
        List<ReturnLine> lines = request.lines() == null ? List.of() : request.lines();
        for (int i = 0; i < lines.size(); i++) {
            v.require("lines[" + i + "].issueMoveId", lines.get(i).issueMoveId());
            v.positive("lines[" + i + "].quantity", lines.get(i).quantity(), Ledger.QUANTITY_SCALE);
        }
        v.throwIfAny();
        LocalDate date = request.date() == null ? Times.today() : request.date();
        return jpa.txExpr(TransactionType.Required, em -> {
            Map<Long, MoveEntity> issued = new java.util.HashMap<>();
            for (ReturnLine line : lines) {
                MoveEntity m = em.find(MoveEntity.class, line.issueMoveId());
                if (m == null || !MoveType.ISSUE.name().equals(m.type)) {
                    throw new io.kovan.kernel.api.ValidationException("issueMoveId", "is not an issue move: " + line.issueMoveId());
                }
                issued.put(m.id, m);
            }
            List<MoveDTO> moves = new ArrayList<>();
            for (ReturnLine line : lines.stream().sorted(Comparator.comparingLong((ReturnLine l) -> issued.get(l.issueMoveId()).productId)).toList()) {
                MoveEntity out = issued.get(line.issueMoveId());
                // Under the product's lock, so that two returns of one issue cannot both pass the check.
                ledger.lockProduct(em, out.productId);
                Object[] back = (Object[]) em.createNativeQuery("SELECT COALESCE(SUM(QUANTITY), 0), COALESCE(SUM(TOTAL_COST), 0) FROM KV_INV_MOVE "
                    + "WHERE RETURN_OF_ID = ?").setParameter(1, out.id).getSingleResult();
                BigDecimal returnable = out.quantity.subtract(Ledger.decimal(back[0]));
                if (line.quantity().compareTo(returnable) > 0) {
                    throw new ConflictException("Only " + Ledger.plain(returnable) + " of issue move " + out.id + " can still come back, "
                        + Ledger.plain(line.quantity()) + " returned");
                }
                BigDecimal total = line.quantity().compareTo(returnable) == 0 ? out.totalCost.subtract(Ledger.decimal(back[1]))
                    : out.totalCost.multiply(line.quantity()).divide(out.quantity, catalogue.moneyScale(), RoundingMode.HALF_UP);
                MoveEntity in = ledger.receive(em, new Ledger.Incoming(MoveType.RETURN, out.productId, out.fromWarehouseId, out.fromLocationId,
                    out.lotId, line.quantity(), null, total.setScale(catalogue.moneyScale(), RoundingMode.HALF_UP), date,
                    new Ledger.Source(request.sourceType(), request.sourceId(), line.sourceLineId(), request.reference()), out.id));
                moves.add(toDto(em, in));
            }
            return moves;
        });
    }

    @Override
    public List<MoveDTO> forSource(String sourceType, long sourceId) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            List<MoveEntity> rows = em.createQuery("SELECT m FROM MoveEntity m WHERE m.sourceType = :t AND m.sourceId = :s ORDER BY m.id",
                MoveEntity.class).setParameter("t", sourceType).setParameter("s", sourceId).getResultList();
            Function<MoveEntity, MoveDTO> dto = dtos(em, rows);
            return rows.stream().map(dto).toList();
        });
    }

    @Override
    public Page<MoveDTO> list(PageRequest request) {
        String sort = request.sortField(Set.of("date", "id"), "id");
        Long product = request.longFilter("product");
        Long warehouse = request.longFilter("warehouse");
        Long location = request.longFilter("location");
        Long source = request.longFilter("source");
        MoveType type = Queries.enumValue(MoveType.class, "type", request.filter("type"));
        LocalDate from = request.filter("from") == null ? null : io.kovan.kernel.api.rest.Params.date("from", request.filter("from"));
        LocalDate to = request.filter("to") == null ? null : io.kovan.kernel.api.rest.Params.date("to", request.filter("to"));
        return jpa.txExpr(TransactionType.Supports, em -> {
            Page<MoveEntity> page = Queries.page(em, MoveEntity.class, request, (cb, m) -> {
                List<Predicate> where = new ArrayList<>();
                if (product != null) {
                    where.add(cb.equal(m.get("productId"), product));
                }
                if (warehouse != null) {
                    where.add(cb.or(cb.equal(m.get("fromWarehouseId"), warehouse), cb.equal(m.get("toWarehouseId"), warehouse)));
                }
                if (location != null) {
                    where.add(cb.or(cb.equal(m.get("fromLocationId"), location), cb.equal(m.get("toLocationId"), location)));
                }
                if (type != null) {
                    where.add(cb.equal(m.get("type"), type.name()));
                }
                if (request.filter("sourceType") != null) {
                    where.add(cb.equal(m.get("sourceType"), request.filter("sourceType")));
                }
                if (source != null) {
                    where.add(cb.equal(m.get("sourceId"), source));
                }
                if (from != null) {
                    where.add(cb.greaterThanOrEqualTo(m.get("date"), from));
                }
                if (to != null) {
                    where.add(cb.lessThanOrEqualTo(m.get("date"), to));
                }
                return where;
            }, sort, "id", Function.identity());
            return page.map(dtos(em, page.items()));
        });
    }

    private MoveDTO toDto(EntityManager em, MoveEntity m) {
        return dtos(em, List.of(m)).apply(m);
    }

    /** Maps moves to DTOs, reading the lot numbers and product codes they name once. */
    private Function<MoveEntity, MoveDTO> dtos(EntityManager em, List<MoveEntity> moves) {
        return dtos(em, moves, new java.util.HashMap<>());
    }

    /** {@code codes}: the product codes already known, so that a thousand-line issue does not ask the catalogue twice. */
    private Function<MoveEntity, MoveDTO> dtos(EntityManager em, List<MoveEntity> moves, Map<Long, String> codes) {
        Map<Long, String> lots = new java.util.HashMap<>();
        Set<Long> lotIds = moves.stream().map(m -> m.lotId).filter(java.util.Objects::nonNull).collect(Collectors.toSet());
        for (Long id : lotIds) {
            lots.put(id, (String) em.createNativeQuery("SELECT LOT_NUMBER FROM KV_INV_LOT WHERE ID = ?").setParameter(1, id).getSingleResult());
        }
        String currency = catalogue.currency();
        return m -> new MoveDTO(m.id, MoveType.valueOf(m.type), m.productId, codes.computeIfAbsent(m.productId, catalogue::code), m.quantity,
            m.fromLocationId, m.toLocationId, m.lotId, m.lotId == null ? null : lots.get(m.lotId), m.unitCost, m.totalCost, currency, m.date,
            m.sourceType, m.sourceId, m.sourceLineId, m.reference, m.returnOfId, Times.instant(m.createdAt), m.createdBy);
    }
}
