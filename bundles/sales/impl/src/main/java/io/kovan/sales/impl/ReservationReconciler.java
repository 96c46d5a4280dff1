package io.kovan.sales.impl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.kovan.inventory.api.ReservationDTO;
import io.kovan.inventory.api.ReservationService;
import io.kovan.kernel.api.Page;
import io.kovan.kernel.api.PageRequest;
import io.kovan.kernel.api.Transactions;
import io.kovan.sales.api.OrderService;

/**
 * Gives back the reservations sales no longer needs but could not release while inventory was
 * away: orders cancelled, and lines shipped, in the meantime. It runs, off the start-up thread,
 * each time inventory's reservation service appears; while inventory is absent it is not active.
 */
@Component(immediate = true, service = {})
public class ReservationReconciler {

    private static final Logger LOG = LoggerFactory.getLogger(ReservationReconciler.class);

    private final JpaTemplate jpa;
    private final ReservationService reservations;
    private final Thread worker;

    @Activate
    public ReservationReconciler(@Reference(target = "(osgi.unit.name=kovan-sales)") JpaTemplate jpa, @Reference Transactions kernelReady,
        @Reference ReservationService reservations) {
        this.jpa = jpa;
        this.reservations = reservations;
        this.worker = new Thread(this::reconcileQuietly, "kovan-sales-reservations");
        worker.setDaemon(true);
        worker.start();
    }

    @Deactivate
    void stop() {
        worker.interrupt();
    }

    private void reconcileQuietly() {
        try {
            int released = reconcile();
            if (released > 0) {
                LOG.info("Released {} reservations of orders cancelled or lines shipped while inventory was away", released);
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not reconcile sales' reservations with inventory; they are tried again when inventory next starts", e);
        }
    }

    /** Returns how many lines' reservations it released. */
    int reconcile() {
        Map<Long, List<ReservationDTO>> byOrder = new TreeMap<>();
        for (int offset = 0; !Thread.currentThread().isInterrupted(); offset += PageRequest.MAX_LIMIT) {
            Page<ReservationDTO> page = reservations.list(new PageRequest(offset, PageRequest.MAX_LIMIT, null, null,
                Map.of("documentType", OrderService.DOCUMENT_TYPE, "state", "ACTIVE")));
            page.items().forEach(r -> byOrder.computeIfAbsent(r.documentId(), id -> new ArrayList<>()).add(r));
            if (offset + PageRequest.MAX_LIMIT >= page.total()) {
                break;
            }
        }
        int released = 0;
        for (Map.Entry<Long, List<ReservationDTO>> order : byOrder.entrySet()) {
            if (Thread.currentThread().isInterrupted()) {
                break;
            }
            released += jpa.txExpr(TransactionType.Required, em -> {
                OrderEntity o = em.find(OrderEntity.class, order.getKey());
                if (o == null || !OrderServiceImpl.OPEN_STATES.contains(o.state)) {
                    reservations.release(OrderService.DOCUMENT_TYPE, order.getKey());
                    return order.getValue().size();
                }
                int lines = 0;
                for (ReservationDTO r : order.getValue()) {
                    OrderLineEntity line = em.find(OrderLineEntity.class, r.lineId());
                    if (r.open().signum() > 0 && (line == null || line.deliveredQuantity.compareTo(line.quantity) >= 0)) {
                        reservations.releaseLine(OrderService.DOCUMENT_TYPE, order.getKey(), r.lineId());
                        lines++;
                    }
                }
                return lines;
            });
        }
        return released;
    }
}
