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
import org.osgi.service.component.annotations.Reference;

import io.kovan.crm.api.ActivityDTO;
import io.kovan.crm.api.ActivityService;
import io.kovan.crm.api.ActivityType;
import io.kovan.kernel.api.ConflictException;
import io.kovan.kernel.api.NotFoundException;
import io.kovan.kernel.api.Page;
import io.kovan.kernel.api.PageRequest;
import io.kovan.kernel.api.StaleVersionException;
import io.kovan.kernel.api.Transactions;
import io.kovan.kernel.api.Violations;
import io.kovan.kernel.api.audit.AuditService;
import io.kovan.kernel.api.event.EventPublisher;
import io.kovan.kernel.api.persistence.Queries;

/**
 * Activities in KV_CRM_ACTIVITY. An activity takes the party of the opportunity, lead or case it
 * is about when none is given, so that it shows on that party's timeline; a call, meeting or
 * e-mail on a case that had no response yet is its first response.
 */
@Component(service = ActivityService.class)
public class ActivityServiceImpl implements ActivityService {

    static final String ENTITY = "crm.activity";
    private static final Set<String> SORT_FIELDS = Set.of("dueAt", "createdAt");

    private final JpaTemplate jpa;
    private final EventPublisher events;
    private final AuditService audit;
    private final KernelData kernel;
    private final RecordScope scope;

    @Activate
    public ActivityServiceImpl(@Reference(target = "(osgi.unit.name=kovan-crm)") JpaTemplate jpa, @Reference Transactions kernelReady,
        @Reference EventPublisher events, @Reference AuditService audit, @Reference KernelData kernel, @Reference RecordScope scope) {
        this.jpa = jpa;
        this.events = events;
        this.audit = audit;
        this.kernel = kernel;
        this.scope = scope;
    }

    @Override
    public ActivityDTO create(ActivityDTO a) {
        return jpa.txExpr(TransactionType.Required, em -> {
            ActivityEntity e = new ActivityEntity();
            apply(em, e, a);
            e.owner = a.owner() == null || a.owner().isBlank() ? scope.user() : a.owner().strip();
            e.createdAt = Times.now();
            em.persist(e);
            em.flush();
            respondToCase(em, e);
            ActivityDTO created = toDto(e, Times.now());
            events.publish("crm.activity.created", eventData(e));
            audit.record(ENTITY, String.valueOf(e.id), "created", AuditService.diff(null, created));
            return created;
        });
    }

    @Override
    public ActivityDTO update(long id, ActivityDTO a) {
        new Violations().require("version", a.version()).throwIfAny();
        return jpa.txExpr(TransactionType.Required, em -> {
            ActivityEntity e = load(em, id);
            if (e.version != a.version()) {
                throw new StaleVersionException("Activity", id, a.version(), e.version);
            }
            ActivityDTO before = toDto(e, Times.now());
            apply(em, e, a);
            if (a.owner() != null && !a.owner().isBlank()) {
                e.owner = a.owner().strip();
            }
            return saved(em, e, before, "crm.activity.updated");
        });
    }

    @Override
    public ActivityDTO complete(long id, String outcome) {
        new Violations().maxLength("outcome", outcome, 500).throwIfAny();
        return jpa.txExpr(TransactionType.Required, em -> {
            ActivityEntity e = load(em, id);
            if (e.done) {
                throw new ConflictException("Activity " + id + " is already done");
            }
            ActivityDTO before = toDto(e, Times.now());
            e.done = true;
            e.outcome = Names.trimmed(outcome);
            e.completedAt = Times.now();
            return saved(em, e, before, "crm.activity.completed");
        });
    }

    @Override
    public ActivityDTO get(long id) {
        return jpa.txExpr(TransactionType.Supports, em -> toDto(load(em, id), Times.now()));
    }

    @Override
    public Page<ActivityDTO> list(PageRequest request) {
        String sort = request.sortField(SORT_FIELDS, "createdAt");
        ActivityType type = Queries.enumValue(ActivityType.class, "type", request.filter("type"));
        Long lead = request.longFilter("lead");
        Long opportunity = request.longFilter("opportunity");
        Long party = request.longFilter("party");
        Long supportCase = request.longFilter("case");
        Boolean done = request.booleanFilter("done");
        Boolean overdue = request.booleanFilter("overdue");
        Set<String> owners = scope.visibleOwners();
        LocalDateTime now = Times.now();
        return jpa.txExpr(TransactionType.Supports, em -> Queries.page(em, ActivityEntity.class, request, (cb, a) -> {
            List<Predicate> where = new ArrayList<>();
            if (request.q() != null) {
                where.add(cb.like(cb.upper(a.get("subject")), Queries.containsPattern(request.q()), '\\'));
            }
            if (request.filter("owner") != null) {
                where.add(cb.equal(a.get("owner"), request.filter("owner")));
            }
            if (type != null) {
                where.add(cb.equal(a.get("type"), type));
            }
            if (lead != null) {
                where.add(cb.equal(a.get("leadId"), lead));
            }
            if (opportunity != null) {
                where.add(cb.equal(a.get("opportunityId"), opportunity));
            }
            if (party != null) {
                where.add(cb.equal(a.get("partyId"), party));
            }
            if (supportCase != null) {
                where.add(cb.equal(a.get("caseId"), supportCase));
            }
            if (done != null) {
                where.add(cb.equal(a.get("done"), done));
            }
            if (overdue != null) {
                // Spelt out both ways: NOT over a NULL due time would drop the activities that have none.
                where.add(overdue ? cb.and(cb.equal(a.get("done"), false), cb.lessThan(a.<LocalDateTime>get("dueAt"), now))
                    : cb.or(cb.equal(a.get("done"), true), cb.isNull(a.get("dueAt")), cb.greaterThanOrEqualTo(a.<LocalDateTime>get("dueAt"), now)));
            }
            if (owners != null) {
                where.add(a.get("owner").in(owners));
            }
            return where;
        }, sort, "id", e -> toDto(e, now)));
    }

    private void apply(EntityManager em, ActivityEntity e, ActivityDTO a) {
        Violations v = new Violations();
        v.require("type", a.type());
        v.requireText("subject", a.subject(), 200).maxLength("description", a.description(), 4000).maxLength("owner", a.owner(), 100);
        v.check(a.leadId() != null || a.opportunityId() != null || a.partyId() != null || a.caseId() != null, "leadId",
            "an activity is about a lead, an opportunity, a party or a case: give at least one of leadId, opportunityId, partyId, caseId");
        // What the caller may not see is, to them, unknown.
        java.util.Set<String> owners = scope.visibleOwners();
        LeadEntity lead = a.leadId() == null ? null : visible(em.find(LeadEntity.class, a.leadId()), owners, l -> l.owner);
        v.check(a.leadId() == null || lead != null, "leadId", "unknown lead " + a.leadId());
        OpportunityEntity opportunity = a.opportunityId() == null ? null
            : visible(em.find(OpportunityEntity.class, a.opportunityId()), owners, o -> o.owner);
        v.check(a.opportunityId() == null || opportunity != null, "opportunityId", "unknown opportunity " + a.opportunityId());
        CaseEntity supportCase = a.caseId() == null ? null : visible(em.find(CaseEntity.class, a.caseId()), owners, c -> c.owner);
        v.check(a.caseId() == null || supportCase != null, "caseId", "unknown case " + a.caseId());
        kernel.party(v, "partyId", a.partyId());
        v.check(a.done() == null || a.done().equals(e.done), "done", "use POST /api/crm/activities/{id}/complete");
        v.throwIfAny();
        e.type = a.type();
        e.subject = a.subject().strip();
        e.description = Names.trimmed(a.description());
        e.dueAt = Times.utc(a.dueAt());
        e.leadId = a.leadId();
        e.opportunityId = a.opportunityId();
        e.caseId = a.caseId();
        e.partyId = a.partyId() != null ? a.partyId() : opportunity != null ? opportunity.partyId : supportCase != null ? supportCase.partyId
            : lead != null ? lead.partyId : null;
    }

    private static <E> E visible(E record, java.util.Set<String> owners, java.util.function.Function<E, String> owner) {
        return record == null || owners == null || owners.contains(owner.apply(record)) ? record : null;
    }

    private static void respondToCase(EntityManager em, ActivityEntity e) {
        if (e.caseId != null && e.type != ActivityType.NOTE && e.type != ActivityType.TASK) {
            CaseEntity supportCase = em.find(CaseEntity.class, e.caseId);
            if (supportCase.firstResponseAt == null) {
                supportCase.firstResponseAt = e.createdAt;
            }
        }
    }

    private ActivityDTO saved(EntityManager em, ActivityEntity e, ActivityDTO before, String event) {
        em.flush();
        ActivityDTO after = toDto(e, Times.now());
        events.publish(event, eventData(e));
        audit.record(ENTITY, String.valueOf(e.id), "updated", AuditService.diff(before, after));
        return after;
    }

    private ActivityEntity load(EntityManager em, long id) {
        ActivityEntity e = em.find(ActivityEntity.class, id);
        if (e == null) {
            throw new NotFoundException("Activity", id);
        }
        scope.check("Activity", id, e.owner);
        return e;
    }

    private static Map<String, Object> eventData(ActivityEntity e) {
        Map<String, Object> data = new TreeMap<>();
        data.put("id", e.id);
        data.put("type", e.type.name());
        data.put("owner", e.owner);
        data.put("done", e.done);
        if (e.partyId != null) {
            data.put("partyId", e.partyId);
        }
        return data;
    }

    static ActivityDTO toDto(ActivityEntity e, LocalDateTime now) {
        boolean overdue = !e.done && e.dueAt != null && e.dueAt.isBefore(now);
        return new ActivityDTO(e.id, e.type, e.subject, e.description, Times.instant(e.dueAt), e.owner, e.leadId, e.opportunityId, e.partyId,
            e.caseId, e.done, e.outcome, Times.instant(e.completedAt), overdue, e.version, Times.instant(e.createdAt));
    }
}
