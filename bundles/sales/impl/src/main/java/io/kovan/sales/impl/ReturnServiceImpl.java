package io.kovan.sales.impl;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.persistence.criteria.Predicate;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.kovan.inventory.api.MoveDTO;
import io.kovan.inventory.api.ReturnLine;
import io.kovan.inventory.api.ReturnRequest;
import io.kovan.kernel.api.ConflictException;
import io.kovan.kernel.api.Page;
import io.kovan.kernel.api.PageRequest;
import io.kovan.kernel.api.Transactions;
import io.kovan.kernel.api.Violations;
import io.kovan.kernel.api.audit.AuditService;
import io.kovan.kernel.api.document.DocumentDTO;
import io.kovan.kernel.api.document.DocumentFlowService;
import io.kovan.kernel.api.event.EventPublisher;
import io.kovan.kernel.api.numbering.NumberSeriesDTO;
import io.kovan.kernel.api.numbering.NumberingService;
import io.kovan.kernel.api.persistence.Money;
import io.kovan.kernel.api.persistence.Queries;
import io.kovan.kernel.api.workflow.WorkflowDTO;
import io.kovan.kernel.api.workflow.WorkflowService;
import io.kovan.sales.api.ReturnDTO;
import io.kovan.sales.api.ReturnLineDTO;
import io.kovan.sales.api.ReturnService;

/**
 * Customer returns in KV_SALES_RETURN, numbered {@code RT-2026-000001}, received when posted: the
 * goods go back into stock against the shipment's issue moves, at the cost they left at.
 */
@Component(service = ReturnService.class)
public class ReturnServiceImpl implements ReturnService {

    static final String SERIES = "RT";
    private static final Set<String> SORT_FIELDS = Set.of("number", "date");

    private final JpaTemplate jpa;
    private final NumberingService numbering;
    private final DocumentFlowService flow;
    private final EventPublisher events;
    private final AuditService audit;
    private final KernelData kernel;
    private final Stock stock;

    @Activate
    public ReturnServiceImpl(@Reference(target = "(osgi.unit.name=kovan-sales)") JpaTemplate jpa, @Reference Transactions kernelReady,
        @Reference NumberingService numbering, @Reference WorkflowService workflow, @Reference DocumentFlowService flow,
        @Reference EventPublisher events, @Reference AuditService audit, @Reference KernelData kernel, @Reference Stock stock) {
        this.jpa = jpa;
        this.numbering = numbering;
        this.flow = flow;
        this.events = events;
        this.audit = audit;
        this.kernel = kernel;
        this.stock = stock;
        numbering.define(new NumberSeriesDTO(SERIES, "RT", true, 6, "Sales returns"));
        // One state: a return is received when posted; the workflow lets partners add guards and actions to it later.
        workflow.define(new WorkflowDTO(DOCUMENT_TYPE, "received", List.of("received"), List.of()));
    }

    @Override
    public ReturnDTO create(ReturnDTO r) {
        Violations v = new Violations();
        v.require("shipmentId", r.shipmentId());
        v.maxLength("reason", r.reason(), 500);
        v.check(r.lines() != null && !r.lines().isEmpty(), "lines", "needs at least one line");
        v.check(r.lines() == null || r.lines().size() <= Pricing.MAX_LINES, "lines", "must be at most " + Pricing.MAX_LINES);
        List<ReturnLineDTO> input = r.lines() == null ? List.of() : r.lines();
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < input.size(); i++) {
            ReturnLineDTO l = input.get(i);
            if (l == null) {
                v.check(false, "lines[" + i + "]", "is required");
                continue;
            }
            v.require("lines[" + i + "].shipmentLineId", l.shipmentLineId());
            v.check(l.shipmentLineId() == null || seen.add(l.shipmentLineId()), "lines[" + i + "].shipmentLineId", "names a shipment line twice");
            v.positive("lines[" + i + "].quantity", l.quantity(), Pricing.QUANTITY_SCALE);
        }
        return jpa.txExpr(TransactionType.Required, em -> {
            ShipmentEntity shipment = r.shipmentId() == null ? null : em.find(ShipmentEntity.class, r.shipmentId(),
                javax.persistence.LockModeType.PESSIMISTIC_WRITE);
            v.check(r.shipmentId() == null || shipment != null, "shipmentId", "unknown shipment " + r.shipmentId());
            List<ShipmentLineEntity> shipped = new ArrayList<>();
            for (int i = 0; i < input.size(); i++) {
                ReturnLineDTO l = input.get(i);
                ShipmentLineEntity line = l == null || l.shipmentLineId() == null ? null : em.find(ShipmentLineEntity.class, l.shipmentLineId());
                v.check(l == null || l.shipmentLineId() == null || shipment == null || (line != null && line.shipmentId == shipment.id),
                    "lines[" + i + "].shipmentLineId", "is not a line of shipment " + r.shipmentId());
                shipped.add(line);
            }
            v.throwIfAny();
            if (!shipment.state.equals("shipped")) {
                throw new ConflictException("Shipment " + shipment.number + " is " + shipment.state + "; only shipped goods come back");
            }
            for (int i = 0; i < input.size(); i++) {
                ShipmentLineEntity line = shipped.get(i);
                BigDecimal returnable = line.quantity.subtract(line.returnedQuantity);
                if (input.get(i).quantity().compareTo(returnable) > 0) {
                    throw new ConflictException("lines[" + i + "]: shipment line " + line.lineNo + " has " + Docs.quantity(returnable).toPlainString()
                        + " left to return, not " + input.get(i).quantity().toPlainString());
                }
            }
            ReturnEntity e = new ReturnEntity();
            e.shipmentId = shipment.id;
            e.customerId = shipment.customerId;
            e.date = r.date() == null ? Times.today() : r.date();
            e.reason = Names.trimmed(r.reason());
            e.currency = shipment.currency;
            e.number = numbering.next(SERIES, e.date);
            e.state = "received";
            e.totalCost = BigDecimal.ZERO;
            e.createdAt = Times.now();
            em.persist(e);
            em.flush();
            int decimals = kernel.decimals(e.currency);
            List<ReturnLineEntity> lines = new ArrayList<>();
            List<ReturnLine> toStock = new ArrayList<>();
            for (int i = 0; i < input.size(); i++) {
                ShipmentLineEntity sl = shipped.get(i);
                ReturnLineEntity l = new ReturnLineEntity();
                l.returnId = e.id;
                l.lineNo = i + 1;
                l.shipmentLineId = sl.id;
                l.orderLineId = sl.orderLineId;
                l.productId = sl.productId;
                l.productCode = sl.productCode;
                l.quantity = Docs.quantity(input.get(i).quantity());
                l.unitCost = sl.unitCost;
                l.costAmount = sl.unitCost == null ? BigDecimal.ZERO : sl.unitCost.multiply(l.quantity).setScale(decimals, RoundingMode.HALF_UP);
                em.persist(l);
                em.flush();
                toStock.addAll(againstMoves(em, l));
                sl.returnedQuantity = Docs.quantity(sl.returnedQuantity.add(l.quantity));
                OrderLineEntity ol = em.find(OrderLineEntity.class, sl.orderLineId);
                ol.returnedQuantity = Docs.quantity(ol.returnedQuantity.add(l.quantity));
                e.totalCost = e.totalCost.add(l.costAmount);
                lines.add(l);
            }
            List<MoveDTO> moves = toStock.isEmpty() ? null : stock.receiveReturn(new ReturnRequest(DOCUMENT_TYPE, e.id, e.number, e.date, toStock));
            for (ReturnLineEntity l : lines) {
                String ids = moves == null ? null : moves.stream().filter(m -> l.id.equals(m.sourceLineId())).map(m -> String.valueOf(m.id()))
                    .collect(Collectors.joining(","));
                l.moveIds = ids == null || ids.isEmpty() ? null : ids;
            }
            em.flush();
            ReturnDTO created = toDto(e, lines);
            flow.link(ShipmentServiceImpl.document(shipment), document(e));
            events.publish("sales.return.received", Docs.eventData(e.id, e.number, e.customerId, e.state));
            audit.record(DOCUMENT_TYPE, String.valueOf(e.id), "created", AuditService.diff(null, created));
            return created;
        });
    }

    /** Spreads the returned quantity over the shipment line's issue moves, oldest first; none when it shipped without inventory. */
    private static List<ReturnLine> againstMoves(EntityManager em, ReturnLineEntity l) {
        List<ReturnLine> parts = new ArrayList<>();
        BigDecimal left = l.quantity;
        for (ShipmentMoveEntity m : ShipmentServiceImpl.moves(em, l.shipmentLineId)) {
            BigDecimal part = m.quantity.subtract(m.returnedQuantity).min(left);
            if (part.signum() > 0) {
                parts.add(new ReturnLine(l.id, m.moveId, part));
                m.returnedQuantity = Docs.quantity(m.returnedQuantity.add(part));
                left = left.subtract(part);
            }
        }
        return parts;
    }

    @Override
    public ReturnDTO get(long id) {
        return jpa.txExpr(TransactionType.Supports, em -> toDto(Docs.load(em, ReturnEntity.class, "Return", id), lines(em, id)));
    }

    @Override
    public Page<ReturnDTO> list(PageRequest request) {
        String sort = request.sortField(SORT_FIELDS, "number");
        Long customer = request.longFilter("customer");
        Long shipment = request.longFilter("shipment");
        return jpa.txExpr(TransactionType.Supports, em -> Queries.page(em, ReturnEntity.class, request, (cb, r) -> {
            List<Predicate> where = new ArrayList<>();
            if (request.q() != null) {
                where.add(cb.like(cb.upper(r.get("number")), Queries.containsPattern(request.q()), '\\'));
            }
            if (customer != null) {
                where.add(cb.equal(r.get("customerId"), customer));
            }
            if (shipment != null) {
                where.add(cb.equal(r.get("shipmentId"), shipment));
            }
            return where;
        }, sort, "id", e -> toDto(e, lines(em, e.id))));
    }

    static List<ReturnLineEntity> lines(EntityManager em, long returnId) {
        return em.createQuery("SELECT l FROM ReturnLineEntity l WHERE l.returnId = :id ORDER BY l.lineNo", ReturnLineEntity.class)
            .setParameter("id", returnId).getResultList();
    }

    static DocumentDTO document(ReturnEntity e) {
        return new DocumentDTO(DOCUMENT_TYPE, e.id, e.number, e.state, e.date, Money.plain(e.totalCost), e.currency);
    }

    static ReturnDTO toDto(ReturnEntity e, List<ReturnLineEntity> lines) {
        List<ReturnLineDTO> items = lines.stream().map(l -> new ReturnLineDTO(l.id, l.lineNo, l.shipmentLineId, l.orderLineId, l.productId,
            l.productCode, Docs.quantity(l.quantity), l.unitCost, Money.plain(l.costAmount), l.moveIds == null ? List.of()
                : Arrays.stream(l.moveIds.split(",")).map(Long::valueOf).toList())).toList();
        return new ReturnDTO(e.id, e.number, e.state, e.shipmentId, e.customerId, e.date, e.reason, items, Money.plain(e.totalCost), e.currency,
            e.version, Times.instant(e.createdAt));
    }
}
