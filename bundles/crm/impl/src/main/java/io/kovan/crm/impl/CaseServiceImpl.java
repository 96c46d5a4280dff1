package io.kovan.crm.impl;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import javax.persistence.EntityManager;
import javax.persistence.criteria.Predicate;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

import io.kovan.crm.api.CaseDTO;
import io.kovan.crm.api.CasePriority;
import io.kovan.crm.api.CaseService;
import io.kovan.crm.api.CaseTransitionDTO;
import io.kovan.kernel.api.NotFoundException;
import io.kovan.kernel.api.Page;
import io.kovan.kernel.api.PageRequest;
import io.kovan.kernel.api.StaleVersionException;
import io.kovan.kernel.api.Transactions;
import io.kovan.kernel.api.ValidationException;
import io.kovan.kernel.api.Violations;
import io.kovan.kernel.api.audit.AuditService;
import io.kovan.kernel.api.document.DocumentDTO;
import io.kovan.kernel.api.document.DocumentFlowService;
import io.kovan.kernel.api.event.EventPublisher;
import io.kovan.kernel.api.numbering.NumberSeriesDTO;
import io.kovan.kernel.api.numbering.NumberingService;
import io.kovan.kernel.api.persistence.Queries;
import io.kovan.kernel.api.workflow.TransitionDTO;
import io.kovan.kernel.api.workflow.WorkflowDTO;
import io.kovan.kernel.api.workflow.WorkflowService;

/**
 * After-sales cases in KV_CRM_CASE, numbered {@code CASE-2026-000001}. The deadlines are set at
 * creation from the priority's SLA ({@code etc/io.kovan.crm.cfg}); the first response is the case
 * leaving {@code new} or a call, meeting or e-mail logged on it, whichever comes first.
 */
@Component(service = CaseService.class, configurationPid = "io.kovan.crm")
@Designate(ocd = CrmConfiguration.class)
public class CaseServiceImpl implements CaseService {

    static final String SERIES = "CASE";
    static final List<String> OPEN_STATES = List.of("new", "in-progress", "waiting-on-customer");
    private static final Set<String> SORT_FIELDS = Set.of("number", "createdAt", "priority");

    private final JpaTemplate jpa;
    private final NumberingService numbering;
    private final WorkflowService workflow;
    private final DocumentFlowService flow;
    private final EventPublisher events;
    private final AuditService audit;
    private final KernelData kernel;
    private final RecordScope scope;
    private volatile CrmConfiguration sla;

    @Activate
    public CaseServiceImpl(@Reference(target = "(osgi.unit.name=kovan-crm)") JpaTemplate jpa, @Reference Transactions kernelReady,
        @Reference NumberingService numbering, @Reference WorkflowService workflow, @Reference DocumentFlowService flow,
        @Reference EventPublisher events, @Reference AuditService audit, @Reference KernelData kernel, @Reference RecordScope scope,
        CrmConfiguration sla) {
        this.jpa = jpa;
        this.numbering = numbering;
        this.workflow = workflow;
        this.flow = flow;
        this.events = events;
        this.audit = audit;
        this.kernel = kernel;
        this.scope = scope;
        this.sla = sla;
        numbering.define(new NumberSeriesDTO(SERIES, "CASE", true, 6, "CRM after-sales cases"));
        workflow.define(new WorkflowDTO(DOCUMENT_TYPE, "new", List.of("new", "in-progress", "waiting-on-customer", "resolved", "closed"), List.of(
            new TransitionDTO("start", Set.of("new"), "in-progress", null),
            new TransitionDTO("wait", Set.of("new", "in-progress"), "waiting-on-customer", null),
            new TransitionDTO("resume", Set.of("waiting-on-customer"), "in-progress", null),
            new TransitionDTO("resolve", Set.copyOf(OPEN_STATES), "resolved", null),
            new TransitionDTO("close", Set.of("resolved"), "closed", null),
            new TransitionDTO("reopen", Set.of("resolved", "closed"), "in-progress", null))));
    }

    @Modified
    void modified(CrmConfiguration sla) {
        this.sla = sla;
    }

    @Override
    public CaseDTO create(CaseDTO c) {
        validate(c);
        return jpa.txExpr(TransactionType.Required, em -> {
            CaseEntity e = new CaseEntity();
            apply(e, c);
            e.number = numbering.next(SERIES);
            e.state = "new";
            e.owner = c.owner() == null || c.owner().isBlank() ? scope.user() : c.owner().strip();
            e.createdAt = Times.now();
            e.responseDueAt = e.createdAt.plusMinutes(responseMinutes(e.priority));
            e.resolutionDueAt = e.createdAt.plusMinutes(resolutionMinutes(e.priority));
            em.persist(e);
            em.flush();
            CaseDTO created = toDto(e, Times.now());
            flow.record(document(e));
            events.publish("crm.case.created", eventData(e));
            audit.record(DOCUMENT_TYPE, String.valueOf(e.id), "created", AuditService.diff(null, created));
            return created;
        });
    }

    @Override
    public CaseDTO update(long id, CaseDTO c) {
        validate(c);
        new Violations().require("version", c.version()).throwIfAny();
        return jpa.txExpr(TransactionType.Required, em -> {
            CaseEntity e = load(em, id);
            if (e.version != c.version()) {
                throw new StaleVersionException("Case", id, c.version(), e.version);
            }
            if (c.state() != null && !c.state().equals(e.state)) {
                throw new ValidationException("state", "changes only through POST /api/crm/cases/{id}/transition");
            }
            CaseDTO before = toDto(e, Times.now());
            apply(e, c);
            if (c.owner() != null && !c.owner().isBlank()) {
                e.owner = c.owner().strip();
            }
            return saved(em, e, before, "crm.case.updated");
        });
    }

    @Override
    public CaseDTO get(long id) {
        return jpa.txExpr(TransactionType.Supports, em -> toDto(load(em, id), Times.now()));
    }

    @Override
    public Page<CaseDTO> list(PageRequest request) {
        String sort = request.sortField(SORT_FIELDS, "number");
        CasePriority priority = Queries.enumValue(CasePriority.class, "priority", request.filter("priority"));
        Long party = request.longFilter("party");
        Boolean open = request.booleanFilter("open");
        Boolean breached = request.booleanFilter("breached");
        String state = request.filter("state");
        if (state != null && !workflow.workflow(DOCUMENT_TYPE).states().contains(state)) {
            throw new ValidationException("state", "must be one of " + String.join(", ", workflow.workflow(DOCUMENT_TYPE).states()));
        }
        Set<String> owners = scope.visibleOwners();
        LocalDateTime now = Times.now();
        return jpa.txExpr(TransactionType.Supports, em -> Queries.page(em, CaseEntity.class, request, (cb, c) -> {
            List<Predicate> where = new ArrayList<>();
            if (request.q() != null) {
                String pattern = Queries.containsPattern(request.q());
                where.add(cb.or(cb.like(cb.upper(c.get("number")), pattern, '\\'), cb.like(cb.upper(c.get("subject")), pattern, '\\')));
            }
            if (state != null) {
                where.add(cb.equal(c.get("state"), state));
            }
            if (priority != null) {
                where.add(cb.equal(c.get("priority"), priority));
            }
            if (party != null) {
                where.add(cb.equal(c.get("partyId"), party));
            }
            if (request.filter("owner") != null) {
                where.add(cb.equal(c.get("owner"), request.filter("owner")));
            }
            if (open != null) {
                where.add(open ? c.get("state").in(OPEN_STATES) : cb.not(c.get("state").in(OPEN_STATES)));
            }
            if (breached != null) {
                // Each deadline met or missed, spelt out without NOT: a NULL time would turn NOT into unknown.
                Predicate responseMissed = cb.or(cb.and(cb.isNotNull(c.get("firstResponseAt")),
                        cb.greaterThan(c.<LocalDateTime>get("firstResponseAt"), c.<LocalDateTime>get("responseDueAt"))),
                    cb.and(cb.isNull(c.get("firstResponseAt")), cb.lessThan(c.<LocalDateTime>get("responseDueAt"), now)));
                Predicate resolutionMissed = cb.or(cb.and(cb.isNotNull(c.get("resolvedAt")),
                        cb.greaterThan(c.<LocalDateTime>get("resolvedAt"), c.<LocalDateTime>get("resolutionDueAt"))),
                    cb.and(cb.isNull(c.get("resolvedAt")), cb.lessThan(c.<LocalDateTime>get("resolutionDueAt"), now)));
                Predicate responseMet = cb.or(cb.and(cb.isNotNull(c.get("firstResponseAt")),
                        cb.lessThanOrEqualTo(c.<LocalDateTime>get("firstResponseAt"), c.<LocalDateTime>get("responseDueAt"))),
                    cb.and(cb.isNull(c.get("firstResponseAt")), cb.greaterThanOrEqualTo(c.<LocalDateTime>get("responseDueAt"), now)));
                Predicate resolutionMet = cb.or(cb.and(cb.isNotNull(c.get("resolvedAt")),
                        cb.lessThanOrEqualTo(c.<LocalDateTime>get("resolvedAt"), c.<LocalDateTime>get("resolutionDueAt"))),
                    cb.and(cb.isNull(c.get("resolvedAt")), cb.greaterThanOrEqualTo(c.<LocalDateTime>get("resolutionDueAt"), now)));
                where.add(breached ? cb.or(responseMissed, resolutionMissed) : cb.and(responseMet, resolutionMet));
            }
            if (owners != null) {
                where.add(c.get("owner").in(owners));
            }
            return where;
        }, sort, "id", e -> toDto(e, now)));
    }

    @Override
    public CaseDTO transition(long id, CaseTransitionDTO t) {
        new Violations().requireText("transition", t.transition(), 32).maxLength("comment", t.comment(), 500).throwIfAny();
        return jpa.txExpr(TransactionType.Required, em -> {
            CaseEntity e = load(em, id);
            CaseDTO before = toDto(e, Times.now());
            if (workflow.workflow(DOCUMENT_TYPE).transitions().stream().noneMatch(x -> x.name().equals(t.transition()))) {
                throw new ValidationException("transition", "must be one of start, wait, resume, resolve, close, reopen");
            }
            e.state = workflow.transition(DOCUMENT_TYPE, id, e.state, t.transition(), scope.user(), scope.caller().roles(), t.comment());
            LocalDateTime now = Times.now();
            if (e.firstResponseAt == null && !e.state.equals("new")) {
                e.firstResponseAt = now;
            }
            switch (t.transition()) {
                case "resolve" -> e.resolvedAt = now;
                case "close" -> e.closedAt = now;
                case "reopen" -> {
                    e.reopenCount++;
                    e.resolvedAt = null;
                    e.closedAt = null;
                }
                default -> {
                }
            }
            return saved(em, e, before, "crm.case." + switch (t.transition()) {
                case "resolve" -> "resolved";
                case "close" -> "closed";
                case "reopen" -> "reopened";
                default -> "updated";
            });
        });
    }

    private void validate(CaseDTO c) {
        Violations v = new Violations();
        v.require("partyId", c.partyId());
        kernel.party(v, "partyId", c.partyId());
        v.requireText("subject", c.subject(), 200).maxLength("description", c.description(), 4000);
        kernel.product(v, "productId", c.productId());
        v.maxLength("orderNumber", c.orderNumber(), 32).maxLength("invoiceNumber", c.invoiceNumber(), 32).maxLength("owner", c.owner(), 100);
        v.throwIfAny();
    }

    private static void apply(CaseEntity e, CaseDTO c) {
        e.partyId = c.partyId();
        e.subject = c.subject().strip();
        e.description = Names.trimmed(c.description());
        e.priority = c.priority() == null ? (e.priority == null ? CasePriority.NORMAL : e.priority) : c.priority();
        e.productId = c.productId();
        e.orderNumber = Names.trimmed(c.orderNumber());
        e.invoiceNumber = Names.trimmed(c.invoiceNumber());
    }

    private CaseDTO saved(EntityManager em, CaseEntity e, CaseDTO before, String event) {
        em.flush();
        CaseDTO after = toDto(e, Times.now());
        flow.record(document(e));
        events.publish(event, eventData(e));
        audit.record(DOCUMENT_TYPE, String.valueOf(e.id), "updated", AuditService.diff(before, after));
        return after;
    }

    private long responseMinutes(CasePriority p) {
        CrmConfiguration c = sla;
        return switch (p) {
            case URGENT -> c.sla_urgent_response_minutes();
            case HIGH -> c.sla_high_response_minutes();
            case NORMAL -> c.sla_normal_response_minutes();
            case LOW -> c.sla_low_response_minutes();
        };
    }

    private long resolutionMinutes(CasePriority p) {
        CrmConfiguration c = sla;
        return switch (p) {
            case URGENT -> c.sla_urgent_resolution_minutes();
            case HIGH -> c.sla_high_resolution_minutes();
            case NORMAL -> c.sla_normal_resolution_minutes();
            case LOW -> c.sla_low_resolution_minutes();
        };
    }

    private CaseEntity load(EntityManager em, long id) {
        CaseEntity e = em.find(CaseEntity.class, id);
        if (e == null) {
            throw new NotFoundException("Case", id);
        }
        scope.check("Case", id, e.owner);
        return e;
    }

    private static DocumentDTO document(CaseEntity e) {
        return new DocumentDTO(DOCUMENT_TYPE, e.id, e.number, e.state, e.createdAt.toLocalDate(), null, null);
    }

    private static Map<String, Object> eventData(CaseEntity e) {
        Map<String, Object> data = new TreeMap<>();
        data.put("id", e.id);
        data.put("number", e.number);
        data.put("partyId", e.partyId);
        data.put("state", e.state);
        data.put("priority", e.priority.name());
        return data;
    }

    static boolean responseBreached(CaseEntity e, LocalDateTime now) {
        return (e.firstResponseAt != null ? e.firstResponseAt : now).isAfter(e.responseDueAt);
    }

    static boolean resolutionBreached(CaseEntity e, LocalDateTime now) {
        return (e.resolvedAt != null ? e.resolvedAt : now).isAfter(e.resolutionDueAt);
    }

    static CaseDTO toDto(CaseEntity e, LocalDateTime now) {
        return new CaseDTO(e.id, e.number, e.partyId, e.subject, e.description, e.priority, e.productId, e.orderNumber, e.invoiceNumber, e.state,
            e.owner, Times.instant(e.createdAt), Times.instant(e.firstResponseAt), Times.instant(e.resolvedAt), Times.instant(e.closedAt),
            Times.instant(e.responseDueAt), Times.instant(e.resolutionDueAt), responseBreached(e, now), resolutionBreached(e, now),
            e.reopenCount, e.version);
    }
}
