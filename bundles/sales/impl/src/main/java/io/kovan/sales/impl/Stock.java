package io.kovan.sales.impl;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import io.kovan.inventory.api.AtpDTO;
import io.kovan.inventory.api.IssueRequest;
import io.kovan.inventory.api.MoveDTO;
import io.kovan.inventory.api.ReservationDTO;
import io.kovan.inventory.api.ReservationRequest;
import io.kovan.inventory.api.ReservationService;
import io.kovan.inventory.api.ReturnRequest;
import io.kovan.inventory.api.StockMoveService;
import io.kovan.inventory.api.StockService;
import io.kovan.inventory.api.WarehouseService;
import io.kovan.kernel.api.NotFoundException;

/**
 * Sales' one gateway to inventory, which may be installed, removed or replaced while sales runs.
 * Each method reads its reference once and answers null when inventory is absent, so callers
 * fall back (standard cost, lead time, no reservation) instead of failing.
 */
@Component(service = Stock.class)
public class Stock {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile StockService stock;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile ReservationService reservations;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile StockMoveService moves;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile WarehouseService warehouses;

    /** The next unit's cost in the company currency, or null without inventory or before any receipt. */
    BigDecimal unitCost(long productId) {
        StockService s = stock;
        return s == null ? null : s.unitCost(productId);
    }

    AtpDTO atp(long productId, Long warehouseId, BigDecimal quantity, java.time.LocalDate date) {
        StockService s = stock;
        return s == null ? null : s.atp(productId, warehouseId, quantity, date);
    }

    /** {@code warehouseId}, else the default warehouse's id; null without inventory. */
    Long warehouse(Long warehouseId) {
        if (warehouseId != null) {
            return warehouseId;
        }
        StockService s = stock;
        return s == null ? null : s.defaultWarehouse().id();
    }

    /** False only when inventory is there and has no such warehouse. */
    boolean warehouseKnown(long warehouseId) {
        WarehouseService w = warehouses;
        if (w == null) {
            return true;
        }
        try {
            w.get(warehouseId);
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    /** The reservations made, in the order asked, or null without inventory. */
    List<ReservationDTO> reserveAll(List<ReservationRequest> requests) {
        ReservationService r = reservations;
        return r == null ? null : r.reserveAll(requests);
    }

    void release(String documentType, long documentId) {
        ReservationService r = reservations;
        if (r != null) {
            r.release(documentType, documentId);
        }
    }

    /** What each line's reservation still holds, by line id; null without inventory. */
    Map<Long, BigDecimal> reservedByLine(String documentType, long documentId) {
        Map<Long, Map<Long, BigDecimal>> open = reservedByLines(documentType, List.of(documentId));
        return open == null ? null : open.getOrDefault(documentId, Map.of());
    }

    /** What each line's reservation still holds, by document id and line id, for many documents in a few queries; null without inventory. */
    Map<Long, Map<Long, BigDecimal>> reservedByLines(String documentType, java.util.Collection<Long> documentIds) {
        ReservationService r = reservations;
        if (r == null) {
            return null;
        }
        Map<Long, Map<Long, BigDecimal>> open = new HashMap<>();
        if (!documentIds.isEmpty()) {
            r.forDocuments(documentType, documentIds).forEach((document, held) -> held.forEach(reservation ->
                open.computeIfAbsent(document, k -> new HashMap<>()).merge(reservation.lineId(), reservation.open(), BigDecimal::add)));
        }
        return open;
    }

    /** The issue moves, or null without inventory. */
    List<MoveDTO> issue(IssueRequest request) {
        StockMoveService m = moves;
        return m == null ? null : m.issue(request);
    }

    /** The return moves, or null without inventory. */
    List<MoveDTO> receiveReturn(ReturnRequest request) {
        StockMoveService m = moves;
        return m == null ? null : m.receiveReturn(request);
    }
}
