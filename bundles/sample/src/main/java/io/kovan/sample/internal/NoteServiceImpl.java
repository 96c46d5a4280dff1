package io.kovan.sample.internal;

import java.util.List;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.kovan.kernel.api.Transactions;
import io.kovan.sample.api.NoteDTO;
import io.kovan.sample.api.NoteService;

/**
 * Notes in the module's own persistence unit. It leaves the length check to the database on
 * purpose: the tests use an over-long note to make this module's write fail mid-transaction.
 */
@Component(service = NoteService.class)
public class NoteServiceImpl implements NoteService {

    private final JpaTemplate jpa;

    /**
     * The {@link Transactions} reference is there for ordering: the kernel registers it once it
     * runs, and the kernel applies this module's changelog, so no note is written before its table exists.
     */
    @Activate
    public NoteServiceImpl(@Reference(target = "(osgi.unit.name=kovan-sample)") JpaTemplate jpa, @Reference Transactions kernelReady) {
        this.jpa = jpa;
    }

    @Override
    public NoteDTO create(NoteDTO note) {
        return jpa.txExpr(TransactionType.Required, em -> {
            NoteEntity e = new NoteEntity();
            e.text = note.text();
            e.partyId = note.partyId();
            em.persist(e);
            em.flush();
            return toDto(e);
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

    private static NoteDTO toDto(NoteEntity e) {
        return new NoteDTO(e.id, e.text, e.partyId);
    }
}
