package io.kovan.crm.impl;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.kovan.crm.api.TargetDTO;
import io.kovan.crm.api.TeamDTO;
import io.kovan.crm.api.TeamService;
import io.kovan.kernel.api.ConflictException;
import io.kovan.kernel.api.NotFoundException;
import io.kovan.kernel.api.StaleVersionException;
import io.kovan.kernel.api.Transactions;
import io.kovan.kernel.api.Violations;
import io.kovan.kernel.api.audit.AuditService;

/** Sales teams (KV_CRM_TEAM, members in KV_CRM_TEAM_MEMBER; the leader is always a member) and targets (KV_CRM_TARGET). */
@Component(service = TeamService.class)
public class TeamServiceImpl implements TeamService {

    static final String ENTITY = "crm.team";
    static final String MONTH = "\\d{4}-(0[1-9]|1[0-2])";

    private final JpaTemplate jpa;
    private final AuditService audit;
    private final KernelData kernel;
    private final RecordScope scope;

    @Activate
    public TeamServiceImpl(@Reference(target = "(osgi.unit.name=kovan-crm)") JpaTemplate jpa, @Reference Transactions kernelReady,
        @Reference AuditService audit, @Reference KernelData kernel, @Reference RecordScope scope) {
        this.jpa = jpa;
        this.audit = audit;
        this.kernel = kernel;
        this.scope = scope;
    }

    /** Who is in which team decides whose records a leader sees: only those who see every record may say. */
    private void mayComposeTeams() {
        scope.caller().require(RecordScope.ALL);
    }

    @Override
    public TeamDTO create(TeamDTO t) {
        mayComposeTeams();
        validate(t);
        return jpa.txExpr(TransactionType.Required, em -> {
            refuseDuplicateName(em, t.name().strip(), null);
            TeamEntity e = new TeamEntity();
            apply(e, t);
            em.persist(e);
            em.flush();
            TeamDTO created = toDto(e);
            audit.record(ENTITY, String.valueOf(e.id), "created", AuditService.diff(null, created));
            return created;
        });
    }

    @Override
    public TeamDTO update(long id, TeamDTO t) {
        mayComposeTeams();
        validate(t);
        new Violations().require("version", t.version()).throwIfAny();
        return jpa.txExpr(TransactionType.Required, em -> {
            TeamEntity e = load(em, id);
            if (e.version != t.version()) {
                throw new StaleVersionException("Team", id, t.version(), e.version);
            }
            refuseDuplicateName(em, t.name().strip(), id);
            TeamDTO before = toDto(e);
            apply(e, t);
            em.flush();
            TeamDTO after = toDto(e);
            audit.record(ENTITY, String.valueOf(id), "updated", AuditService.diff(before, after));
            return after;
        });
    }

    @Override
    public TeamDTO get(long id) {
        return jpa.txExpr(TransactionType.Supports, em -> toDto(load(em, id)));
    }

    @Override
    public List<TeamDTO> list() {
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery("SELECT t FROM TeamEntity t ORDER BY t.name", TeamEntity.class)
            .getResultList().stream().map(TeamServiceImpl::toDto).toList());
    }

    @Override
    public TargetDTO setTarget(long teamId, TargetDTO t) {
        Violations v = new Violations();
        v.requireText("member", t.member(), 100);
        v.require("month", t.month());
        v.check(t.month() == null || t.month().matches(MONTH), "month", "must be a month as 2026-12");
        int decimals = kernel.decimals(kernel.baseCurrency());
        v.nonNegative("revenue", t.revenue(), decimals);
        v.check(t.revenue() == null || t.revenue().precision() - t.revenue().scale() <= 15, "revenue", "is too large");
        v.check(t.wonDeals() == null || t.wonDeals() >= 0, "wonDeals", "must not be negative");
        v.check(t.activities() == null || t.activities() >= 0, "activities", "must not be negative");
        v.throwIfAny();
        return jpa.txExpr(TransactionType.Required, em -> {
            TeamEntity team = load(em, teamId);
            if (!team.leader.equals(scope.user())) {
                scope.caller().require(RecordScope.ALL);
            }
            if (!team.members.contains(t.member().strip())) {
                throw new io.kovan.kernel.api.ValidationException("member", t.member() + " is not a member of team " + team.name);
            }
            TargetEntity.Key key = new TargetEntity.Key();
            key.teamId = teamId;
            key.member = t.member().strip();
            key.month = t.month();
            TargetEntity e = em.find(TargetEntity.class, key);
            TargetDTO before = e == null ? null : toDto(e);
            if (e == null) {
                e = new TargetEntity();
                e.teamId = teamId;
                e.member = key.member;
                e.month = key.month;
                em.persist(e);
            }
            e.revenue = (t.revenue() == null ? BigDecimal.ZERO : t.revenue()).setScale(decimals, java.math.RoundingMode.UNNECESSARY);
            e.wonDeals = t.wonDeals() == null ? 0 : t.wonDeals();
            e.activities = t.activities() == null ? 0 : t.activities();
            em.flush();
            TargetDTO after = toDto(e);
            audit.record("crm.target", teamId + "/" + e.member + "/" + e.month, before == null ? "created" : "updated",
                AuditService.diff(before, after));
            return after;
        });
    }

    @Override
    public List<TargetDTO> targets(long teamId, String month) {
        if (month != null && !month.matches(MONTH)) {
            throw new io.kovan.kernel.api.ValidationException("month", "must be a month as 2026-12");
        }
        return jpa.txExpr(TransactionType.Supports, em -> {
            load(em, teamId);
            return em.createQuery("SELECT t FROM TargetEntity t WHERE t.teamId = :team" + (month == null ? "" : " AND t.month = :month")
                    + " ORDER BY t.month, t.member", TargetEntity.class).setParameter("team", teamId)
                .setParameter(month == null ? "team" : "month", month == null ? teamId : month).getResultList().stream()
                .map(TeamServiceImpl::toDto).toList();
        });
    }

    private static void validate(TeamDTO t) {
        Violations v = new Violations();
        v.requireText("name", t.name(), 100);
        v.requireText("leader", t.leader(), 100);
        List<String> members = t.members() == null ? List.of() : t.members();
        for (int i = 0; i < members.size(); i++) {
            v.requireText("members[" + i + "]", members.get(i), 100);
        }
        v.throwIfAny();
    }

    private static void apply(TeamEntity e, TeamDTO t) {
        e.name = t.name().strip();
        e.leader = t.leader().strip();
        LinkedHashSet<String> members = new LinkedHashSet<>();
        members.add(e.leader);
        if (t.members() != null) {
            t.members().forEach(m -> members.add(m.strip()));
        }
        e.members.clear();
        e.members.addAll(new ArrayList<>(members));
    }

    private static void refuseDuplicateName(EntityManager em, String name, Long self) {
        if (!em.createQuery("SELECT t.id FROM TeamEntity t WHERE t.name = :name AND t.id <> :self", Long.class).setParameter("name", name)
            .setParameter("self", self == null ? -1L : self).getResultList().isEmpty()) {
            throw new ConflictException("Another team is already called " + name);
        }
    }

    static TeamEntity load(EntityManager em, long id) {
        TeamEntity e = em.find(TeamEntity.class, id);
        if (e == null) {
            throw new NotFoundException("Team", id);
        }
        return e;
    }

    static TeamDTO toDto(TeamEntity e) {
        return new TeamDTO(e.id, e.name, e.leader, List.copyOf(e.members), e.version);
    }

    static TargetDTO toDto(TargetEntity e) {
        return new TargetDTO(e.member, e.month, io.kovan.kernel.api.persistence.Money.plain(e.revenue), e.wonDeals, e.activities);
    }
}
