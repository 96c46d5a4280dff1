package io.kovan.inventory.impl;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
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

import io.kovan.inventory.api.AdjustmentDTO;
import io.kovan.inventory.api.AdjustmentLineDTO;
import io.kovan.inventory.api.CountDTO;
import io.kovan.inventory.api.CountLineDTO;
import io.kovan.inventory.api.MoveType;
import io.kovan.inventory.api.ReceiptDTO;
import io.kovan.inventory.api.ReceiptLineDTO;
import io.kovan.inventory.api.StockDocumentService;
import io.kovan.inventory.api.Tracking;
import io.kovan.inventory.api.TransferDTO;
import io.kovan.inventory.api.TransferLineDTO;
import io.kovan.kernel.api.ConflictException;
import io.kovan.kernel.api.NotFoundException;
import io.kovan.kernel.api.Page;
import io.kovan.kernel.api.PageRequest;
import io.kovan.kernel.api.StaleVersionException;
import io.kovan.kernel.api.ValidationException;
import io.kovan.kernel.api.Violations;
import io.kovan.kernel.api.audit.AuditService;
import io.kovan.kernel.api.document.DocumentDTO;
import io.kovan.kernel.api.document.DocumentFlowService;
import io.kovan.kernel.api.event.EventPublisher;
import io.kovan.kernel.api.numbering.NumberSeriesDTO;
import io.kovan.kernel.api.numbering.NumberingService;
import io.kovan.kernel.api.party.PartyService;
import io.kovan.kernel.api.persistence.Queries;
import io.kovan.kernel.api.product.ProductDTO;
import io.kovan.kernel.api.security.Caller;
import io.kovan.kernel.api.workflow.TransitionDTO;
import io.kovan.kernel.api.workflow.WorkflowDTO;
import io.kovan.kernel.api.workflow.WorkflowService;

/**
 * Receipts ({@code GR-}), transfers ({@code TR-}), counts ({@code IC-}) and adjustments ({@code IA-})
 * in KV_INV_DOCUMENT. Each is a workflow {@code inventory.receipt|transfer|count|adjustment}: draft →(post) posted, draft →(cancel)
 * cancelled; posting writes the moves in the same transaction as the state change.
 */
@Component(service = {StockDocumentService.class, StockDocumentServiceImpl.class})
public class StockDocumentServiceImpl implements StockDocumentService {

    enum Kind {
        RECEIPT("inventory.receipt", "GR", "Goods receipts"), TRANSFER("inventory.transfer", "TR", "Stock transfers"),
        COUNT("inventory.count", "IC", "Inventory counts"), ADJUSTMENT("inventory.adjustment", "IA", "Stock adjustments");

        final String type;
        final String series;
        final String description;

        Kind(String type, String series, String description) {
            this.type = type;
            this.series = series;
            this.description = description;
        }
    }

    static final String DRAFT = "draft";
    private static final Set<String> SORT_FIELDS = Set.of("number", "date");

    private final JpaTemplate jpa;
    private final Ledger ledger;
    private final Catalogue catalogue;
    private final NumberingService numbering;
    private final WorkflowService workflow;
    private final DocumentFlowService flow;
    private final EventPublisher events;
    private final AuditService audit;
    private final PartyService parties;
    private final Caller caller;
    private final WarehouseServiceImpl warehouses;

    @Activate
    public StockDocumentServiceImpl(@Reference(target = "(osgi.unit.name=kovan-inventory)") JpaTemplate jpa, @Reference Ledger ledger,
        @Reference Catalogue catalogue, @Reference NumberingService numbering, @Reference WorkflowService workflow,
        @Reference DocumentFlowService flow, @Reference EventPublisher events, @Reference AuditService audit, @Reference PartyService parties,
        @Reference Caller caller, @Reference WarehouseServiceImpl warehouses) {
        this.jpa = jpa;
        this.ledger = ledger;
        this.catalogue = catalogue;
        this.numbering = numbering;
        this.workflow = workflow;
        this.flow = flow;
        this.events = events;
        this.audit = audit;
        this.parties = parties;
        this.caller = caller;
        this.warehouses = warehouses;
        for (Kind kind : Kind.values()) {
            numbering.define(new NumberSeriesDTO(kind.series, kind.series, true, 6, kind.description));
            workflow.define(new WorkflowDTO(kind.type, DRAFT, List.of(DRAFT, "posted", "cancelled"), List.of(
                new TransitionDTO("post", Set.of(DRAFT), "posted", null),
                new TransitionDTO("cancel", Set.of(DRAFT), "cancelled", null))));
        }
    }

    // ---- receipts -------------------------------------------------------------------------

    @Override
    public ReceiptDTO createReceipt(ReceiptDTO r) {
        return create(Kind.RECEIPT, r, this::applyReceipt, this::receiptDto);
    }

    @Override
    public ReceiptDTO updateReceipt(long id, ReceiptDTO r) {
        return update(Kind.RECEIPT, id, r.version(), r, this::applyReceipt, this::receiptDto);
    }

    private List<StockDocumentLineEntity> applyReceipt(EntityManager em, StockDocumentEntity e, ReceiptDTO r) {
        Violations v = new Violations();
        v.maxLength("reference", r.reference(), 64);
        long warehouse = warehouse(em, v, r.warehouseId());
        Long location = location(em, v, "locationId", r.locationId(), warehouse);
        if (r.supplierId() != null) {
            try {
                parties.get(r.supplierId());
            } catch (NotFoundException x) {
                v.check(false, "supplierId", "unknown party " + r.supplierId());
            }
        }
        v.check(r.lines() != null && !r.lines().isEmpty(), "lines", "must hold at least one line");
        List<StockDocumentLineEntity> lines = new ArrayList<>();
        List<ReceiptLineDTO> given = r.lines() == null ? List.of() : r.lines();
        Set<String> serialsSeen = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            ReceiptLineDTO l = given.get(i);
            String at = "lines[" + i + "].";
            if (l == null) {
                v.check(false, "lines[" + i + "]", "is required");
                continue;
            }
            ProductDTO product = catalogue.stocked(v, at + "productId", l.productId());
            v.positive(at + "quantity", l.quantity(), Ledger.QUANTITY_SCALE);
            v.nonNegative(at + "unitCost", l.unitCost(), Ledger.COST_SCALE);
            v.check(l.unitCost() == null || l.unitCost().precision() - l.unitCost().scale() <= 15, at + "unitCost", "is too large");
            v.check(l.quantity() == null || l.quantity().precision() - l.quantity().scale() <= 15, at + "quantity", "is too large");
            v.maxLength(at + "lotNumber", l.lotNumber(), 64);
            Tracking tracking = product == null ? Tracking.NONE : ledger.readProduct(em, product.id()).tracking();
            boolean serialsGiven = l.serialNumbers() == null || l.serialNumbers().stream().allMatch(n -> n != null && !n.isBlank());
            v.check(serialsGiven, at + "serialNumbers", "must not hold empty serial numbers");
            if (serialsGiven) {
                checkTracking(v, at, tracking, l.lotNumber(), l.expiryDate(), l.serialNumbers(), l.quantity(), serialsSeen);
            }
            StockDocumentLineEntity line = new StockDocumentLineEntity();
            line.lineNo = i + 1;
            line.productId = l.productId() == null ? 0 : l.productId();
            line.quantity = l.quantity();
            line.unitCost = l.unitCost();
            line.lotNumber = blankToNull(l.lotNumber());
            line.expiryDate = l.expiryDate();
            line.serials = !serialsGiven || l.serialNumbers() == null || l.serialNumbers().isEmpty() ? null
                : String.join("\n", l.serialNumbers().stream().map(String::strip).toList());
            v.check(line.serials == null || line.serials.length() <= 32000, at + "serialNumbers", "are too many for one line");
            lines.add(line);
        }
        v.throwIfAny();
        e.warehouseId = warehouse;
        e.locationId = location;
        e.partyId = r.supplierId();
        e.date = r.date() == null ? Times.today() : r.date();
        e.reference = blankToNull(r.reference());
        return lines;
    }

    private static void checkTracking(Violations v, String at, Tracking tracking, String lot, LocalDate expiry, List<String> serials, BigDecimal quantity,
        Set<String> seen) {
        switch (tracking) {
            case NONE -> {
                v.check(lot == null || lot.isBlank(), at + "lotNumber", "must be empty: the product is not tracked by lot");
                v.check(serials == null || serials.isEmpty(), at + "serialNumbers", "must be empty: the product has no serial numbers");
            }
            case LOT -> {
                v.check(lot != null && !lot.isBlank(), at + "lotNumber", "is required: the product is tracked by lot");
                v.check(serials == null || serials.isEmpty(), at + "serialNumbers", "must be empty: the product is tracked by lot");
            }
            case SERIAL -> {
                v.check(lot == null || lot.isBlank(), at + "lotNumber", "must be empty: the product is tracked by serial number");
                v.check(expiry == null, at + "expiryDate", "applies to lots only");
                boolean whole = quantity != null && quantity.signum() > 0 && quantity.stripTrailingZeros().scale() <= 0;
                v.check(whole, at + "quantity", "must be a whole number of serial-numbered units");
                v.check(serials != null && whole && serials.size() == quantity.intValue(), at + "serialNumbers",
                    "must list one serial number per unit");
                if (serials != null) {
                    for (String s : serials) {
                        v.check(s != null && !s.isBlank() && s.strip().length() <= 64, at + "serialNumbers", "must be 1 to 64 characters each");
                        v.check(s == null || seen.add(s.strip()), at + "serialNumbers", "lists " + s + " twice");
                    }
                }
            }
        }
    }

    @Override
    public ReceiptDTO receipt(long id) {
        return jpa.txExpr(TransactionType.Supports, em -> receiptDto(em, load(em, Kind.RECEIPT, id)));
    }

    @Override
    public Page<ReceiptDTO> receipts(PageRequest request) {
        return jpa.txExpr(TransactionType.Supports, em -> page(em, Kind.RECEIPT, request).map(e -> receiptDto(em, e)));
    }

    @Override
    public ReceiptDTO postReceipt(long id) {
        return jpa.txExpr(TransactionType.Required, em -> {
            StockDocumentEntity e = load(em, Kind.RECEIPT, id);
            ReceiptDTO before = receiptDto(em, e);
            transition(e, Kind.RECEIPT, "post");
            long location = e.locationId != null ? e.locationId : WarehouseServiceImpl.load(em, e.warehouseId).rootLocationId;
            List<StockDocumentLineEntity> lines = lines(em, e.id);
            lines.sort(Comparator.comparingLong((StockDocumentLineEntity l) -> l.productId).thenComparingInt(l -> l.lineNo));
            for (StockDocumentLineEntity line : lines) {
                Ledger.Source source = new Ledger.Source(Kind.RECEIPT.type, e.id, line.id, e.number);
                Tracking tracking = ledger.lockProduct(em, line.productId).tracking();
                if (tracking == Tracking.SERIAL) {
                    for (String serial : serials(line)) {
                        long lot = ledger.lot(em, line.productId, serial, null);
                        Number held = (Number) em.createNativeQuery("SELECT COALESCE(SUM(QUANTITY), 0) FROM KV_INV_QUANT WHERE PRODUCT_ID = ? AND LOT_KEY = ?")
                            .setParameter(1, line.productId).setParameter(2, lot).getSingleResult();
                        if (new BigDecimal(held.toString()).signum() > 0) {
                            throw new ConflictException("Serial number " + serial + " of product " + catalogue.code(line.productId) + " is already in stock");
                        }
                        ledger.receive(em, new Ledger.Incoming(MoveType.RECEIPT, line.productId, e.warehouseId, location, lot, BigDecimal.ONE, line.unitCost,
                            null, e.date, source, null));
                    }
                } else {
                    if (tracking != Tracking.NONE && line.lotNumber == null) {
                        throw new ConflictException("Line " + line.lineNo + ": product " + catalogue.code(line.productId)
                            + " is now tracked by " + tracking + "; give its lot or serial numbers");
                    }
                    Long lot = tracking == Tracking.LOT ? ledger.lot(em, line.productId, line.lotNumber, line.expiryDate) : null;
                    ledger.receive(em, new Ledger.Incoming(MoveType.RECEIPT, line.productId, e.warehouseId, location, lot, line.quantity, line.unitCost,
                        null, e.date, source, null));
                }
            }
            em.flush();
            ReceiptDTO after = receiptDto(em, e);
            recorded(Kind.RECEIPT, e, "posted", before, after);
            events.publish("inventory.receipt.posted", Map.of("id", e.id, "number", e.number, "warehouseId", e.warehouseId));
            return after;
        });
    }

    @Override
    public ReceiptDTO cancelReceipt(long id) {
        return cancel(Kind.RECEIPT, id, this::receiptDto);
    }

    private ReceiptDTO receiptDto(EntityManager em, StockDocumentEntity e) {
        List<ReceiptLineDTO> lines = lines(em, e.id).stream().map(l -> new ReceiptLineDTO(l.id, l.productId, l.quantity, l.unitCost, l.lotNumber,
            l.expiryDate, l.serials == null ? null : serials(l))).toList();
        return new ReceiptDTO(e.id, e.number, e.warehouseId, e.locationId, e.partyId, e.date, e.reference, e.state, lines, e.version);
    }

    // ---- transfers ------------------------------------------------------------------------

    @Override
    public TransferDTO createTransfer(TransferDTO t) {
        return jpa.txExpr(TransactionType.Required, em -> {
            Violations v = new Violations();
            v.maxLength("reference", t.reference(), 64);
            v.require("fromLocationId", t.fromLocationId()).require("toLocationId", t.toLocationId());
            LocationEntity from = t.fromLocationId() == null ? null : em.find(LocationEntity.class, t.fromLocationId());
            LocationEntity to = t.toLocationId() == null ? null : em.find(LocationEntity.class, t.toLocationId());
            v.check(t.fromLocationId() == null || (from != null && from.active), "fromLocationId", "must be an active location");
            v.check(t.toLocationId() == null || (to != null && to.active), "toLocationId", "must be an active location");
            v.check(t.fromLocationId() == null || !t.fromLocationId().equals(t.toLocationId()), "toLocationId", "must differ from fromLocationId");
            v.check(t.lines() != null && !t.lines().isEmpty(), "lines", "must hold at least one line");
            List<TransferLineDTO> given = t.lines() == null ? List.of() : t.lines();
            List<StockDocumentLineEntity> lines = new ArrayList<>();
            for (int i = 0; i < given.size(); i++) {
                TransferLineDTO l = given.get(i);
                String at = "lines[" + i + "].";
                if (l == null) {
                    v.check(false, "lines[" + i + "]", "is required");
                    continue;
                }
                catalogue.stocked(v, at + "productId", l.productId());
                v.positive(at + "quantity", l.quantity(), Ledger.QUANTITY_SCALE);
                v.maxLength(at + "lotNumber", l.lotNumber(), 64);
                StockDocumentLineEntity line = new StockDocumentLineEntity();
                line.lineNo = i + 1;
                line.productId = l.productId() == null ? 0 : l.productId();
                line.quantity = l.quantity();
                line.lotNumber = blankToNull(l.lotNumber());
                lines.add(line);
            }
            v.throwIfAny();
            StockDocumentEntity e = new StockDocumentEntity();
            e.kind = Kind.TRANSFER.name();
            e.state = DRAFT;
            e.createdAt = Times.now();
            e.warehouseId = from.warehouseId;
            e.locationId = from.id;
            e.toLocationId = to.id;
            e.date = t.date() == null ? Times.today() : t.date();
            e.reference = blankToNull(t.reference());
            e.number = numbering.next(Kind.TRANSFER.series, e.date);
            em.persist(e);
            em.flush();
            saveLines(em, e, lines);
            TransferDTO created = transferDto(em, e);
            recorded(Kind.TRANSFER, e, "created", null, created);
            return created;
        });
    }

    @Override
    public TransferDTO transfer(long id) {
        return jpa.txExpr(TransactionType.Supports, em -> transferDto(em, load(em, Kind.TRANSFER, id)));
    }

    @Override
    public Page<TransferDTO> transfers(PageRequest request) {
        return jpa.txExpr(TransactionType.Supports, em -> page(em, Kind.TRANSFER, request).map(e -> transferDto(em, e)));
    }

    @Override
    public TransferDTO postTransfer(long id) {
        return jpa.txExpr(TransactionType.Required, em -> {
            StockDocumentEntity e = load(em, Kind.TRANSFER, id);
            TransferDTO before = transferDto(em, e);
            transition(e, Kind.TRANSFER, "post");
            LocationEntity to = WarehouseServiceImpl.loadLocation(em, e.toLocationId);
            List<StockDocumentLineEntity> lines = lines(em, e.id);
            lines.sort(Comparator.comparingLong((StockDocumentLineEntity l) -> l.productId).thenComparingInt(l -> l.lineNo));
            for (StockDocumentLineEntity line : lines) {
                Long lot = lotOf(em, line);
                ledger.transfer(em, line.productId, e.warehouseId, e.locationId, to.warehouseId, to.id, lot, line.quantity, e.date,
                    new Ledger.Source(Kind.TRANSFER.type, e.id, line.id, e.number));
            }
            em.flush();
            TransferDTO after = transferDto(em, e);
            recorded(Kind.TRANSFER, e, "posted", before, after);
            events.publish("inventory.transfer.posted", Map.of("id", e.id, "number", e.number));
            return after;
        });
    }

    @Override
    public TransferDTO cancelTransfer(long id) {
        return cancel(Kind.TRANSFER, id, this::transferDto);
    }

    private TransferDTO transferDto(EntityManager em, StockDocumentEntity e) {
        List<TransferLineDTO> lines = lines(em, e.id).stream().map(l -> new TransferLineDTO(l.id, l.productId, l.quantity, l.lotNumber)).toList();
        return new TransferDTO(e.id, e.number, e.locationId, e.toLocationId, e.date, e.reference, e.state, lines, e.version);
    }

    // ---- counts ---------------------------------------------------------------------------

    @Override
    public CountDTO createCount(CountDTO c) {
        return create(Kind.COUNT, c, this::applyCount, this::countDto);
    }

    @Override
    public CountDTO updateCount(long id, CountDTO c) {
        return update(Kind.COUNT, id, c.version(), c, this::applyCount, this::countDto);
    }

    private List<StockDocumentLineEntity> applyCount(EntityManager em, StockDocumentEntity e, CountDTO c) {
        Violations v = new Violations();
        v.require("locationId", c.locationId());
        LocationEntity location = c.locationId() == null ? null : em.find(LocationEntity.class, c.locationId());
        v.check(c.locationId() == null || (location != null && location.active), "locationId", "must be an active location");
        v.check(c.lines() != null && !c.lines().isEmpty(), "lines", "must hold at least one line");
        List<CountLineDTO> given = c.lines() == null ? List.of() : c.lines();
        List<StockDocumentLineEntity> lines = new ArrayList<>();
        Set<String> counted = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            CountLineDTO l = given.get(i);
            String at = "lines[" + i + "].";
            if (l == null) {
                v.check(false, "lines[" + i + "]", "is required");
                continue;
            }
            catalogue.stocked(v, at + "productId", l.productId());
            v.require(at + "countedQuantity", l.countedQuantity());
            v.nonNegative(at + "countedQuantity", l.countedQuantity(), Ledger.QUANTITY_SCALE);
            v.check(l.countedQuantity() == null || l.countedQuantity().precision() - l.countedQuantity().scale() <= 15, at + "countedQuantity",
                "is too large");
            v.maxLength(at + "lotNumber", l.lotNumber(), 64);
            v.check(counted.add(l.productId() + "/" + blankToNull(l.lotNumber())), at + "productId", "is counted twice (same lot)");
            StockDocumentLineEntity line = new StockDocumentLineEntity();
            line.lineNo = i + 1;
            line.productId = l.productId() == null ? 0 : l.productId();
            line.quantity = l.countedQuantity();
            line.lotNumber = blankToNull(l.lotNumber());
            lines.add(line);
        }
        v.throwIfAny();
        e.warehouseId = location.warehouseId;
        e.locationId = location.id;
        e.date = c.date() == null ? Times.today() : c.date();
        return lines;
    }

    @Override
    public CountDTO count(long id) {
        return jpa.txExpr(TransactionType.Supports, em -> countDto(em, load(em, Kind.COUNT, id)));
    }

    @Override
    public Page<CountDTO> counts(PageRequest request) {
        return jpa.txExpr(TransactionType.Supports, em -> page(em, Kind.COUNT, request).map(e -> countDto(em, e)));
    }

    /** Posts the differences: what the ledger holds at the location (under the product's lock) against what was counted. */
    @Override
    public CountDTO postCount(long id) {
        return jpa.txExpr(TransactionType.Required, em -> {
            StockDocumentEntity e = load(em, Kind.COUNT, id);
            CountDTO before = countDto(em, e);
            transition(e, Kind.COUNT, "post");
            List<StockDocumentLineEntity> lines = lines(em, e.id);
            lines.sort(Comparator.comparingLong((StockDocumentLineEntity l) -> l.productId).thenComparingInt(l -> l.lineNo));
            for (StockDocumentLineEntity line : lines) {
                Tracking tracking = ledger.lockProduct(em, line.productId).tracking();
                if (tracking != Tracking.NONE && line.lotNumber == null) {
                    throw new ConflictException("Line " + line.lineNo + ": product " + catalogue.code(line.productId) + " is tracked by " + tracking
                        + "; count it per lot or serial number");
                }
                Long lot = line.lotNumber == null ? null
                    : tracking == Tracking.NONE ? null : ledger.lot(em, line.productId, line.lotNumber, null);
                ledger.lockStock(em, line.productId, e.warehouseId);
                List<?> held = em.createNativeQuery("SELECT QUANTITY FROM KV_INV_QUANT WHERE PRODUCT_ID = ? AND LOCATION_ID = ? AND LOT_KEY = ?")
                    .setParameter(1, line.productId).setParameter(2, e.locationId).setParameter(3, lot == null ? Ledger.NO_LOT : lot).getResultList();
                BigDecimal system = held.isEmpty() ? BigDecimal.ZERO.setScale(Ledger.QUANTITY_SCALE) : Ledger.decimal(held.get(0));
                line.systemQuantity = system;
                BigDecimal difference = line.quantity.subtract(system);
                Ledger.Source source = new Ledger.Source(Kind.COUNT.type, e.id, line.id, e.number);
                if (difference.signum() > 0) {
                    ledger.receive(em, new Ledger.Incoming(MoveType.COUNT, line.productId, e.warehouseId, e.locationId, lot, difference, null, null,
                        e.date, source, null));
                } else if (difference.signum() < 0) {
                    ledger.issue(em, new Ledger.Outgoing(MoveType.COUNT, line.productId, e.warehouseId, e.locationId, lot == null ? Ledger.NO_LOT : lot,
                        difference.negate(), BigDecimal.ZERO, e.date, source));
                }
            }
            em.flush();
            CountDTO after = countDto(em, e);
            recorded(Kind.COUNT, e, "posted", before, after);
            events.publish("inventory.count.posted", Map.of("id", e.id, "number", e.number));
            return after;
        });
    }

    @Override
    public CountDTO cancelCount(long id) {
        return cancel(Kind.COUNT, id, this::countDto);
    }

    private CountDTO countDto(EntityManager em, StockDocumentEntity e) {
        List<CountLineDTO> lines = lines(em, e.id).stream().map(l -> new CountLineDTO(l.id, l.productId, l.lotNumber, l.quantity, l.systemQuantity,
            l.systemQuantity == null ? null : l.quantity.subtract(l.systemQuantity))).toList();
        return new CountDTO(e.id, e.number, e.locationId, e.date, e.state, lines, e.version);
    }

    // ---- adjustments ----------------------------------------------------------------------

    @Override
    public AdjustmentDTO createAdjustment(AdjustmentDTO a) {
        return jpa.txExpr(TransactionType.Required, em -> {
            Violations v = new Violations();
            v.require("locationId", a.locationId()).requireText("reason", a.reason(), 64);
            LocationEntity location = a.locationId() == null ? null : em.find(LocationEntity.class, a.locationId());
            v.check(a.locationId() == null || (location != null && location.active), "locationId", "must be an active location");
            v.check(a.lines() != null && !a.lines().isEmpty(), "lines", "must hold at least one line");
            List<AdjustmentLineDTO> given = a.lines() == null ? List.of() : a.lines();
            List<StockDocumentLineEntity> lines = new ArrayList<>();
            for (int i = 0; i < given.size(); i++) {
                AdjustmentLineDTO l = given.get(i);
                String at = "lines[" + i + "].";
                if (l == null) {
                    v.check(false, "lines[" + i + "]", "is required");
                    continue;
                }
                ProductDTO product = catalogue.stocked(v, at + "productId", l.productId());
                v.require(at + "quantity", l.quantity());
                v.check(l.quantity() == null || l.quantity().signum() != 0, at + "quantity", "must not be zero: above zero is found, below lost");
                v.check(l.quantity() == null || l.quantity().stripTrailingZeros().scale() <= Ledger.QUANTITY_SCALE, at + "quantity",
                    "must have at most " + Ledger.QUANTITY_SCALE + " decimals");
                v.check(l.quantity() == null || l.quantity().precision() - l.quantity().scale() <= 15, at + "quantity", "is too large");
                v.nonNegative(at + "unitCost", l.unitCost(), Ledger.COST_SCALE);
                v.check(l.unitCost() == null || l.quantity() == null || l.quantity().signum() > 0, at + "unitCost",
                    "applies to found goods only; lost goods leave at the current cost");
                v.maxLength(at + "lotNumber", l.lotNumber(), 64);
                Tracking tracking = product == null ? Tracking.NONE : ledger.readProduct(em, product.id()).tracking();
                v.check(tracking != Tracking.SERIAL, at + "productId", "is serial-numbered: adjust it with a receipt or a count");
                v.check(tracking != Tracking.LOT || (l.lotNumber() != null && !l.lotNumber().isBlank()), at + "lotNumber",
                    "is required: the product is tracked by lot");
                v.check(tracking != Tracking.NONE || l.lotNumber() == null || l.lotNumber().isBlank(), at + "lotNumber",
                    "must be empty: the product is not tracked by lot");
                StockDocumentLineEntity line = new StockDocumentLineEntity();
                line.lineNo = i + 1;
                line.productId = l.productId() == null ? 0 : l.productId();
                line.quantity = l.quantity();
                line.unitCost = l.unitCost();
                line.lotNumber = blankToNull(l.lotNumber());
                line.expiryDate = l.expiryDate();
                lines.add(line);
            }
            v.throwIfAny();
            StockDocumentEntity e = new StockDocumentEntity();
            e.kind = Kind.ADJUSTMENT.name();
            e.state = DRAFT;
            e.createdAt = Times.now();
            e.warehouseId = location.warehouseId;
            e.locationId = location.id;
            e.date = a.date() == null ? Times.today() : a.date();
            e.reference = a.reason().strip();
            e.number = numbering.next(Kind.ADJUSTMENT.series, e.date);
            em.persist(e);
            em.flush();
            saveLines(em, e, lines);
            AdjustmentDTO created = adjustmentDto(em, e);
            recorded(Kind.ADJUSTMENT, e, "created", null, created);
            return created;
        });
    }

    @Override
    public AdjustmentDTO adjustment(long id) {
        return jpa.txExpr(TransactionType.Supports, em -> adjustmentDto(em, load(em, Kind.ADJUSTMENT, id)));
    }

    @Override
    public Page<AdjustmentDTO> adjustments(PageRequest request) {
        return jpa.txExpr(TransactionType.Supports, em -> page(em, Kind.ADJUSTMENT, request).map(e -> adjustmentDto(em, e)));
    }

    @Override
    public AdjustmentDTO postAdjustment(long id) {
        return jpa.txExpr(TransactionType.Required, em -> {
            StockDocumentEntity e = load(em, Kind.ADJUSTMENT, id);
            AdjustmentDTO before = adjustmentDto(em, e);
            transition(e, Kind.ADJUSTMENT, "post");
            List<StockDocumentLineEntity> lines = lines(em, e.id);
            lines.sort(Comparator.comparingLong((StockDocumentLineEntity l) -> l.productId).thenComparingInt(l -> l.lineNo));
            for (StockDocumentLineEntity line : lines) {
                Ledger.Source source = new Ledger.Source(Kind.ADJUSTMENT.type, e.id, line.id, e.number);
                Tracking tracking = ledger.lockProduct(em, line.productId).tracking();
                if (line.quantity.signum() > 0) {
                    Long lot = tracking == Tracking.LOT ? ledger.lot(em, line.productId, line.lotNumber, line.expiryDate) : null;
                    ledger.receive(em, new Ledger.Incoming(MoveType.ADJUSTMENT, line.productId, e.warehouseId, e.locationId, lot, line.quantity,
                        line.unitCost, null, e.date, source, null));
                } else {
                    Long lot = tracking == Tracking.LOT ? lotOf(em, line) : Long.valueOf(Ledger.NO_LOT);
                    ledger.issue(em, new Ledger.Outgoing(MoveType.ADJUSTMENT, line.productId, e.warehouseId, e.locationId, lot, line.quantity.negate(),
                        BigDecimal.ZERO, e.date, source));
                }
            }
            em.flush();
            AdjustmentDTO after = adjustmentDto(em, e);
            recorded(Kind.ADJUSTMENT, e, "posted", before, after);
            events.publish("inventory.adjustment.posted", Map.of("id", e.id, "number", e.number));
            return after;
        });
    }

    @Override
    public AdjustmentDTO cancelAdjustment(long id) {
        return cancel(Kind.ADJUSTMENT, id, this::adjustmentDto);
    }

    private AdjustmentDTO adjustmentDto(EntityManager em, StockDocumentEntity e) {
        List<AdjustmentLineDTO> lines = lines(em, e.id).stream().map(l -> new AdjustmentLineDTO(l.id, l.productId, l.quantity, l.unitCost, l.lotNumber,
            l.expiryDate)).toList();
        return new AdjustmentDTO(e.id, e.number, e.locationId, e.date, e.reference, e.state, lines, e.version);
    }

    // ---- shared ---------------------------------------------------------------------------

    /** Checks a document's input and writes it into the entity, returning its lines. */
    @FunctionalInterface
    private interface Input<D> {
        List<StockDocumentLineEntity> apply(EntityManager em, StockDocumentEntity e, D input);
    }

    /** Creates a draft, numbered, with its lines. */
    private <D, T extends Record> T create(Kind kind, D input, Input<D> apply, java.util.function.BiFunction<EntityManager, StockDocumentEntity, T> dto) {
        return jpa.txExpr(TransactionType.Required, em -> {
            StockDocumentEntity e = new StockDocumentEntity();
            e.kind = kind.name();
            e.state = DRAFT;
            e.createdAt = Times.now();
            List<StockDocumentLineEntity> lines = apply.apply(em, e, input);
            e.number = numbering.next(kind.series, e.date);
            em.persist(e);
            em.flush();
            saveLines(em, e, lines);
            T created = dto.apply(em, e);
            recorded(kind, e, "created", null, created);
            return created;
        });
    }

    /** Changes a draft and replaces its lines. */
    private <D, T extends Record> T update(Kind kind, long id, Long version, D input, Input<D> apply,
        java.util.function.BiFunction<EntityManager, StockDocumentEntity, T> dto) {
        return jpa.txExpr(TransactionType.Required, em -> {
            StockDocumentEntity e = loadDraft(em, kind, id, version);
            T before = dto.apply(em, e);
            List<StockDocumentLineEntity> lines = apply.apply(em, e, input);
            replaceLines(em, e, lines);
            T after = dto.apply(em, e);
            recorded(kind, e, "updated", before, after);
            return after;
        });
    }

    /** Cancels a draft of any kind: no moves were written, so only its state changes. */
    private <T extends Record> T cancel(Kind kind, long id, java.util.function.BiFunction<EntityManager, StockDocumentEntity, T> dto) {
        return jpa.txExpr(TransactionType.Required, em -> {
            StockDocumentEntity e = load(em, kind, id);
            T before = dto.apply(em, e);
            transition(e, kind, "cancel");
            em.flush();
            T after = dto.apply(em, e);
            recorded(kind, e, "cancelled", before, after);
            return after;
        });
    }

    private void transition(StockDocumentEntity e, Kind kind, String name) {
        e.state = workflow.transition(kind.type, e.id, e.state, name, caller.user(), caller.roles(), null);
    }

    private void recorded(Kind kind, StockDocumentEntity e, String action, Record before, Record after) {
        flow.record(new DocumentDTO(kind.type, e.id, e.number, e.state, e.date, null, null));
        audit.record(kind.type, String.valueOf(e.id), action, AuditService.diff(before, after));
    }

    private long warehouse(EntityManager em, Violations v, Long id) {
        if (id == null) {
            return warehouses.defaultWarehouse(em).id();
        }
        WarehouseEntity w = em.find(WarehouseEntity.class, id);
        v.check(w != null && w.active, "warehouseId", w == null ? "unknown warehouse " + id : "is inactive");
        return id;
    }

    private static Long location(EntityManager em, Violations v, String field, Long id, long warehouse) {
        if (id == null) {
            return null;
        }
        LocationEntity l = em.find(LocationEntity.class, id);
        v.check(l != null && l.active && l.warehouseId == warehouse, field, l == null ? "unknown location " + id
            : !l.active ? "is inactive" : "lies in another warehouse");
        return id;
    }

    private Long lotOf(EntityManager em, StockDocumentLineEntity line) {
        if (line.lotNumber == null) {
            return null;
        }
        Long lot = ledger.findLot(em, line.productId, line.lotNumber);
        if (lot == null) {
            throw new ConflictException("Line " + line.lineNo + ": product " + catalogue.code(line.productId) + " has no lot " + line.lotNumber);
        }
        return lot;
    }

    private StockDocumentEntity load(EntityManager em, Kind kind, long id) {
        StockDocumentEntity e = em.find(StockDocumentEntity.class, id);
        if (e == null || !e.kind.equals(kind.name())) {
            throw new NotFoundException(kind.name().charAt(0) + kind.name().substring(1).toLowerCase(java.util.Locale.ROOT), id);
        }
        return e;
    }

    private StockDocumentEntity loadDraft(EntityManager em, Kind kind, long id, Long version) {
        if (version == null) {
            throw new ValidationException("version", "is required");
        }
        StockDocumentEntity e = load(em, kind, id);
        if (version != e.version) {
            throw new StaleVersionException(kind.name().charAt(0) + kind.name().substring(1).toLowerCase(), id, version, e.version);
        }
        if (!DRAFT.equals(e.state)) {
            throw new ConflictException(e.number + " is " + e.state + "; only drafts change");
        }
        return e;
    }

    private static List<StockDocumentLineEntity> lines(EntityManager em, long documentId) {
        return new ArrayList<>(em.createQuery("SELECT l FROM StockDocumentLineEntity l WHERE l.documentId = :d ORDER BY l.lineNo",
            StockDocumentLineEntity.class).setParameter("d", documentId).getResultList());
    }

    private static void saveLines(EntityManager em, StockDocumentEntity e, List<StockDocumentLineEntity> lines) {
        for (StockDocumentLineEntity l : lines) {
            l.documentId = e.id;
            em.persist(l);
        }
        em.flush();
    }

    private static void replaceLines(EntityManager em, StockDocumentEntity e, List<StockDocumentLineEntity> lines) {
        lines(em, e.id).forEach(em::remove);
        em.flush();
        saveLines(em, e, lines);
        em.flush();
    }

    private static List<String> serials(StockDocumentLineEntity l) {
        return l.serials == null ? List.of() : List.of(l.serials.split("\n"));
    }

    private Page<StockDocumentEntity> page(EntityManager em, Kind kind, PageRequest request) {
        String sort = request.sortField(SORT_FIELDS, "number");
        String state = request.filter("state");
        Long warehouse = request.longFilter("warehouse");
        Long location = request.longFilter("location");
        LocalDate from = request.filter("from") == null ? null : io.kovan.kernel.api.rest.Params.date("from", request.filter("from"));
        LocalDate to = request.filter("to") == null ? null : io.kovan.kernel.api.rest.Params.date("to", request.filter("to"));
        if (state != null && !List.of(DRAFT, "posted", "cancelled").contains(state)) {
            throw new ValidationException("state", "must be draft, posted or cancelled");
        }
        return Queries.page(em, StockDocumentEntity.class, request, (cb, d) -> {
            List<Predicate> where = new ArrayList<>();
            where.add(cb.equal(d.get("kind"), kind.name()));
            if (request.q() != null) {
                String pattern = Queries.containsPattern(request.q());
                where.add(cb.or(cb.like(cb.upper(d.get("number")), pattern, '\\'), cb.like(cb.upper(d.get("reference")), pattern, '\\')));
            }
            if (state != null) {
                where.add(cb.equal(d.get("state"), state));
            }
            if (warehouse != null) {
                where.add(cb.equal(d.get("warehouseId"), warehouse));
            }
            if (location != null) {
                where.add(cb.or(cb.equal(d.get("locationId"), location), cb.equal(d.get("toLocationId"), location)));
            }
            if (from != null) {
                where.add(cb.greaterThanOrEqualTo(d.get("date"), from));
            }
            if (to != null) {
                where.add(cb.lessThanOrEqualTo(d.get("date"), to));
            }
            return where;
        }, sort, "id", x -> x);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
