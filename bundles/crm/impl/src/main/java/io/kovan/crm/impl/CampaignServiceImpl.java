package io.kovan.crm.impl;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javax.persistence.EntityManager;
import javax.persistence.criteria.Predicate;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.kovan.crm.api.CampaignDTO;
import io.kovan.crm.api.CampaignMemberDTO;
import io.kovan.crm.api.CampaignService;
import io.kovan.crm.api.CampaignType;
import io.kovan.kernel.api.ConflictException;
import io.kovan.kernel.api.NotFoundException;
import io.kovan.kernel.api.Page;
import io.kovan.kernel.api.PageRequest;
import io.kovan.kernel.api.StaleVersionException;
import io.kovan.kernel.api.Transactions;
import io.kovan.kernel.api.Violations;
import io.kovan.kernel.api.audit.AuditService;
import io.kovan.kernel.api.event.EventPublisher;
import io.kovan.kernel.api.persistence.Money;
import io.kovan.kernel.api.persistence.Queries;

/** Campaigns in KV_CRM_CAMPAIGN and their members in KV_CRM_CAMPAIGN_MEMBER. */
@Component(service = CampaignService.class)
public class CampaignServiceImpl implements CampaignService {

    static final String ENTITY = "crm.campaign";
    private static final Set<String> SORT_FIELDS = Set.of("code", "name", "startDate");

    private final JpaTemplate jpa;
    private final EventPublisher events;
    private final AuditService audit;
    private final KernelData kernel;
    private final RecordScope scope;

    @Activate
    public CampaignServiceImpl(@Reference(target = "(osgi.unit.name=kovan-crm)") JpaTemplate jpa, @Reference Transactions kernelReady,
        @Reference EventPublisher events, @Reference AuditService audit, @Reference KernelData kernel, @Reference RecordScope scope) {
        this.jpa = jpa;
        this.events = events;
        this.audit = audit;
        this.kernel = kernel;
        this.scope = scope;
    }

    @Override
    public CampaignDTO create(CampaignDTO c) {
        return jpa.txExpr(TransactionType.Required, em -> {
            CampaignEntity e = new CampaignEntity();
            apply(e, c);
            refuseDuplicateCode(em, e.code, null);
            em.persist(e);
            em.flush();
            CampaignDTO created = toDto(e);
            events.publish("crm.campaign.created", java.util.Map.of("id", e.id, "code", e.code, "type", e.type.name()));
            audit.record(ENTITY, String.valueOf(e.id), "created", AuditService.diff(null, created));
            return created;
        });
    }

    @Override
    public CampaignDTO update(long id, CampaignDTO c) {
        new Violations().require("version", c.version()).throwIfAny();
        return jpa.txExpr(TransactionType.Required, em -> {
            CampaignEntity e = load(em, id);
            if (e.version != c.version()) {
                throw new StaleVersionException("Campaign", id, c.version(), e.version);
            }
            CampaignDTO before = toDto(e);
            apply(e, c);
            refuseDuplicateCode(em, e.code, id);
            em.flush();
            CampaignDTO after = toDto(e);
            events.publish("crm.campaign.updated", java.util.Map.of("id", e.id, "code", e.code, "type", e.type.name()));
            audit.record(ENTITY, String.valueOf(id), "updated", AuditService.diff(before, after));
            return after;
        });
    }

    @Override
    public CampaignDTO get(long id) {
        return jpa.txExpr(TransactionType.Supports, em -> toDto(load(em, id)));
    }

    @Override
    public CampaignDTO find(String idOrCode) {
        if (idOrCode != null && idOrCode.matches("\\d{1,18}")) {
            return get(Long.parseLong(idOrCode));
        }
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery("SELECT c FROM CampaignEntity c WHERE c.code = :code", CampaignEntity.class)
            .setParameter("code", idOrCode).getResultList().stream().findFirst().map(CampaignServiceImpl::toDto)
            .orElseThrow(() -> new NotFoundException("Campaign", idOrCode)));
    }

    @Override
    public Page<CampaignDTO> list(PageRequest request) {
        String sort = request.sortField(SORT_FIELDS, "code");
        CampaignType type = Queries.enumValue(CampaignType.class, "type", request.filter("type"));
        Boolean active = request.booleanFilter("active");
        LocalDate today = Times.today();
        return jpa.txExpr(TransactionType.Supports, em -> Queries.page(em, CampaignEntity.class, request, (cb, c) -> {
            List<Predicate> where = new ArrayList<>();
            if (request.q() != null) {
                String pattern = Queries.containsPattern(request.q());
                where.add(cb.or(cb.like(cb.upper(c.get("code")), pattern, '\\'), cb.like(cb.upper(c.get("name")), pattern, '\\')));
            }
            if (type != null) {
                where.add(cb.equal(c.get("type"), type));
            }
            if (active != null) {
                Predicate running = cb.and(cb.or(cb.isNull(c.get("startDate")), cb.lessThanOrEqualTo(c.<LocalDate>get("startDate"), today)),
                    cb.or(cb.isNull(c.get("endDate")), cb.greaterThanOrEqualTo(c.<LocalDate>get("endDate"), today)));
                where.add(active ? running : cb.not(running));
            }
            return where;
        }, sort, "id", CampaignServiceImpl::toDto));
    }

    @Override
    public CampaignMemberDTO addMember(long campaignId, CampaignMemberDTO m) {
        Violations v = new Violations();
        v.check((m.partyId() == null) != (m.leadId() == null), "partyId", "give either partyId or leadId");
        kernel.party(v, "partyId", m.partyId());
        v.check(m.status() == null || m.status().equals("INVITED"), "status", "a new member is INVITED; record responses with …/respond");
        return jpa.txExpr(TransactionType.Required, em -> {
            load(em, campaignId);
            LeadEntity lead = m.leadId() == null ? null : em.find(LeadEntity.class, m.leadId());
            java.util.Set<String> owners = scope.visibleOwners();
            v.check(m.leadId() == null || (lead != null && (owners == null || owners.contains(lead.owner))), "leadId", "unknown lead " + m.leadId());
            v.throwIfAny();
            CampaignMemberEntity existing = em.createQuery("SELECT m FROM CampaignMemberEntity m WHERE m.campaignId = :c AND "
                    + (m.partyId() != null ? "m.partyId = :who" : "m.leadId = :who"), CampaignMemberEntity.class)
                .setParameter("c", campaignId).setParameter("who", m.partyId() != null ? m.partyId() : m.leadId()).getResultList().stream()
                .findFirst().orElse(null);
            if (existing != null) {
                return toDto(existing);
            }
            CampaignMemberEntity e = new CampaignMemberEntity();
            e.campaignId = campaignId;
            e.partyId = m.partyId();
            e.leadId = m.leadId();
            e.status = "INVITED";
            em.persist(e);
            em.flush();
            CampaignMemberDTO added = toDto(e);
            audit.record("crm.campaign-member", String.valueOf(e.id), "created", AuditService.diff(null, added));
            return added;
        });
    }

    @Override
    public List<CampaignMemberDTO> members(long campaignId) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            load(em, campaignId);
            return em.createQuery("SELECT m FROM CampaignMemberEntity m WHERE m.campaignId = :c ORDER BY m.id", CampaignMemberEntity.class)
                .setParameter("c", campaignId).getResultList().stream().map(CampaignServiceImpl::toDto).toList();
        });
    }

    @Override
    public CampaignMemberDTO respond(long campaignId, long memberId, String response) {
        new Violations().requireText("response", response, 500).throwIfAny();
        return jpa.txExpr(TransactionType.Required, em -> {
            CampaignMemberEntity e = em.find(CampaignMemberEntity.class, memberId);
            if (e == null || e.campaignId != campaignId) {
                throw new NotFoundException("Campaign member", memberId);
            }
            CampaignMemberDTO before = toDto(e);
            e.status = "RESPONDED";
            e.response = response.strip();
            e.respondedAt = Times.now();
            em.flush();
            CampaignMemberDTO after = toDto(e);
            events.publish("crm.campaign-member.responded", java.util.Map.of("id", e.id, "campaignId", campaignId));
            audit.record("crm.campaign-member", String.valueOf(e.id), "updated", AuditService.diff(before, after));
            return after;
        });
    }

    private void apply(CampaignEntity e, CampaignDTO c) {
        Violations v = new Violations();
        v.requireText("code", c.code(), 32);
        v.check(c.code() == null || c.code().strip().matches("[A-Za-z0-9._-]+"), "code", "may hold only letters, digits and . _ -");
        v.requireText("name", c.name(), 200);
        v.require("type", c.type());
        v.check(c.startDate() == null || c.endDate() == null || !c.endDate().isBefore(c.startDate()), "endDate", "must not be before startDate");
        String currency = c.currency() == null ? kernel.baseCurrency() : c.currency();
        int decimals = kernel.decimals(v, "currency", currency);
        v.nonNegative("budget", c.budget(), decimals).nonNegative("actualCost", c.actualCost(), decimals);
        v.check(c.budget() == null || c.budget().precision() - c.budget().scale() <= 15, "budget", "is too large");
        v.check(c.actualCost() == null || c.actualCost().precision() - c.actualCost().scale() <= 15, "actualCost", "is too large");
        v.throwIfAny();
        e.code = c.code().strip().toUpperCase(Locale.ROOT);
        e.name = c.name().strip();
        e.type = c.type();
        e.startDate = c.startDate();
        e.endDate = c.endDate();
        e.currency = currency;
        e.budget = scaled(c.budget(), decimals);
        e.actualCost = scaled(c.actualCost(), decimals);
    }

    private static BigDecimal scaled(BigDecimal amount, int decimals) {
        return amount == null ? null : amount.setScale(decimals, RoundingMode.UNNECESSARY);
    }

    private static void refuseDuplicateCode(EntityManager em, String code, Long self) {
        if (!em.createQuery("SELECT c.id FROM CampaignEntity c WHERE c.code = :code AND c.id <> :self", Long.class).setParameter("code", code)
            .setParameter("self", self == null ? -1L : self).getResultList().isEmpty()) {
            throw new ConflictException("Another campaign already has the code " + code);
        }
    }

    private static CampaignEntity load(EntityManager em, long id) {
        CampaignEntity e = em.find(CampaignEntity.class, id);
        if (e == null) {
            throw new NotFoundException("Campaign", id);
        }
        return e;
    }

    static CampaignDTO toDto(CampaignEntity e) {
        return new CampaignDTO(e.id, e.code, e.name, e.type, e.startDate, e.endDate, Money.plain(e.budget), Money.plain(e.actualCost), e.currency,
            e.version);
    }

    static CampaignMemberDTO toDto(CampaignMemberEntity e) {
        return new CampaignMemberDTO(e.id, e.campaignId, e.partyId, e.leadId, e.status, e.response, Times.instant(e.respondedAt));
    }
}
