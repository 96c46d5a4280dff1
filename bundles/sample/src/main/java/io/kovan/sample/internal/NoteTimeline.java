package io.kovan.sample.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import javax.persistence.TypedQuery;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.kovan.kernel.api.timeline.TimelineContributor;
import io.kovan.kernel.api.timeline.TimelineEntryDTO;
import io.kovan.sample.api.NoteService;

/** The module's part of a party's timeline: the notes written about the party. */
@Component(service = TimelineContributor.class)
public class NoteTimeline implements TimelineContributor {

    private final JpaTemplate jpa;

    @Activate
    public NoteTimeline(@Reference(target = "(osgi.unit.name=kovan-sample)") JpaTemplate jpa, @Reference NoteService ready) {
        this.jpa = jpa;
    }

    @Override
    public List<TimelineEntryDTO> entries(long partyId, Instant before, int limit) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            TypedQuery<NoteEntity> query = em.createQuery("SELECT n FROM NoteEntity n WHERE n.partyId = :party AND n.createdAt IS NOT NULL"
                + (before == null ? "" : " AND n.createdAt < :before") + " ORDER BY n.createdAt DESC, n.id DESC", NoteEntity.class)
                .setParameter("party", partyId).setMaxResults(limit);
            if (before != null) {
                query.setParameter("before", LocalDateTime.ofInstant(before, ZoneOffset.UTC));
            }
            return query.getResultList().stream().map(n -> new TimelineEntryDTO(n.createdAt.toInstant(ZoneOffset.UTC), "sample", "note",
                n.text.length() > 80 ? n.text.substring(0, 80) + "…" : n.text, NoteServiceImpl.DOCUMENT_TYPE, String.valueOf(n.id), n.number,
                "open", null, null, null)).toList();
        });
    }
}
