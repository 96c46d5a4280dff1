package io.kovan.finance.impl;

import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
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

import io.kovan.finance.api.InvoiceService;
import io.kovan.finance.api.PaymentService;
import io.kovan.kernel.api.Transactions;
import io.kovan.kernel.api.timeline.TimelineContributor;
import io.kovan.kernel.api.timeline.TimelineEntryDTO;

/** Finance's part of a party's timeline: its invoices (once numbered) and its collections and payments. */
@Component(service = TimelineContributor.class)
public class FinanceTimeline implements TimelineContributor {

    private final JpaTemplate jpa;

    @Activate
    public FinanceTimeline(@Reference(target = "(osgi.unit.name=kovan-finance)") JpaTemplate jpa, @Reference Transactions kernelReady) {
        this.jpa = jpa;
    }

    @Override
    public List<TimelineEntryDTO> entries(long partyId, Instant before, int limit) {
        LocalDateTime until = before == null ? null : LocalDateTime.ofInstant(before, ZoneOffset.UTC);
        return jpa.txExpr(TransactionType.Supports, em -> {
            List<TimelineEntryDTO> entries = new ArrayList<>();
            for (InvoiceEntity i : newest(em, InvoiceEntity.class, " AND d.number IS NOT NULL", partyId, until, limit)) {
                String kind = i.kind.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
                entries.add(new TimelineEntryDTO(Times.instant(i.createdAt), "finance", kind, kind.replace('-', ' ') + " " + i.number,
                    InvoiceService.DOCUMENT_TYPE, String.valueOf(i.id), i.number, i.state, i.total.setScale(i.amountScale, RoundingMode.HALF_UP), i.currency,
                    i.createdBy));
            }
            for (PaymentEntity p : newest(em, PaymentEntity.class, "", partyId, until, limit)) {
                String kind = "INCOMING".equals(p.direction) ? "collection" : "payment";
                entries.add(new TimelineEntryDTO(Times.instant(p.createdAt), "finance", kind, kind + " " + p.number, PaymentService.DOCUMENT_TYPE,
                    String.valueOf(p.id), p.number, p.state, p.amount.setScale(p.amountScale, RoundingMode.HALF_UP), p.currency, p.createdBy));
            }
            entries.sort(Comparator.comparing(TimelineEntryDTO::at).reversed());
            return entries.size() > limit ? entries.subList(0, limit) : entries;
        });
    }

    private static <E> List<E> newest(EntityManager em, Class<E> type, String condition, long partyId, LocalDateTime until, int limit) {
        TypedQuery<E> query = em.createQuery("SELECT d FROM " + type.getSimpleName() + " d WHERE d.partyId = :party" + condition
            + (until == null ? "" : " AND d.createdAt < :until") + " ORDER BY d.createdAt DESC", type).setParameter("party", partyId).setMaxResults(limit);
        if (until != null) {
            query.setParameter("until", until);
        }
        return query.getResultList();
    }
}
