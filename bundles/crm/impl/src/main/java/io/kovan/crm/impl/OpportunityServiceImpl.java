package io.kovan.crm.impl;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
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

import io.kovan.crm.api.OpportunityDTO;
import io.kovan.crm.api.OpportunityService;
import io.kovan.crm.api.StageChangeDTO;
import io.kovan.crm.api.StageDTO;
import io.kovan.crm.api.StageKind;
import io.kovan.kernel.api.ConflictException;
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
import io.kovan.kernel.api.persistence.Money;
import io.kovan.kernel.api.persistence.Queries;
import io.kovan.kernel.api.workflow.TransitionDTO;
import io.kovan.kernel.api.workflow.WorkflowDTO;
import io.kovan.kernel.api.workflow.WorkflowService;

/**
 * Opportunities in KV_CRM_OPPORTUNITY, numbered {@code OPP-2026-000001}. The pipeline's stages
 * are the states of the {@code crm.opportunity} workflow: a move to stage X is the transition
 * named X, allowed from every other open stage, and from the lost stage (reopening); won is final.
 */
@Component(service = {OpportunityService.class, OpportunityServiceImpl.class})
public class OpportunityServiceImpl implements OpportunityService {

    static final String SERIES = "OPP";
    private static final Set<String> SORT_FIELDS = Set.of("number", "createdAt", "expectedCloseDate", "expectedRevenue", "name");

    private final JpaTemplate jpa;
    private final NumberingService numbering;
    private final WorkflowService workflow;
    private final DocumentFlowService flow;
    private final EventPublisher events;
    private final AuditService audit;
    private final KernelData kernel;
    private final RecordScope scope;

    @Activate
    public OpportunityServiceImpl(@Reference(target = "(osgi.unit.name=kovan-crm)") JpaTemplate jpa, @Reference Transactions kernelReady,
        @Reference NumberingService numbering, @Reference WorkflowService workflow, @Reference DocumentFlowService flow,
        @Reference EventPublisher events, @Reference AuditService audit, @Reference KernelData kernel, @Reference RecordScope scope) {
        this.jpa = jpa;
        this.numbering = numbering;
        this.workflow = workflow;
        this.flow = flow;
        this.events = events;
        this.audit = audit;
        this.kernel = kernel;
        this.scope = scope;
        numbering.define(new NumberSeriesDTO(SERIES, "OPP", true, 6, "CRM opportunities"));
        defineWorkflow();
    }

    @Override
    public OpportunityDTO create(OpportunityDTO o) {
        return jpa.txExpr(TransactionType.Required, em -> create(em, o));
    }

    /** Creates in the caller's transaction; the lead conversion uses it too. */
    OpportunityDTO create(EntityManager em, OpportunityDTO o) {
        Violations v = new Violations();
        v.requireText("name", o.name(), 200);
        v.require("partyId", o.partyId());
        kernel.party(v, "partyId", o.partyId());
        String currency = o.currency() == null ? kernel.baseCurrency() : o.currency();
        int decimals = kernel.decimals(v, "currency", currency);
        v.nonNegative("expectedRevenue", o.expectedRevenue(), decimals);
        v.check(o.expectedRevenue() == null || o.expectedRevenue().precision() - o.expectedRevenue().scale() <= 15, "expectedRevenue", "is too large");
        v.maxLength("source", o.source(), 64).maxLength("owner", o.owner(), 100);
        Map<String, StageEntity> stages = stages(em);
        StageEntity stage = o.stage() == null ? firstOpen(stages.values()) : stages.get(o.stage());
        v.check(stage != null && stage.kind == StageKind.OPEN, "stage", "must be an open stage: " + openCodes(stages.values()));
        checkReferences(em, v, o.campaignId(), o.teamId());
        v.throwIfAny();
        OpportunityEntity e = new OpportunityEntity();
        e.number = numbering.next(SERIES);
        e.name = o.name().strip();
        e.partyId = o.partyId();
        e.leadId = o.leadId();
        e.campaignId = o.campaignId();
        e.source = Names.trimmed(o.source());
        e.stage = stage.code;
        e.reachedSequence = stage.sequence;
        e.expectedRevenue = o.expectedRevenue() == null ? null : o.expectedRevenue().setScale(decimals, RoundingMode.UNNECESSARY);
        e.currency = currency;
        e.expectedCloseDate = o.expectedCloseDate();
        e.owner = o.owner() == null || o.owner().isBlank() ? scope.user() : o.owner().strip();
        e.teamId = o.teamId();
        e.createdAt = Times.now();
        e.createdOn = e.createdAt.toLocalDate();
        em.persist(e);
        em.flush();
        OpportunityDTO created = toDto(e, stages);
        flow.record(document(e));
        events.publish("crm.opportunity.created", eventData(e));
        audit.record(DOCUMENT_TYPE, String.valueOf(e.id), "created", AuditService.diff(null, created));
        return created;
    }

    @Override
    public OpportunityDTO update(long id, OpportunityDTO o) {
        return jpa.txExpr(TransactionType.Required, em -> {
            OpportunityEntity e = load(em, id);
            Violations v = new Violations();
            v.require("version", o.version());
            v.requireText("name", o.name(), 200);
            v.require("partyId", o.partyId());
            kernel.party(v, "partyId", o.partyId());
            String currency = o.currency() == null ? e.currency : o.currency();
            int decimals = kernel.decimals(v, "currency", currency);
            v.nonNegative("expectedRevenue", o.expectedRevenue(), decimals);
            v.check(o.expectedRevenue() == null || o.expectedRevenue().precision() - o.expectedRevenue().scale() <= 15, "expectedRevenue", "is too large");
            v.check(o.stage() == null || o.stage().equals(e.stage), "stage", "changes only through POST /api/crm/opportunities/{id}/stage");
            v.maxLength("source", o.source(), 64).maxLength("owner", o.owner(), 100);
            checkReferences(em, v, o.campaignId(), o.teamId());
            v.throwIfAny();
            if (e.version != o.version()) {
                throw new StaleVersionException("Opportunity", id, o.version(), e.version);
            }
            Map<String, StageEntity> stages = stages(em);
            OpportunityDTO before = toDto(e, stages);
            e.name = o.name().strip();
            e.partyId = o.partyId();
            e.campaignId = o.campaignId();
            e.source = Names.trimmed(o.source());
            e.expectedRevenue = o.expectedRevenue() == null ? null : o.expectedRevenue().setScale(decimals, RoundingMode.UNNECESSARY);
            e.currency = currency;
            e.expectedCloseDate = o.expectedCloseDate();
            e.owner = o.owner() == null || o.owner().isBlank() ? e.owner : o.owner().strip();
            e.teamId = o.teamId();
            em.flush();
            OpportunityDTO after = toDto(e, stages);
            flow.record(document(e));
            events.publish("crm.opportunity.updated", eventData(e));
            audit.record(DOCUMENT_TYPE, String.valueOf(id), "updated", AuditService.diff(before, after));
            return after;
        });
    }

    @Override
    public OpportunityDTO get(long id) {
        return jpa.txExpr(TransactionType.Supports, em -> toDto(load(em, id), stages(em)));
    }

    @Override
    public Page<OpportunityDTO> list(PageRequest request) {
        String sort = request.sortField(SORT_FIELDS, "number");
        Long party = request.longFilter("party");
        Long campaign = request.longFilter("campaign");
        Long team = request.longFilter("team");
        Boolean open = request.booleanFilter("open");
        Set<String> owners = scope.visibleOwners();
        return jpa.txExpr(TransactionType.Supports, em -> {
            Map<String, StageEntity> stages = stages(em);
            String stage = request.filter("stage");
            if (stage != null && !stages.containsKey(stage)) {
                throw new ValidationException("stage", "must be one of " + String.join(", ", stages.keySet()));
            }
            List<String> openStages = stages.values().stream().filter(s -> s.kind == StageKind.OPEN).map(s -> s.code).toList();
            return Queries.page(em, OpportunityEntity.class, request, (cb, o) -> {
                List<Predicate> where = new ArrayList<>();
                if (request.q() != null) {
                    String pattern = Queries.containsPattern(request.q());
                    where.add(cb.or(cb.like(cb.upper(o.get("name")), pattern, '\\'), cb.like(cb.upper(o.get("number")), pattern, '\\')));
                }
                if (stage != null) {
                    where.add(cb.equal(o.get("stage"), stage));
                }
                if (request.filter("owner") != null) {
                    where.add(cb.equal(o.get("owner"), request.filter("owner")));
                }
                if (party != null) {
                    where.add(cb.equal(o.get("partyId"), party));
                }
                if (campaign != null) {
                    where.add(cb.equal(o.get("campaignId"), campaign));
                }
                if (team != null) {
                    where.add(cb.equal(o.get("teamId"), team));
                }
                if (open != null) {
                    where.add(open ? o.get("stage").in(openStages) : cb.not(o.get("stage").in(openStages)));
                }
                if (owners != null) {
                    where.add(o.get("owner").in(owners));
                }
                return where;
            }, sort, "id", e -> toDto(e, stages));
        });
    }

    @Override
    public OpportunityDTO changeStage(long id, StageChangeDTO change) {
        new Violations().requireText("stage", change.stage(), 32).maxLength("comment", change.comment(), 500)
            .maxLength("lostReason", change.lostReason(), 200).throwIfAny();
        return jpa.txExpr(TransactionType.Required, em -> {
            OpportunityEntity e = load(em, id);
            Map<String, StageEntity> stages = stages(em);
            StageEntity target = stages.get(change.stage());
            if (target == null) {
                throw new ValidationException("stage", "must be one of " + String.join(", ", stages.keySet()));
            }
            if (target.kind == StageKind.LOST && (change.lostReason() == null || change.lostReason().isBlank())) {
                throw new ValidationException("lostReason", "is required when an opportunity is lost");
            }
            OpportunityDTO before = toDto(e, stages);
            e.stage = workflow.transition(DOCUMENT_TYPE, id, e.stage, target.code, scope.user(), scope.caller().roles(), change.comment());
            switch (target.kind) {
                case OPEN -> {
                    e.reachedSequence = Math.max(e.reachedSequence, target.sequence);
                    e.closedOn = null;
                    e.lostReason = null;
                }
                case WON -> {
                    e.reachedSequence = stages.values().stream().filter(s -> s.kind == StageKind.OPEN).mapToInt(s -> s.sequence).max()
                        .orElse(e.reachedSequence);
                    e.closedOn = Times.today();
                    e.lostReason = null;
                }
                case LOST -> {
                    e.closedOn = Times.today();
                    e.lostReason = change.lostReason().strip();
                }
            }
            em.flush();
            OpportunityDTO after = toDto(e, stages);
            flow.record(document(e));
            Map<String, Object> data = eventData(e);
            data.put("from", before.stage());
            events.publish("crm.opportunity." + switch (target.kind) {
                case WON -> "won";
                case LOST -> "lost";
                case OPEN -> "stage-changed";
            }, data);
            audit.record(DOCUMENT_TYPE, String.valueOf(id), "updated", AuditService.diff(before, after));
            return after;
        });
    }

    @Override
    public List<StageDTO> stages() {
        return jpa.txExpr(TransactionType.Supports, em -> stages(em).values().stream().map(OpportunityServiceImpl::toDto).toList());
    }

    @Override
    public StageDTO saveStage(StageDTO s) {
        Violations v = new Violations();
        v.requireText("code", s.code(), 32);
        v.check(s.code() == null || s.code().matches("[a-z][a-z0-9-]*"), "code", "must be lowercase letters, digits and -, starting with a letter");
        v.requireText("name", s.name(), 100);
        v.require("sequence", s.sequence());
        v.check(s.sequence() == null || (s.sequence() >= 0 && s.sequence() < 1000), "sequence", "must be between 0 and 999");
        v.require("probability", s.probability());
        v.check(s.probability() == null || (s.probability().signum() >= 0 && s.probability().compareTo(BigDecimal.valueOf(100)) <= 0
            && s.probability().stripTrailingZeros().scale() <= 2), "probability", "must be a percentage from 0 to 100 with at most 2 decimals");
        v.check(s.kind() == null || s.kind() == StageKind.OPEN, "kind", "only OPEN stages can be added or changed; won and lost are fixed");
        v.throwIfAny();
        StageDTO saved = jpa.txExpr(TransactionType.Required, em -> {
            StageEntity e = em.find(StageEntity.class, s.code());
            if (e != null && e.kind != StageKind.OPEN) {
                throw new ConflictException("Stage " + s.code() + " is the " + e.kind.name().toLowerCase() + " stage; it cannot be changed");
            }
            boolean clash = stages(em).values().stream().anyMatch(o -> !o.code.equals(s.code()) && o.sequence == s.sequence());
            if (clash) {
                throw new ConflictException("Another stage already has position " + s.sequence());
            }
            StageDTO before = e == null ? null : toDto(e);
            if (e == null) {
                e = new StageEntity();
                e.code = s.code();
                e.kind = StageKind.OPEN;
                em.persist(e);
            }
            e.name = s.name().strip();
            e.sequence = s.sequence();
            e.probability = s.probability().setScale(2, RoundingMode.UNNECESSARY);
            em.flush();
            StageDTO after = toDto(e);
            audit.record("crm.stage", e.code, before == null ? "created" : "updated", AuditService.diff(before, after));
            return after;
        });
        defineWorkflow();
        return saved;
    }

    private void defineWorkflow() {
        List<StageDTO> stages = stages();
        List<String> open = stages.stream().filter(s -> s.kind() == StageKind.OPEN).map(StageDTO::code).toList();
        String lost = stages.stream().filter(s -> s.kind() == StageKind.LOST).map(StageDTO::code).findFirst().orElseThrow();
        List<TransitionDTO> transitions = new ArrayList<>();
        for (StageDTO target : stages) {
            Set<String> from = new LinkedHashSet<>(open);
            from.remove(target.code());
            if (target.kind() == StageKind.OPEN) {
                from.add(lost);
            }
            transitions.add(new TransitionDTO(target.code(), from, target.code(), null));
        }
        workflow.define(new WorkflowDTO(DOCUMENT_TYPE, open.get(0), stages.stream().map(StageDTO::code).toList(), transitions));
    }

    /** Stages by code, in pipeline order. */
    static Map<String, StageEntity> stages(EntityManager em) {
        Map<String, StageEntity> byCode = new java.util.LinkedHashMap<>();
        em.createQuery("SELECT s FROM StageEntity s", StageEntity.class).getResultList().stream()
            .sorted(Comparator.comparingInt(s -> s.sequence)).forEach(s -> byCode.put(s.code, s));
        return byCode;
    }

    private static StageEntity firstOpen(java.util.Collection<StageEntity> stages) {
        return stages.stream().filter(s -> s.kind == StageKind.OPEN).findFirst().orElse(null);
    }

    private static String openCodes(java.util.Collection<StageEntity> stages) {
        return String.join(", ", stages.stream().filter(s -> s.kind == StageKind.OPEN).map(s -> s.code).toList());
    }

    private static void checkReferences(EntityManager em, Violations v, Long campaignId, Long teamId) {
        v.check(campaignId == null || em.find(CampaignEntity.class, campaignId) != null, "campaignId", "unknown campaign " + campaignId);
        v.check(teamId == null || em.find(TeamEntity.class, teamId) != null, "teamId", "unknown team " + teamId);
    }

    OpportunityEntity load(EntityManager em, long id) {
        OpportunityEntity e = em.find(OpportunityEntity.class, id);
        if (e == null) {
            throw new NotFoundException("Opportunity", id);
        }
        scope.check("Opportunity", id, e.owner);
        return e;
    }

    static DocumentDTO document(OpportunityEntity e) {
        return new DocumentDTO(DOCUMENT_TYPE, e.id, e.number, e.stage, e.createdOn, Money.plain(e.expectedRevenue), e.currency);
    }

    private static Map<String, Object> eventData(OpportunityEntity e) {
        Map<String, Object> data = new TreeMap<>();
        data.put("id", e.id);
        data.put("number", e.number);
        data.put("partyId", e.partyId);
        data.put("stage", e.stage);
        data.put("owner", e.owner);
        data.put("currency", e.currency);
        if (e.expectedRevenue != null) {
            data.put("expectedRevenue", e.expectedRevenue);
        }
        return data;
    }

    static OpportunityDTO toDto(OpportunityEntity e, Map<String, StageEntity> stages) {
        StageEntity stage = stages.get(e.stage);
        BigDecimal probability = stage == null ? BigDecimal.ZERO : stage.probability;
        BigDecimal revenue = Money.plain(e.expectedRevenue);
        BigDecimal weighted = revenue == null ? null
            : revenue.multiply(probability).divide(BigDecimal.valueOf(100), revenue.scale(), RoundingMode.HALF_UP);
        return new OpportunityDTO(e.id, e.number, e.name, e.partyId, e.leadId, e.campaignId, e.source, e.stage, probability,
            revenue, weighted, e.currency, e.expectedCloseDate, e.owner, e.teamId, e.lostReason, e.closedOn, e.version,
            Times.instant(e.createdAt));
    }

    static StageDTO toDto(StageEntity s) {
        return new StageDTO(s.code, s.name, s.sequence, s.probability, s.kind);
    }
}
