package io.kovan.kernel.impl.document;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.kovan.kernel.api.NotFoundException;
import io.kovan.kernel.api.Violations;
import io.kovan.kernel.api.audit.AuditService;
import io.kovan.kernel.api.audit.ChangeDTO;
import io.kovan.kernel.api.document.DocumentDTO;
import io.kovan.kernel.api.document.DocumentFlowDTO;
import io.kovan.kernel.api.document.DocumentFlowService;
import io.kovan.kernel.api.document.DocumentLinkDTO;
import io.kovan.kernel.impl.module.SchemaReady;

/** The document flow in KV_DOCUMENT and KV_DOCUMENT_LINK, walked breadth-first in both directions. */
@Component(service = DocumentFlowService.class)
public class DocumentFlowServiceImpl implements DocumentFlowService {

    /** A flow larger than this is cut, so one runaway chain cannot exhaust a request. */
    static final int MAX_DOCUMENTS = 2000;

    private final JpaTemplate jpa;

    private final AuditService audit;

    @Activate
    public DocumentFlowServiceImpl(@Reference(target = "(osgi.unit.name=kovan-core)") JpaTemplate jpa, @Reference SchemaReady schemaReady,
        @Reference AuditService audit) {
        this.jpa = jpa;
        this.audit = audit;
    }

    @Override
    public void record(DocumentDTO document) {
        validate("document", document);
        jpa.tx(TransactionType.Required, em -> upsert(em, document));
    }

    @Override
    public void link(DocumentDTO from, DocumentDTO to) {
        validate("from", from);
        validate("to", to);
        new Violations().check(!(from.type().equals(to.type()) && from.id() == to.id()), "to", "a document cannot come from itself")
            .throwIfAny();
        jpa.tx(TransactionType.Required, em -> {
            upsert(em, from);
            upsert(em, to);
            // The documents must be in the table before the link that refers to them.
            em.flush();
            DocumentLinkEntity.Key key = new DocumentLinkEntity.Key();
            key.fromType = from.type();
            key.fromId = from.id();
            key.toType = to.type();
            key.toId = to.id();
            if (em.find(DocumentLinkEntity.class, key) == null) {
                DocumentLinkEntity link = new DocumentLinkEntity();
                link.fromType = from.type();
                link.fromId = from.id();
                link.toType = to.type();
                link.toId = to.id();
                link.createdAt = LocalDateTime.now(ZoneOffset.UTC);
                em.persist(link);
                // Who said that this document came from that one is audited, in the later document's own history.
                audit.record(to.type(), String.valueOf(to.id()), "linked",
                    java.util.Map.of("from", new ChangeDTO(null, from.type() + ":" + from.id() + (from.number() == null ? "" : " " + from.number()))));
            }
        });
    }

    @Override
    public DocumentFlowDTO flow(String type, long id) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            DocumentEntity start = em.find(DocumentEntity.class, new DocumentEntity.Key(type, id));
            if (start == null) {
                throw new NotFoundException("Document " + type, id);
            }
            Map<DocumentEntity.Key, DocumentEntity> documents = new LinkedHashMap<>();
            Set<DocumentLinkDTO> links = new LinkedHashSet<>();
            Deque<DocumentEntity> queue = new ArrayDeque<>(List.of(start));
            documents.put(new DocumentEntity.Key(type, id), start);
            while (!queue.isEmpty() && documents.size() < MAX_DOCUMENTS) {
                DocumentEntity d = queue.removeFirst();
                List<DocumentLinkEntity> touching = em.createQuery(
                        "SELECT l FROM DocumentLinkEntity l WHERE (l.fromType = :t AND l.fromId = :i) OR (l.toType = :t AND l.toId = :i)",
                        DocumentLinkEntity.class)
                    .setParameter("t", d.type).setParameter("i", d.id).getResultList();
                for (DocumentLinkEntity l : touching) {
                    links.add(new DocumentLinkDTO(l.fromType, l.fromId, l.toType, l.toId));
                    boolean outgoing = l.fromType.equals(d.type) && l.fromId == d.id;
                    DocumentEntity.Key other = outgoing ? new DocumentEntity.Key(l.toType, l.toId) : new DocumentEntity.Key(l.fromType, l.fromId);
                    if (!documents.containsKey(other)) {
                        DocumentEntity next = em.find(DocumentEntity.class, other);
                        documents.put(other, next);
                        queue.addLast(next);
                    }
                }
            }
            List<DocumentDTO> ordered = new ArrayList<>(documents.values().stream().map(DocumentFlowServiceImpl::toDto).toList());
            ordered.sort(Comparator.comparing(DocumentDTO::date, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(DocumentDTO::type).thenComparingLong(DocumentDTO::id));
            List<DocumentLinkDTO> sortedLinks = new ArrayList<>(links);
            sortedLinks.sort(Comparator.comparing(DocumentLinkDTO::fromType).thenComparingLong(DocumentLinkDTO::fromId)
                .thenComparing(DocumentLinkDTO::toType).thenComparingLong(DocumentLinkDTO::toId));
            return new DocumentFlowDTO(toDto(start), ordered, sortedLinks);
        });
    }

    @Override
    public Optional<DocumentDTO> findByNumber(String number) {
        return jpa.txExpr(TransactionType.Supports, em -> em
            .createQuery("SELECT d FROM DocumentEntity d WHERE d.number = :n ORDER BY d.type, d.id", DocumentEntity.class)
            .setParameter("n", number).setMaxResults(1).getResultList().stream().findFirst().map(DocumentFlowServiceImpl::toDto));
    }

    private static void upsert(EntityManager em, DocumentDTO dto) {
        DocumentEntity e = em.find(DocumentEntity.class, new DocumentEntity.Key(dto.type(), dto.id()));
        boolean fresh = e == null;
        if (fresh) {
            e = new DocumentEntity();
            e.type = dto.type();
            e.id = dto.id();
        }
        e.number = dto.number();
        e.state = dto.state();
        e.date = dto.date();
        e.amount = dto.amount();
        e.currency = dto.currency();
        if (fresh) {
            em.persist(e);
        }
    }

    private static void validate(String field, DocumentDTO d) {
        Violations v = new Violations();
        v.require(field, d);
        if (d != null) {
            v.check(d.type() != null && d.type().matches("[a-z][a-z0-9]*\\.[a-z][a-z0-9-]*") && d.type().length() <= 64, field + ".type",
                "must be <module>.<document>, e.g. sales.order");
            v.check(d.id() > 0, field + ".id", "must be positive");
            v.maxLength(field + ".number", d.number(), 64).maxLength(field + ".state", d.state(), 32);
            v.check(d.currency() == null || d.currency().matches("[A-Z]{3}"), field + ".currency", "must be an ISO 4217 code");
            v.check(d.amount() == null || (d.amount().stripTrailingZeros().scale() <= 4 && d.amount().precision() - d.amount().scale() <= 15),
                field + ".amount", "must have at most 15 digits before and 4 after the point");
        }
        v.throwIfAny();
    }

    private static DocumentDTO toDto(DocumentEntity e) {
        return new DocumentDTO(e.type, e.id, e.number, e.state, e.date, io.kovan.kernel.api.persistence.Money.plain(e.amount), e.currency);
    }
}
