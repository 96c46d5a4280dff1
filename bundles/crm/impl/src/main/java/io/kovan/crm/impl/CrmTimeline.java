package io.kovan.crm.impl;

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

import io.kovan.crm.api.CaseService;
import io.kovan.crm.api.OpportunityService;
import io.kovan.kernel.api.Transactions;
import io.kovan.kernel.api.timeline.TimelineContributor;
import io.kovan.kernel.api.timeline.TimelineEntryDTO;

/** The CRM's part of a party's timeline: its activities, opportunities, cases and the lead it was converted from. */
@Component(service = TimelineContributor.class)
public class CrmTimeline implements TimelineContributor {

    private final JpaTemplate jpa;
    private final RecordScope scope;

    @Activate
    public CrmTimeline(@Reference(target = "(osgi.unit.name=kovan-crm)") JpaTemplate jpa, @Reference Transactions kernelReady,
        @Reference RecordScope scope) {
        this.jpa = jpa;
        this.scope = scope;
    }

    @Override
    public List<TimelineEntryDTO> entries(long partyId, Instant before, int limit) {
        LocalDateTime until = before == null ? null : Times.utc(before);
        java.util.Set<String> owners = scope.visibleOwners();
        return jpa.txExpr(TransactionType.Supports, em -> {
            List<TimelineEntryDTO> entries = new ArrayList<>();
            for (ActivityEntity a : newest(em, ActivityEntity.class, "a", "a.createdAt", partyId, until, limit, owners)) {
                entries.add(new TimelineEntryDTO(Times.instant(a.createdAt), "crm", "activity", a.type.name().toLowerCase() + ": " + a.subject,
                    ActivityServiceImpl.ENTITY, String.valueOf(a.id), null, a.done ? "done" : "open", null, null, a.owner));
            }
            for (OpportunityEntity o : newest(em, OpportunityEntity.class, "o", "o.createdAt", partyId, until, limit, owners)) {
                entries.add(new TimelineEntryDTO(Times.instant(o.createdAt), "crm", "opportunity", "Opportunity " + o.name,
                    OpportunityService.DOCUMENT_TYPE, String.valueOf(o.id), o.number, o.stage, io.kovan.kernel.api.persistence.Money.plain(o.expectedRevenue),
                    o.currency, o.owner));
            }
            for (CaseEntity c : newest(em, CaseEntity.class, "c", "c.createdAt", partyId, until, limit, owners)) {
                entries.add(new TimelineEntryDTO(Times.instant(c.createdAt), "crm", "case", "Case " + c.subject, CaseService.DOCUMENT_TYPE,
                    String.valueOf(c.id), c.number, c.state, null, null, c.owner));
            }
            for (LeadEntity l : newest(em, LeadEntity.class, "l", "l.createdAt", partyId, until, limit, owners)) {
                entries.add(new TimelineEntryDTO(Times.instant(l.createdAt), "crm", "lead", "Lead " + LeadServiceImpl.displayName(l),
                    LeadServiceImpl.DOCUMENT_TYPE, String.valueOf(l.id), l.number, l.status.name().toLowerCase(), null, null, l.owner));
            }
            entries.sort(Comparator.comparing(TimelineEntryDTO::at).reversed());
            return entries.size() > limit ? entries.subList(0, limit) : entries;
        });
    }

    /** The party's newest records of one kind that the caller may see (the CRM's record scope holds here too). */
    private static <E> List<E> newest(EntityManager em, Class<E> type, String alias, String time, long partyId, LocalDateTime until, int limit,
        java.util.Set<String> owners) {
        TypedQuery<E> query = em.createQuery("SELECT " + alias + " FROM " + type.getSimpleName() + " " + alias + " WHERE " + alias
            + ".partyId = :party" + (until == null ? "" : " AND " + time + " < :until") + (owners == null ? "" : " AND " + alias + ".owner IN :owners")
            + " ORDER BY " + time + " DESC", type)
            .setParameter("party", partyId).setMaxResults(limit);
        if (until != null) {
            query.setParameter("until", until);
        }
        if (owners != null) {
            query.setParameter("owners", owners);
        }
        return query.getResultList();
    }
}
