package io.kovan.crm.impl;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.kovan.crm.api.ActivityType;
import io.kovan.crm.api.AutomationRuleDTO;
import io.kovan.crm.api.AutomationRunDTO;
import io.kovan.crm.api.LeadService;
import io.kovan.crm.api.SegmentDTO;
import io.kovan.crm.api.SegmentMemberDTO;
import io.kovan.crm.api.SegmentService;
import io.kovan.crm.api.SegmentTarget;
import io.kovan.kernel.api.ConflictException;
import io.kovan.kernel.api.NotFoundException;
import io.kovan.kernel.api.Page;
import io.kovan.kernel.api.PageRequest;
import io.kovan.kernel.api.StaleVersionException;
import io.kovan.kernel.api.Transactions;
import io.kovan.kernel.api.ValidationException;
import io.kovan.kernel.api.Violations;
import io.kovan.kernel.api.audit.AuditService;
import io.kovan.kernel.api.party.PartyDTO;
import io.kovan.kernel.api.party.PartyKind;
import io.kovan.kernel.api.party.PartyRole;

/**
 * Segments (KV_CRM_SEGMENT) and automation rules (KV_CRM_RULE). A segment's filters are the
 * query parameters of the lead or party list, so its members are what that list answers; one
 * record is tested against them in memory, with the same meaning.
 */
@Component(service = {SegmentService.class, SegmentServiceImpl.class})
public class SegmentServiceImpl implements SegmentService {

    static final Map<SegmentTarget, Set<String>> FILTERS = Map.of(
        SegmentTarget.LEAD, Set.of("status", "source", "campaign", "owner", "minScore", "q"),
        SegmentTarget.PARTY, Set.of("role", "kind", "taxNumber", "q"));
    static final String EVENT_PATTERN = "(crm\\.lead|core\\.party)\\.([a-z][a-z-]*|\\*)";

    private final JpaTemplate jpa;
    private final AuditService audit;
    private final KernelData kernel;
    private final LeadService leads;

    @Activate
    public SegmentServiceImpl(@Reference(target = "(osgi.unit.name=kovan-crm)") JpaTemplate jpa, @Reference Transactions kernelReady,
        @Reference AuditService audit, @Reference KernelData kernel, @Reference LeadService leads) {
        this.jpa = jpa;
        this.audit = audit;
        this.kernel = kernel;
        this.leads = leads;
    }

    @Override
    public SegmentDTO create(SegmentDTO s) {
        validate(s);
        return jpa.txExpr(TransactionType.Required, em -> {
            refuseDuplicateName(em, s.name().strip(), null);
            SegmentEntity e = new SegmentEntity();
            apply(e, s);
            em.persist(e);
            em.flush();
            SegmentDTO created = toDto(e);
            audit.record("crm.segment", String.valueOf(e.id), "created", AuditService.diff(null, created));
            return created;
        });
    }

    @Override
    public SegmentDTO update(long id, SegmentDTO s) {
        validate(s);
        new Violations().require("version", s.version()).throwIfAny();
        return jpa.txExpr(TransactionType.Required, em -> {
            SegmentEntity e = segment(em, id);
            if (e.version != s.version()) {
                throw new StaleVersionException("Segment", id, s.version(), e.version);
            }
            refuseDuplicateName(em, s.name().strip(), id);
            SegmentDTO before = toDto(e);
            apply(e, s);
            em.flush();
            SegmentDTO after = toDto(e);
            audit.record("crm.segment", String.valueOf(id), "updated", AuditService.diff(before, after));
            return after;
        });
    }

    @Override
    public SegmentDTO get(long id) {
        return jpa.txExpr(TransactionType.Supports, em -> toDto(segment(em, id)));
    }

    @Override
    public List<SegmentDTO> list() {
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery("SELECT s FROM SegmentEntity s ORDER BY s.name", SegmentEntity.class)
            .getResultList().stream().map(SegmentServiceImpl::toDto).toList());
    }

    @Override
    public Page<SegmentMemberDTO> members(long id, int offset, int limit) {
        SegmentDTO segment = get(id);
        PageRequest request = request(segment.filters(), offset, limit);
        if (segment.target() == SegmentTarget.LEAD) {
            return leads.list(request).map(l -> new SegmentMemberDTO("lead", l.id(), l.number(),
                l.companyName() != null ? l.companyName() : l.contactName()));
        }
        return kernel.parties.list(request).map(p -> new SegmentMemberDTO("party", p.id(), p.code(), p.name()));
    }

    @Override
    public boolean contains(long id, SegmentTarget kind, long recordId) {
        SegmentDTO segment = get(id);
        if (segment.target() != kind) {
            return false;
        }
        Map<String, String> f = segment.filters();
        if (kind == SegmentTarget.LEAD) {
            LeadEntity l = jpa.txExpr(TransactionType.Supports, em -> em.find(LeadEntity.class, recordId));
            return l != null && matches(f, "status", v -> l.status.name().equalsIgnoreCase(v)) && matches(f, "source", v -> v.equals(l.source))
                && matches(f, "campaign", v -> l.campaignId != null && v.equals(String.valueOf(l.campaignId)))
                && matches(f, "owner", v -> v.equals(l.owner)) && matches(f, "minScore", v -> l.score != null && l.score >= Integer.parseInt(v))
                && matches(f, "q", v -> containsText(v, l.number, l.contactName, l.companyName, l.email, l.phone));
        }
        PartyDTO p;
        try {
            p = kernel.parties.get(recordId);
        } catch (NotFoundException e) {
            return false;
        }
        return matches(f, "role", v -> p.roles().contains(PartyRole.valueOf(v.toUpperCase(Locale.ROOT))))
            && matches(f, "kind", v -> p.kind() == PartyKind.valueOf(v.toUpperCase(Locale.ROOT))) && matches(f, "taxNumber", v -> v.equals(p.taxNumber()))
            && matches(f, "q", v -> containsText(v, p.code(), p.name(), p.email(), p.taxNumber()));
    }

    private static boolean matches(Map<String, String> filters, String name, java.util.function.Predicate<String> test) {
        String value = filters.get(name);
        return value == null || value.isBlank() || test.test(value.strip());
    }

    private static boolean containsText(String wanted, String... fields) {
        String upper = wanted.toUpperCase(Locale.ROOT);
        return Stream.of(fields).anyMatch(f -> f != null && f.toUpperCase(Locale.ROOT).contains(upper));
    }

    @Override
    public AutomationRuleDTO createRule(AutomationRuleDTO r) {
        return jpa.txExpr(TransactionType.Required, em -> {
            validate(em, r);
            RuleEntity e = new RuleEntity();
            apply(e, r);
            em.persist(e);
            em.flush();
            AutomationRuleDTO created = toDto(e);
            audit.record("crm.automation-rule", String.valueOf(e.id), "created", AuditService.diff(null, created));
            return created;
        });
    }

    @Override
    public AutomationRuleDTO updateRule(long id, AutomationRuleDTO r) {
        new Violations().require("version", r.version()).throwIfAny();
        return jpa.txExpr(TransactionType.Required, em -> {
            RuleEntity e = rule(em, id);
            validate(em, r);
            if (e.version != r.version()) {
                throw new StaleVersionException("Automation rule", id, r.version(), e.version);
            }
            AutomationRuleDTO before = toDto(e);
            apply(e, r);
            em.flush();
            AutomationRuleDTO after = toDto(e);
            audit.record("crm.automation-rule", String.valueOf(id), "updated", AuditService.diff(before, after));
            return after;
        });
    }

    @Override
    public AutomationRuleDTO getRule(long id) {
        return jpa.txExpr(TransactionType.Supports, em -> toDto(rule(em, id)));
    }

    @Override
    public List<AutomationRuleDTO> rules() {
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery("SELECT r FROM RuleEntity r ORDER BY r.id", RuleEntity.class)
            .getResultList().stream().map(SegmentServiceImpl::toDto).toList());
    }

    /** The active rules whose event pattern matches {@code event}. */
    List<AutomationRuleDTO> rulesFor(String event) {
        return rules().stream().filter(r -> Boolean.TRUE.equals(r.active()) && (r.event().equals(event)
            || (r.event().endsWith(".*") && event.startsWith(r.event().substring(0, r.event().length() - 1))))).toList();
    }

    @Override
    public List<AutomationRunDTO> runs(long ruleId, int limit) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            rule(em, ruleId);
            return em.createQuery("SELECT r FROM RuleRunEntity r WHERE r.ruleId = :rule ORDER BY r.id DESC", RuleRunEntity.class)
                .setParameter("rule", ruleId).setMaxResults(limit).getResultList().stream()
                .map(r -> new AutomationRunDTO(r.ruleId, r.eventId, r.event, r.recordKind, r.recordId, Times.instant(r.at), r.outcome)).toList();
        });
    }

    private void validate(SegmentDTO s) {
        Violations v = new Violations();
        v.requireText("name", s.name(), 100);
        v.require("target", s.target());
        Map<String, String> filters = s.filters() == null ? Map.of() : s.filters();
        if (s.target() != null) {
            filters.keySet().stream().filter(k -> !FILTERS.get(s.target()).contains(k)).forEach(k -> v.check(false, "filters." + k,
                "is not a " + s.target().name().toLowerCase(Locale.ROOT) + " filter; use " + String.join(", ",
                    new java.util.TreeSet<>(FILTERS.get(s.target())))));
        }
        filters.forEach((k, value) -> v.check(value != null && !value.isBlank(), "filters." + k, "needs a value"));
        v.check(encodedLength(filters) <= 2000, "filters", "are too long");
        v.throwIfAny();
        try {
            if (s.target() == SegmentTarget.LEAD) {
                leads.list(request(filters, 0, 1));
            } else {
                kernel.parties.list(request(filters, 0, 1));
            }
        } catch (ValidationException e) {
            throw new ValidationException(e.violations().stream()
                .map(x -> new ValidationException.Violation("filters." + x.field(), x.message())).toList());
        }
    }

    private static int encodedLength(Map<String, String> filters) {
        String encoded = QueryStrings.encode(filters);
        return encoded == null ? 0 : encoded.length();
    }

    private static PageRequest request(Map<String, String> filters, int offset, int limit) {
        Map<String, String> rest = new HashMap<>(filters);
        String q = rest.remove("q");
        return new PageRequest(offset, limit, q, null, rest);
    }

    private static void validate(EntityManager em, AutomationRuleDTO r) {
        Violations v = new Violations();
        v.requireText("name", r.name(), 100);
        v.requireText("event", r.event(), 100);
        boolean eventOk = r.event() != null && r.event().matches(EVENT_PATTERN);
        v.check(r.event() == null || eventOk, "event", "must name an event of leads or parties: crm.lead.created, crm.lead.*, core.party.updated …");
        SegmentTarget kind = !eventOk ? null : r.event().startsWith("crm.lead.") ? SegmentTarget.LEAD : SegmentTarget.PARTY;
        if (r.segmentId() != null) {
            SegmentEntity segment = em.find(SegmentEntity.class, r.segmentId());
            v.check(segment != null, "segmentId", "unknown segment " + r.segmentId());
            v.check(segment == null || kind == null || segment.target == kind, "segmentId", "selects "
                + (segment == null ? "" : segment.target.name().toLowerCase(Locale.ROOT)) + "s, but the event happens to "
                + (kind == null ? "" : kind.name().toLowerCase(Locale.ROOT)) + "s");
        }
        v.require("action", r.action());
        Map<String, String> p = r.parameters() == null ? Map.of() : r.parameters();
        if (r.action() != null) {
            Set<String> allowed = switch (r.action()) {
                case CREATE_ACTIVITY -> Set.of("type", "subject", "dueInDays", "owner");
                case ASSIGN_OWNER -> Set.of("owner");
                case ADD_TO_CAMPAIGN -> Set.of("campaign");
                case SEND_WEBHOOK -> Set.of();
            };
            p.keySet().stream().filter(k -> !allowed.contains(k)).forEach(k -> v.check(false, "parameters." + k,
                "is not a parameter of " + r.action() + (allowed.isEmpty() ? "" : "; use " + String.join(", ", new java.util.TreeSet<>(allowed)))));
            switch (r.action()) {
                case CREATE_ACTIVITY -> {
                    v.check(p.get("type") != null && Stream.of(ActivityType.values()).anyMatch(t -> t.name().equals(p.get("type"))),
                        "parameters.type", "must be one of CALL, MEETING, EMAIL, TASK, NOTE");
                    v.requireText("parameters.subject", p.get("subject"), 200);
                    v.check(p.get("dueInDays") == null || p.get("dueInDays").matches("\\d{1,3}"), "parameters.dueInDays",
                        "must be a whole number of days from 0 to 999");
                    v.maxLength("parameters.owner", p.get("owner"), 100);
                }
                case ASSIGN_OWNER -> {
                    v.requireText("parameters.owner", p.get("owner"), 100);
                    v.check(kind != SegmentTarget.PARTY, "action", "parties have no owner here; ASSIGN_OWNER is for lead events");
                }
                case ADD_TO_CAMPAIGN -> v.check(p.get("campaign") != null && !em.createQuery(
                        "SELECT c.id FROM CampaignEntity c WHERE c.code = :code", Long.class)
                    .setParameter("code", p.get("campaign").toUpperCase(Locale.ROOT)).getResultList().isEmpty(), "parameters.campaign",
                    "must be the code of a campaign");
                case SEND_WEBHOOK -> {
                }
            }
        }
        v.check(encodedLength(p) <= 2000, "parameters", "are too long");
        v.throwIfAny();
    }

    private static void apply(SegmentEntity e, SegmentDTO s) {
        e.name = s.name().strip();
        e.target = s.target();
        e.filters = QueryStrings.encode(s.filters());
    }

    private static void apply(RuleEntity e, AutomationRuleDTO r) {
        e.name = r.name().strip();
        e.event = r.event();
        e.segmentId = r.segmentId();
        e.action = r.action();
        e.parameters = QueryStrings.encode(r.parameters());
        e.active = r.active() == null || r.active();
    }

    private static void refuseDuplicateName(EntityManager em, String name, Long self) {
        if (!em.createQuery("SELECT s.id FROM SegmentEntity s WHERE s.name = :name AND s.id <> :self", Long.class).setParameter("name", name)
            .setParameter("self", self == null ? -1L : self).getResultList().isEmpty()) {
            throw new ConflictException("Another segment is already called " + name);
        }
    }

    private static SegmentEntity segment(EntityManager em, long id) {
        SegmentEntity e = em.find(SegmentEntity.class, id);
        if (e == null) {
            throw new NotFoundException("Segment", id);
        }
        return e;
    }

    private static RuleEntity rule(EntityManager em, long id) {
        RuleEntity e = em.find(RuleEntity.class, id);
        if (e == null) {
            throw new NotFoundException("Automation rule", id);
        }
        return e;
    }

    static SegmentDTO toDto(SegmentEntity e) {
        return new SegmentDTO(e.id, e.name, e.target, QueryStrings.decode(e.filters), e.version);
    }

    static AutomationRuleDTO toDto(RuleEntity e) {
        return new AutomationRuleDTO(e.id, e.name, e.event, e.segmentId, e.action, QueryStrings.decode(e.parameters), e.active, e.version);
    }
}
