package io.kovan.sample.internal;

import java.util.List;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.kovan.kernel.api.NotFoundException;
import io.kovan.kernel.api.Transactions;
import io.kovan.kernel.api.ValidationException;
import io.kovan.kernel.api.audit.AuditService;
import io.kovan.kernel.api.document.DocumentDTO;
import io.kovan.kernel.api.document.DocumentFlowService;
import io.kovan.kernel.api.numbering.NumberSeriesDTO;
import io.kovan.kernel.api.numbering.NumberingService;
import io.kovan.sample.api.NoteDTO;
import io.kovan.sample.api.NoteService;

/**
 * Notes in the module's own persistence unit. It leaves the length check to the database on
 * purpose: the tests use an over-long note to make this module's write fail mid-transaction.
 */
@Component(service = NoteService.class)
public class NoteServiceImpl implements NoteService {

    static final String DOCUMENT_TYPE = "sample.note";

    private final JpaTemplate jpa;
    private final NumberingService numbering;
    private final DocumentFlowService flow;
    private final AuditService audit;

    /**
     * The {@link Transactions} reference is there for ordering: the kernel registers it once it
     * runs, and the kernel applies this module's changelog, so no note is written before its table exists.
     */
    @Activate
    public NoteServiceImpl(@Reference(target = "(osgi.unit.name=kovan-sample)") JpaTemplate jpa, @Reference Transactions kernelReady,
        @Reference NumberingService numbering, @Reference DocumentFlowService flow, @Reference AuditService audit) {
        this.jpa = jpa;
        this.numbering = numbering;
        this.flow = flow;
        this.audit = audit;
        numbering.define(new NumberSeriesDTO("NOTE", "NOTE", false, 6, "Sample notes"));
    }

    @Override
    public NoteDTO create(NoteDTO note) {
        return jpa.txExpr(TransactionType.Required, em -> {
            NoteEntity from = null;
            if (note.fromNoteId() != null) {
                from = em.find(NoteEntity.class, note.fromNoteId());
                if (from == null) {
                    throw new ValidationException("fromNoteId", "unknown note " + note.fromNoteId());
                }
            }
            NoteEntity e = new NoteEntity();
            e.number = numbering.next("NOTE");
            e.text = note.text();
            e.partyId = note.partyId();
            e.fromNoteId = note.fromNoteId();
            e.createdAt = java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
            em.persist(e);
            em.flush();
            if (from != null) {
                flow.link(document(from), document(e));
            } else {
                flow.record(document(e));
            }
            NoteDTO created = toDto(e);
            audit.record(DOCUMENT_TYPE, String.valueOf(e.id), "created", AuditService.diff(null, created));
            return created;
        });
    }

    @Override
    public List<NoteDTO> list() {
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery("SELECT n FROM NoteEntity n ORDER BY n.id", NoteEntity.class)
            .getResultList().stream().map(NoteServiceImpl::toDto).toList());
    }

    @Override
    public long count() {
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery("SELECT COUNT(n) FROM NoteEntity n", Long.class).getSingleResult());
    }

    private static DocumentDTO document(NoteEntity e) {
        return new DocumentDTO(DOCUMENT_TYPE, e.id, e.number, "open", null, null, null);
    }

    private static NoteDTO toDto(NoteEntity e) {
        return new NoteDTO(e.id, e.number, e.text, e.partyId, e.fromNoteId);
    }
}
