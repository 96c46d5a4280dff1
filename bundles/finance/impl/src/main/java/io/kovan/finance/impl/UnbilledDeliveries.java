package io.kovan.finance.impl;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.kovan.kernel.api.persistence.InList;
import io.kovan.finance.api.InvoiceKind;
import io.kovan.kernel.api.event.DomainEvent;
import io.kovan.kernel.api.event.TransactionalEventListener;
import io.kovan.sales.api.OrderDTO;
import io.kovan.sales.api.OrderLineDTO;
import io.kovan.sales.api.OrderService;
import io.kovan.sales.api.ReturnDTO;
import io.kovan.sales.api.ReturnLineDTO;
import io.kovan.sales.api.ShipmentDTO;
import io.kovan.sales.api.ShipmentLineDTO;
import io.kovan.sales.api.ShipmentService;

/**
 * What a customer owes beyond its invoices: goods and services delivered that no posted invoice
 * bills yet (a shipment line's row, at its order line's price with VAT), less what was invoiced on
 * order and is not delivered yet (an order line's negative row; sales still counts it as open).
 * Rows in KV_FIN_UNBILLED, in the company currency, kept in the transactions of the shipment, the
 * return, the cancellation and the invoice's posting. Deliveries made while finance was away have
 * no row. Every writer touches these rows last, after its documents and their flow (sales has
 * written both when it publishes), so a shipment and an invoice of one line queue instead of
 * deadlocking.
 */
@Component(service = {TransactionalEventListener.class, UnbilledDeliveries.class}, property = TransactionalEventListener.EVENTS + "=sales.*")
public class UnbilledDeliveries implements TransactionalEventListener {

    private final JpaTemplate jpa;
    private final Company company;
    private final SalesLink sales;

    @Activate
    public UnbilledDeliveries(@Reference(target = "(osgi.unit.name=kovan-finance)") JpaTemplate jpa, @Reference Company company,
        @Reference SalesLink sales) {
        this.jpa = jpa;
        this.company = company;
        this.sales = sales;
    }

    @Override
    public void onEvent(DomainEvent event) {
        long id = ((Number) event.data().get("id")).longValue();
        switch (event.name()) {
            case "sales.shipment.shipped" -> jpa.tx(TransactionType.Required, em -> shipped(em, sales.shipments().get(id)));
            case "sales.return.received" -> jpa.tx(TransactionType.Required, em -> returned(em, sales.returns().get(id)));
            case "sales.order.cancelled" -> jpa.tx(TransactionType.Required, em -> sales.orders().get(id).lines()
                .forEach(l -> delete(em, OrderService.DOCUMENT_TYPE, l.id())));
            default -> {
            }
        }
    }

    /** The party's unbilled total: deliveries not invoiced less services invoiced ahead of delivery. */
    BigDecimal total(EntityManager em, long partyId) {
        Object sum = em.createNativeQuery("SELECT COALESCE(SUM(AMOUNT), 0) FROM KV_FIN_UNBILLED WHERE COMPANY_ID = ? AND PARTY_ID = ?")
            .setParameter(1, company.id()).setParameter(2, partyId).getSingleResult();
        return new BigDecimal(sum.toString());
    }

    private void shipped(EntityManager em, ShipmentDTO s) {
        int base = company.decimals(company.currency());
        Map<Long, OrderDTO> orders = new HashMap<>();
        Map<Long, OrderLineDTO> orderLines = new HashMap<>();
        s.lines().stream().map(ShipmentLineDTO::orderId).distinct().forEach(id -> {
            OrderDTO order = sales.orders().get(id);
            orders.put(id, order);
            order.lines().forEach(l -> orderLines.put(l.id(), l));
        });
        Map<Long, Row> prebilled = rows(em, OrderService.DOCUMENT_TYPE, s.lines().stream().map(ShipmentLineDTO::orderLineId).toList());
        List<Object[]> inserts = new ArrayList<>();
        for (ShipmentLineDTO sl : s.lines()) {
            OrderDTO order = orders.get(sl.orderId());
            OrderLineDTO ol = orderLines.get(sl.orderLineId());
            Row ahead = prebilled.get(ol.id());
            if (ahead != null) {
                // Invoiced on order: what is delivered now is owed already; only the undelivered part stays netted out.
                BigDecimal open = ol.quantity().subtract(ol.deliveredQuantity()).max(BigDecimal.ZERO);
                set(em, OrderService.DOCUMENT_TYPE, ol.id(), open, ahead.amount.multiply(open).divide(ahead.quantity, base, RoundingMode.HALF_UP));
                continue;
            }
            BigDecimal amount = ol.totalAmount().multiply(sl.quantity()).divide(ol.quantity(), 10, RoundingMode.HALF_UP).multiply(order.exchangeRate())
                .setScale(base, RoundingMode.HALF_UP);
            inserts.add(new Object[] {ShipmentService.DOCUMENT_TYPE, sl.id(), company.id(), s.customerId(), sl.quantity(), amount});
        }
        insert(em, inserts);
    }

    private void returned(EntityManager em, ReturnDTO r) {
        int base = company.decimals(company.currency());
        Map<Long, Row> rows = rows(em, ShipmentService.DOCUMENT_TYPE, r.lines().stream().map(ReturnLineDTO::shipmentLineId).toList());
        for (ReturnLineDTO rl : r.lines()) {
            Row row = rows.get(rl.shipmentLineId());
            if (row != null) {
                BigDecimal kept = row.quantity.subtract(rl.quantity()).max(BigDecimal.ZERO);
                set(em, ShipmentService.DOCUMENT_TYPE, rl.shipmentLineId(), kept, row.amount.multiply(kept).divide(row.quantity, base, RoundingMode.HALF_UP));
            }
        }
    }

    /** A customer invoice posted: the deliveries it bills are owed on it now; what it bills on order nets out until delivered. */
    void posted(EntityManager em, InvoiceEntity invoice, List<InvoiceLineEntity> lines) {
        if (!InvoiceKind.CUSTOMER_INVOICE.name().equals(invoice.kind)) {
            return;
        }
        int base = company.decimals(company.currency());
        List<Long> billed = new ArrayList<>();
        List<Object[]> ahead = new ArrayList<>();
        for (InvoiceLineEntity l : lines) {
            if (ShipmentService.DOCUMENT_TYPE.equals(l.sourceType)) {
                billed.add(l.sourceLineId);
            } else if (OrderService.DOCUMENT_TYPE.equals(l.sourceType)) {
                ahead.add(new Object[] {l.sourceType, l.sourceLineId, company.id(), invoice.partyId, l.quantity,
                    l.totalAmount.multiply(invoice.exchangeRate).setScale(base, RoundingMode.HALF_UP).negate()});
            }
        }
        for (List<Long> chunk : InLists.chunks(billed)) {
            javax.persistence.Query q = em.createNativeQuery("DELETE FROM KV_FIN_UNBILLED WHERE SOURCE_TYPE = ? AND SOURCE_LINE_ID IN ("
                + InList.placeholders(chunk.size()) + ")").setParameter(1, ShipmentService.DOCUMENT_TYPE);
            InList.bind(q, 2, chunk);
            q.executeUpdate();
        }
        insert(em, ahead);
    }

    private record Row(BigDecimal quantity, BigDecimal amount) {
    }

    /** By line id. */
    private static Map<Long, Row> rows(EntityManager em, String type, List<Long> lineIds) {
        Map<Long, Row> rows = new HashMap<>();
        for (List<Long> chunk : InLists.chunks(lineIds)) {
            javax.persistence.Query q = em.createNativeQuery("SELECT SOURCE_LINE_ID, QUANTITY, AMOUNT FROM KV_FIN_UNBILLED WHERE SOURCE_TYPE = ? "
                + "AND SOURCE_LINE_ID IN (" + InList.placeholders(chunk.size()) + ")").setParameter(1, type);
            InList.bind(q, 2, chunk);
            for (Object o : q.getResultList()) {
                Object[] r = (Object[]) o;
                rows.put(((Number) r[0]).longValue(), new Row(new BigDecimal(r[1].toString()), new BigDecimal(r[2].toString())));
            }
        }
        return rows;
    }

    /** Rows of (type, line, company, party, quantity, amount): one multi-row insert per chunk. */
    private static void insert(EntityManager em, List<Object[]> rows) {
        for (List<Object[]> chunk : InLists.chunks(rows)) {
            String values = String.join(", ", java.util.Collections.nCopies(chunk.size(), "(?, ?, ?, ?, ?, ?)"));
            javax.persistence.Query q = em.createNativeQuery("INSERT INTO KV_FIN_UNBILLED (SOURCE_TYPE, SOURCE_LINE_ID, COMPANY_ID, PARTY_ID, QUANTITY, AMOUNT) "
                + "VALUES " + values);
            int p = 1;
            for (Object[] row : chunk) {
                for (Object value : row) {
                    q.setParameter(p++, value);
                }
            }
            q.executeUpdate();
        }
    }

    /** The row's new quantity and amount; gone at zero. */
    private static void set(EntityManager em, String type, long lineId, BigDecimal quantity, BigDecimal amount) {
        if (quantity.signum() == 0) {
            delete(em, type, lineId);
            return;
        }
        em.createNativeQuery("UPDATE KV_FIN_UNBILLED SET QUANTITY = ?, AMOUNT = ? WHERE SOURCE_TYPE = ? AND SOURCE_LINE_ID = ?").setParameter(1, quantity)
            .setParameter(2, amount).setParameter(3, type).setParameter(4, lineId).executeUpdate();
    }

    private static void delete(EntityManager em, String type, long lineId) {
        em.createNativeQuery("DELETE FROM KV_FIN_UNBILLED WHERE SOURCE_TYPE = ? AND SOURCE_LINE_ID = ?").setParameter(1, type).setParameter(2, lineId)
            .executeUpdate();
    }
}
