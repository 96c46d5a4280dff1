package io.kovan.sales.impl;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.kovan.kernel.api.Transactions;
import io.kovan.kernel.api.persistence.Money;
import io.kovan.kernel.api.timeline.TimelineContributor;
import io.kovan.kernel.api.timeline.TimelineEntryDTO;
import io.kovan.sales.api.OrderService;
import io.kovan.sales.api.QuoteService;
import io.kovan.sales.api.ReturnService;
import io.kovan.sales.api.ShipmentService;

/** Sales' part of a party's timeline: its quotes, orders, shipments and returns. */
@Component(service = TimelineContributor.class)
public class SalesTimeline implements TimelineContributor {

    private final JpaTemplate jpa;

    @Activate
    public SalesTimeline(@Reference(target = "(osgi.unit.name=kovan-sales)") JpaTemplate jpa, @Reference Transactions kernelReady) {
        this.jpa = jpa;
    }

    @Override
    public List<TimelineEntryDTO> entries(long partyId, Instant before, int limit) {
        LocalDateTime until = before == null ? null : Times.utc(before);
        return jpa.txExpr(TransactionType.Supports, em -> {
            List<TimelineEntryDTO> entries = new ArrayList<>();
            for (QuoteEntity q : newest(em, QuoteEntity.class, partyId, until, limit)) {
                entries.add(new TimelineEntryDTO(Times.instant(q.createdAt), "sales", "quote", "Quote " + q.number, QuoteService.DOCUMENT_TYPE,
                    String.valueOf(q.id), q.number, q.state, Docs.amount(q.total, q.decimals), q.currency, q.salesperson));
            }
            for (OrderEntity o : newest(em, OrderEntity.class, partyId, until, limit)) {
                entries.add(new TimelineEntryDTO(Times.instant(o.createdAt), "sales", "order", "Order " + o.number, OrderService.DOCUMENT_TYPE,
                    String.valueOf(o.id), o.number, o.state, Docs.amount(o.total, o.decimals), o.currency, o.salesperson));
            }
            for (ShipmentEntity s : newest(em, ShipmentEntity.class, partyId, until, limit)) {
                entries.add(new TimelineEntryDTO(Times.instant(s.createdAt), "sales", "shipment", "Shipment " + s.number, ShipmentService.DOCUMENT_TYPE,
                    String.valueOf(s.id), s.number, s.state, null, null, null));
            }
            for (ReturnEntity r : newest(em, ReturnEntity.class, partyId, until, limit)) {
                entries.add(new TimelineEntryDTO(Times.instant(r.createdAt), "sales", "return", "Return " + r.number, ReturnService.DOCUMENT_TYPE,
                    String.valueOf(r.id), r.number, r.state, Money.plain(r.totalCost), r.currency, null));
            }
            entries.sort(Comparator.comparing(TimelineEntryDTO::at).reversed());
            return entries.size() > limit ? entries.subList(0, limit) : entries;
        });
    }

    private static <E> List<E> newest(EntityManager em, Class<E> type, long partyId, LocalDateTime until, int limit) {
        TypedQuery<E> query = em.createQuery("SELECT d FROM " + type.getSimpleName() + " d WHERE d.customerId = :party"
            + (until == null ? "" : " AND d.createdAt < :until") + " ORDER BY d.createdAt DESC", type).setParameter("party", partyId).setMaxResults(limit);
        if (until != null) {
            query.setParameter("until", until);
        }
        return query.getResultList();
    }
}
