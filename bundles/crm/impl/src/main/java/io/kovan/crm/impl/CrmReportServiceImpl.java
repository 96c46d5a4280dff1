package io.kovan.crm.impl;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import io.kovan.crm.api.ActivityReportDTO;
import io.kovan.crm.api.ActivityType;
import io.kovan.crm.api.CampaignPerformanceDTO;
import io.kovan.crm.api.CaseReportDTO;
import io.kovan.crm.api.CasePriority;
import io.kovan.crm.api.ConversionReportDTO;
import io.kovan.crm.api.CrmReportService;
import io.kovan.crm.api.FunnelDTO;
import io.kovan.crm.api.LeadStatus;
import io.kovan.crm.api.PaidRevenueProvider;
import io.kovan.crm.api.StageKind;
import io.kovan.crm.api.TeamPerformanceDTO;
import io.kovan.crm.api.TargetDTO;
import io.kovan.crm.api.WinLossDTO;
import io.kovan.kernel.api.PageRequest;
import io.kovan.kernel.api.Transactions;
import io.kovan.kernel.api.ValidationException;

/**
 * The CRM's reports, each one aggregate query per dimension (grouped in the database, by
 * currency where money is summed), then converted into the company currency at the period's end.
 */
@Component(service = CrmReportService.class)
public class CrmReportServiceImpl implements CrmReportService {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final Set<String> FUNNEL_FILTERS = Set.of("owner", "team", "campaign", "source");

    private final JpaTemplate jpa;
    private final KernelData kernel;
    private final RecordScope scope;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile PaidRevenueProvider paidRevenue;

    @Activate
    public CrmReportServiceImpl(@Reference(target = "(osgi.unit.name=kovan-crm)") JpaTemplate jpa, @Reference Transactions kernelReady,
        @Reference KernelData kernel, @Reference RecordScope scope) {
        this.jpa = jpa;
        this.kernel = kernel;
        this.scope = scope;
    }

    @Override
    public FunnelDTO funnel(LocalDate from, LocalDate to, Map<String, String> filters) {
        checkPeriod(from, to);
        filters.keySet().stream().filter(k -> !FUNNEL_FILTERS.contains(k)).findFirst().ifPresent(k -> {
            throw new ValidationException(k, "is not a funnel filter; use " + String.join(", ", new java.util.TreeSet<>(FUNNEL_FILTERS)));
        });
        PageRequest given = new PageRequest(0, 1, null, null, filters);
        Long team = given.longFilter("team");
        Long campaign = given.longFilter("campaign");
        Set<String> owners = scope.visibleOwners();
        LocalDate rateDate = rateDate(to);
        return jpa.txExpr(TransactionType.Supports, em -> {
            Map<String, StageEntity> stages = OpportunityServiceImpl.stages(em);
            StringBuilder jpql = new StringBuilder("SELECT o.reachedSequence, o.stage, o.currency, COUNT(o), SUM(o.expectedRevenue)"
                + " FROM OpportunityEntity o WHERE 1 = 1");
            Map<String, Object> params = new HashMap<>();
            period(jpql, params, "o.createdOn", from, to);
            if (filters.get("owner") != null) {
                jpql.append(" AND o.owner = :owner");
                params.put("owner", filters.get("owner"));
            }
            if (team != null) {
                jpql.append(" AND o.teamId = :team");
                params.put("team", team);
            }
            if (campaign != null) {
                jpql.append(" AND o.campaignId = :campaign");
                params.put("campaign", campaign);
            }
            if (filters.get("source") != null) {
                jpql.append(" AND o.source = :source");
                params.put("source", filters.get("source"));
            }
            if (owners != null) {
                jpql.append(" AND o.owner IN :owners");
                params.put("owners", owners);
            }
            jpql.append(" GROUP BY o.reachedSequence, o.stage, o.currency");
            List<Object[]> rows = query(em, jpql.toString(), params);
            KernelData.BaseCurrency money = kernel.base(rateDate);
            int decimals = money.decimals();
            Map<String, Long> currentCount = new HashMap<>();
            Map<String, BigDecimal> currentValue = new HashMap<>();
            TreeMap<Integer, Long> reachedCount = new TreeMap<>();
            TreeMap<Integer, BigDecimal> reachedValue = new TreeMap<>();
            long total = 0;
            String wonCode = stages.values().stream().filter(s -> s.kind == StageKind.WON).map(s -> s.code).findFirst().orElseThrow();
            for (Object[] r : rows) {
                String stage = (String) r[1];
                // A won opportunity went through every open stage, also one added after it was won.
                int reached = stage.equals(wonCode) ? Integer.MAX_VALUE : ((Number) r[0]).intValue();
                long count = ((Number) r[3]).longValue();
                BigDecimal value = money.of((BigDecimal) r[4], (String) r[2]);
                total += count;
                currentCount.merge(stage, count, Long::sum);
                currentValue.merge(stage, value, BigDecimal::add);
                reachedCount.merge(reached, count, Long::sum);
                reachedValue.merge(reached, value, BigDecimal::add);
            }
            List<StageEntity> open = stages.values().stream().filter(s -> s.kind == StageKind.OPEN).toList();
            StageEntity won = stages.values().stream().filter(s -> s.kind == StageKind.WON).findFirst().orElseThrow();
            StageEntity lost = stages.values().stream().filter(s -> s.kind == StageKind.LOST).findFirst().orElseThrow();
            long wonCount = currentCount.getOrDefault(won.code, 0L);
            long lostCount = currentCount.getOrDefault(lost.code, 0L);
            BigDecimal zero = money.zero();
            List<FunnelDTO.FunnelStageDTO> lines = new ArrayList<>();
            BigDecimal weightedPipeline = zero;
            for (int i = 0; i < open.size(); i++) {
                StageEntity s = open.get(i);
                long reached = reachedCount.tailMap(s.sequence, true).values().stream().mapToLong(Long::longValue).sum();
                BigDecimal reachedSum = reachedValue.tailMap(s.sequence, true).values().stream().reduce(zero, BigDecimal::add);
                long next = i + 1 < open.size()
                    ? reachedCount.tailMap(open.get(i + 1).sequence, true).values().stream().mapToLong(Long::longValue).sum() : wonCount;
                BigDecimal current = currentValue.getOrDefault(s.code, zero);
                BigDecimal weighted = current.multiply(s.probability).divide(HUNDRED, decimals, RoundingMode.HALF_UP);
                weightedPipeline = weightedPipeline.add(weighted);
                lines.add(new FunnelDTO.FunnelStageDTO(s.code, s.name, s.probability, reached, reachedSum, currentCount.getOrDefault(s.code, 0L),
                    current, weighted, percent(next, reached)));
            }
            for (StageEntity s : List.of(won, lost)) {
                long count = currentCount.getOrDefault(s.code, 0L);
                BigDecimal value = currentValue.getOrDefault(s.code, zero);
                lines.add(new FunnelDTO.FunnelStageDTO(s.code, s.name, s.probability, count, value, count, value,
                    value.multiply(s.probability).divide(HUNDRED, decimals, RoundingMode.HALF_UP), null));
            }
            return new FunnelDTO(from, to, money.code, total, total - wonCount - lostCount, wonCount, lostCount,
                currentValue.getOrDefault(won.code, zero), percent(wonCount, wonCount + lostCount), weightedPipeline, lines);
        });
    }

    @Override
    public ConversionReportDTO conversion(String by, LocalDate from, LocalDate to) {
        checkPeriod(from, to);
        String field = switch (by == null ? "source" : by) {
            case "source" -> "l.source";
            case "campaign" -> "l.campaignId";
            case "owner" -> "l.owner";
            case "month" -> "l.createdOn";
            default -> throw new ValidationException("by", "must be source, campaign, owner or month");
        };
        String dimension = by == null ? "source" : by;
        Set<String> owners = scope.visibleOwners();
        LocalDate rateDate = rateDate(to);
        return jpa.txExpr(TransactionType.Supports, em -> {
            Map<String, StageEntity> stages = OpportunityServiceImpl.stages(em);
            Map<Long, String> campaignCodes = new HashMap<>();
            if (dimension.equals("campaign")) {
                em.createQuery("SELECT c FROM CampaignEntity c", CampaignEntity.class).getResultList().forEach(c -> campaignCodes.put(c.id, c.code));
            }
            Function<Object, String> key = raw -> raw == null ? "(none)" : switch (dimension) {
                case "campaign" -> campaignCodes.getOrDefault((Long) raw, String.valueOf(raw));
                case "month" -> YearMonth.from((LocalDate) raw).toString();
                default -> raw.toString();
            };
            Map<String, Object> params = new HashMap<>();
            StringBuilder where = new StringBuilder(" WHERE l.status <> :merged");
            params.put("merged", LeadStatus.MERGED);
            period(where, params, "l.createdOn", from, to);
            if (owners != null) {
                where.append(" AND l.owner IN :owners");
                params.put("owners", owners);
            }
            Map<String, long[]> counts = new TreeMap<>();
            for (Object[] r : query(em, "SELECT " + field + ", l.status, COUNT(l) FROM LeadEntity l" + where + " GROUP BY " + field + ", l.status",
                params)) {
                long[] c = counts.computeIfAbsent(key.apply(r[0]), k -> new long[5]);
                long n = ((Number) r[2]).longValue();
                c[0] += n;
                if (r[1] == LeadStatus.CONVERTED) {
                    c[1] += n;
                } else if (r[1] == LeadStatus.DISQUALIFIED) {
                    c[2] += n;
                }
            }
            KernelData.BaseCurrency money = kernel.base(rateDate);
            Map<String, BigDecimal> wonValue = new HashMap<>();
            for (Object[] r : query(em, "SELECT " + field + ", o.stage, o.currency, COUNT(o), SUM(o.expectedRevenue) FROM LeadEntity l, "
                + "OpportunityEntity o" + where + " AND o.id = l.opportunityId GROUP BY " + field + ", o.stage, o.currency", params)) {
                StageEntity stage = stages.get((String) r[1]);
                long[] c = counts.computeIfAbsent(key.apply(r[0]), k -> new long[5]);
                long n = ((Number) r[3]).longValue();
                if (stage != null && stage.kind == StageKind.WON) {
                    c[3] += n;
                    wonValue.merge(key.apply(r[0]), money.of((BigDecimal) r[4], (String) r[2]), BigDecimal::add);
                } else if (stage != null && stage.kind == StageKind.LOST) {
                    c[4] += n;
                }
            }
            BigDecimal zero = money.zero();
            List<ConversionReportDTO.Row> rows = new ArrayList<>();
            counts.forEach((k, c) -> rows.add(new ConversionReportDTO.Row(k, c[0], c[1], c[2], c[3], c[4], wonValue.getOrDefault(k, zero),
                percent(c[1], c[0]), percent(c[3], c[0]), percent(c[3], c[3] + c[4]))));
            return new ConversionReportDTO(dimension, from, to, money.code, rows);
        });
    }

    @Override
    public WinLossDTO winLoss(LocalDate from, LocalDate to) {
        checkPeriod(from, to);
        Set<String> owners = scope.visibleOwners();
        LocalDate rateDate = rateDate(to);
        return jpa.txExpr(TransactionType.Supports, em -> {
            Map<String, StageEntity> stages = OpportunityServiceImpl.stages(em);
            StringBuilder jpql = new StringBuilder("SELECT o.stage, o.lostReason, o.currency, COUNT(o), SUM(o.expectedRevenue)"
                + " FROM OpportunityEntity o WHERE o.closedOn IS NOT NULL");
            Map<String, Object> params = new HashMap<>();
            period(jpql, params, "o.closedOn", from, to);
            if (owners != null) {
                jpql.append(" AND o.owner IN :owners");
                params.put("owners", owners);
            }
            jpql.append(" GROUP BY o.stage, o.lostReason, o.currency");
            KernelData.BaseCurrency money = kernel.base(rateDate);
            BigDecimal zero = money.zero();
            long won = 0;
            long lost = 0;
            BigDecimal wonValue = zero;
            BigDecimal lostValue = zero;
            Map<String, long[]> reasonCounts = new HashMap<>();
            Map<String, BigDecimal> reasonValues = new HashMap<>();
            for (Object[] r : query(em, jpql.toString(), params)) {
                StageEntity stage = stages.get((String) r[0]);
                long n = ((Number) r[3]).longValue();
                BigDecimal value = money.of((BigDecimal) r[4], (String) r[2]);
                if (stage != null && stage.kind == StageKind.WON) {
                    won += n;
                    wonValue = wonValue.add(value);
                } else if (stage != null && stage.kind == StageKind.LOST) {
                    lost += n;
                    lostValue = lostValue.add(value);
                    String reason = r[1] == null ? "(none)" : (String) r[1];
                    reasonCounts.computeIfAbsent(reason, k -> new long[1])[0] += n;
                    reasonValues.merge(reason, value, BigDecimal::add);
                }
            }
            List<WinLossDTO.Reason> reasons = reasonCounts.entrySet().stream()
                .map(e -> new WinLossDTO.Reason(e.getKey(), e.getValue()[0], reasonValues.get(e.getKey())))
                .sorted(java.util.Comparator.comparingLong(WinLossDTO.Reason::count).reversed().thenComparing(WinLossDTO.Reason::reason)).toList();
            return new WinLossDTO(from, to, money.code, won, lost, wonValue, lostValue, percent(won, won + lost), reasons);
        });
    }

    @Override
    public List<CampaignPerformanceDTO> campaigns(LocalDate from, LocalDate to) {
        checkPeriod(from, to);
        LocalDate rateDate = rateDate(to);
        PaidRevenueProvider paid = paidRevenue;
        return jpa.txExpr(TransactionType.Supports, em -> {
            Map<String, StageEntity> stages = OpportunityServiceImpl.stages(em);
            KernelData.BaseCurrency money = kernel.base(rateDate);
            String base = money.code;
            int decimals = money.decimals();
            StringBuilder jpql = new StringBuilder("SELECT c FROM CampaignEntity c WHERE 1 = 1");
            Map<String, Object> params = new HashMap<>();
            if (from != null) {
                jpql.append(" AND (c.endDate IS NULL OR c.endDate >= :from)");
                params.put("from", from);
            }
            if (to != null) {
                jpql.append(" AND (c.startDate IS NULL OR c.startDate <= :to)");
                params.put("to", to);
            }
            TypedQuery<CampaignEntity> campaigns = em.createQuery(jpql + " ORDER BY c.code", CampaignEntity.class);
            params.forEach(campaigns::setParameter);
            Map<Long, long[]> members = counts(em, "SELECT m.campaignId, COUNT(m), SUM(CASE WHEN m.status = 'RESPONDED' THEN 1 ELSE 0 END)"
                + " FROM CampaignMemberEntity m GROUP BY m.campaignId");
            Map<Long, long[]> leads = counts(em, "SELECT l.campaignId, COUNT(l) FROM LeadEntity l WHERE l.campaignId IS NOT NULL"
                + " AND l.status <> io.kovan.crm.api.LeadStatus.MERGED GROUP BY l.campaignId");
            Map<Long, long[]> opportunities = new HashMap<>();
            Map<Long, long[]> won = new HashMap<>();
            Map<Long, BigDecimal> wonRevenue = new HashMap<>();
            for (Object[] r : query(em, "SELECT o.campaignId, o.stage, o.currency, COUNT(o), SUM(o.expectedRevenue) FROM OpportunityEntity o"
                + " WHERE o.campaignId IS NOT NULL GROUP BY o.campaignId, o.stage, o.currency", Map.of())) {
                Long id = (Long) r[0];
                long n = ((Number) r[3]).longValue();
                opportunities.computeIfAbsent(id, k -> new long[1])[0] += n;
                StageEntity stage = stages.get((String) r[1]);
                if (stage != null && stage.kind == StageKind.WON) {
                    won.computeIfAbsent(id, k -> new long[1])[0] += n;
                    wonRevenue.merge(id, money.of((BigDecimal) r[4], (String) r[2]), BigDecimal::add);
                }
            }
            Map<Long, List<Long>> wonIds = new HashMap<>();
            if (paid != null) {
                for (Object[] r : query(em, "SELECT o.campaignId, o.id FROM OpportunityEntity o WHERE o.campaignId IS NOT NULL AND o.stage IN :won",
                    Map.of("won", stages.values().stream().filter(s -> s.kind == StageKind.WON).map(s -> s.code).toList()))) {
                    wonIds.computeIfAbsent((Long) r[0], k -> new ArrayList<>()).add((Long) r[1]);
                }
            }
            List<CampaignPerformanceDTO> rows = new ArrayList<>();
            BigDecimal zero = money.zero();
            for (CampaignEntity c : campaigns.getResultList()) {
                BigDecimal cost = money.of(c.actualCost, c.currency);
                long leadCount = leads.getOrDefault(c.id, new long[1])[0];
                BigDecimal revenue;
                String source;
                if (paid != null) {
                    revenue = paid.paidRevenue(wonIds.getOrDefault(c.id, List.of()), base).setScale(decimals, RoundingMode.HALF_UP);
                    source = "invoices";
                } else {
                    revenue = wonRevenue.getOrDefault(c.id, zero);
                    source = "opportunities";
                }
                long[] m = members.getOrDefault(c.id, new long[2]);
                rows.add(new CampaignPerformanceDTO(c.id, c.code, c.name, base, cost, m[0], m.length > 1 ? m[1] : 0, leadCount,
                    opportunities.getOrDefault(c.id, new long[1])[0], won.getOrDefault(c.id, new long[1])[0], revenue, source,
                    leadCount == 0 ? null : cost.divide(BigDecimal.valueOf(leadCount), decimals, RoundingMode.HALF_UP),
                    cost.signum() == 0 ? null : revenue.divide(cost, 2, RoundingMode.HALF_UP)));
            }
            return rows;
        });
    }

    @Override
    public ActivityReportDTO activities(LocalDate from, LocalDate to) {
        checkPeriod(from, to);
        Set<String> owners = scope.visibleOwners();
        LocalDateTime now = Times.now();
        return jpa.txExpr(TransactionType.Supports, em -> {
            StringBuilder where = new StringBuilder(" WHERE 1 = 1");
            Map<String, Object> params = new HashMap<>();
            if (from != null) {
                where.append(" AND a.createdAt >= :from");
                params.put("from", from.atStartOfDay());
            }
            if (to != null) {
                where.append(" AND a.createdAt < :to");
                params.put("to", to.plusDays(1).atStartOfDay());
            }
            if (owners != null) {
                where.append(" AND a.owner IN :owners");
                params.put("owners", owners);
            }
            Map<String, long[]> totals = new TreeMap<>();
            Map<String, Map<ActivityType, Long>> byType = new HashMap<>();
            for (Object[] r : query(em, "SELECT a.owner, a.type, a.done, COUNT(a) FROM ActivityEntity a" + where + " GROUP BY a.owner, a.type, a.done",
                params)) {
                String owner = (String) r[0];
                long n = ((Number) r[3]).longValue();
                long[] t = totals.computeIfAbsent(owner, k -> new long[4]);
                t[0] += n;
                t[Boolean.TRUE.equals(r[2]) || Integer.valueOf(1).equals(r[2]) ? 1 : 2] += n;
                byType.computeIfAbsent(owner, k -> new EnumMap<>(ActivityType.class)).merge((ActivityType) r[1], n, Long::sum);
            }
            Map<String, Object> overdueParams = new HashMap<>(params);
            overdueParams.put("now", now);
            for (Object[] r : query(em, "SELECT a.owner, COUNT(a) FROM ActivityEntity a" + where
                + " AND a.done = false AND a.dueAt < :now GROUP BY a.owner", overdueParams)) {
                totals.computeIfAbsent((String) r[0], k -> new long[4])[3] += ((Number) r[1]).longValue();
            }
            List<ActivityReportDTO.Row> rows = new ArrayList<>();
            totals.forEach((owner, t) -> rows.add(new ActivityReportDTO.Row(owner, t[0], t[1], t[2], t[3],
                byType.getOrDefault(owner, Map.of()))));
            return new ActivityReportDTO(Times.instant(now), rows);
        });
    }

    @Override
    public TeamPerformanceDTO team(long teamId, String month) {
        if (month == null || !month.matches(TeamServiceImpl.MONTH)) {
            throw new ValidationException("month", "must be a month as 2026-12");
        }
        YearMonth ym = YearMonth.parse(month);
        LocalDate first = ym.atDay(1);
        LocalDate last = ym.atEndOfMonth();
        return jpa.txExpr(TransactionType.Supports, em -> {
            TeamEntity team = TeamServiceImpl.load(em, teamId);
            // Everyone's figures for those who see all records and for the team's leader; a member sees their own row.
            java.util.Set<String> owners = scope.visibleOwners();
            String me = scope.user();
            boolean whole = owners == null || team.leader.equals(me);
            if (!whole && !team.members.contains(me)) {
                throw new io.kovan.kernel.api.NotFoundException("Team", teamId);
            }
            Map<String, StageEntity> stages = OpportunityServiceImpl.stages(em);
            List<String> wonStages = stages.values().stream().filter(s -> s.kind == StageKind.WON).map(s -> s.code).toList();
            KernelData.BaseCurrency money = kernel.base(last);
            BigDecimal zero = money.zero();
            Map<String, TargetDTO> targets = new HashMap<>();
            em.createQuery("SELECT t FROM TargetEntity t WHERE t.teamId = :team AND t.month = :month", TargetEntity.class)
                .setParameter("team", teamId).setParameter("month", month).getResultList()
                .forEach(t -> targets.put(t.member, TeamServiceImpl.toDto(t)));
            Map<String, Long> wonDeals = new HashMap<>();
            Map<String, BigDecimal> wonRevenue = new HashMap<>();
            for (Object[] r : query(em, "SELECT o.owner, o.currency, COUNT(o), SUM(o.expectedRevenue) FROM OpportunityEntity o WHERE o.owner IN :members"
                + " AND o.stage IN :won AND o.closedOn >= :first AND o.closedOn <= :last GROUP BY o.owner, o.currency",
                Map.of("members", team.members, "won", wonStages, "first", first, "last", last))) {
                wonDeals.merge((String) r[0], ((Number) r[2]).longValue(), Long::sum);
                wonRevenue.merge((String) r[0], money.of((BigDecimal) r[3], (String) r[1]), BigDecimal::add);
            }
            Map<String, Long> activitiesDone = new HashMap<>();
            for (Object[] r : query(em, "SELECT a.owner, COUNT(a) FROM ActivityEntity a WHERE a.owner IN :members AND a.done = true"
                + " AND a.completedAt >= :first AND a.completedAt < :after GROUP BY a.owner",
                Map.of("members", team.members, "first", first.atStartOfDay(), "after", last.plusDays(1).atStartOfDay()))) {
                activitiesDone.put((String) r[0], ((Number) r[1]).longValue());
            }
            List<TeamPerformanceDTO.Row> rows = new ArrayList<>();
            for (String member : new java.util.TreeSet<>(team.members)) {
                if (!whole && !member.equals(me)) {
                    continue;
                }
                TargetDTO target = targets.get(member);
                BigDecimal targetRevenue = target == null ? zero : target.revenue();
                BigDecimal revenue = wonRevenue.getOrDefault(member, zero);
                rows.add(new TeamPerformanceDTO.Row(member, targetRevenue, revenue,
                    targetRevenue.signum() == 0 ? null : revenue.multiply(HUNDRED).divide(targetRevenue, 1, RoundingMode.HALF_UP),
                    target == null ? 0 : target.wonDeals(), wonDeals.getOrDefault(member, 0L), target == null ? 0 : target.activities(),
                    activitiesDone.getOrDefault(member, 0L)));
            }
            return new TeamPerformanceDTO(teamId, team.name, month, money.code, rows);
        });
    }

    @Override
    public CaseReportDTO cases() {
        Set<String> owners = scope.visibleOwners();
        LocalDateTime now = Times.now();
        return jpa.txExpr(TransactionType.Supports, em -> {
            TypedQuery<CaseEntity> query = em.createQuery("SELECT c FROM CaseEntity c" + (owners == null ? "" : " WHERE c.owner IN :owners"),
                CaseEntity.class);
            if (owners != null) {
                query.setParameter("owners", owners);
            }
            Map<String, Long> byState = new LinkedHashMap<>();
            CaseServiceImpl.OPEN_STATES.forEach(s -> byState.put(s, 0L));
            byState.put("resolved", 0L);
            byState.put("closed", 0L);
            Map<CasePriority, Long> openByPriority = new EnumMap<>(CasePriority.class);
            long open = 0;
            long responseBreaches = 0;
            long resolutionBreaches = 0;
            long responded = 0;
            long responseMinutes = 0;
            long resolved = 0;
            long resolutionMinutes = 0;
            for (CaseEntity c : query.getResultList()) {
                byState.merge(c.state, 1L, Long::sum);
                if (CaseServiceImpl.OPEN_STATES.contains(c.state)) {
                    open++;
                    openByPriority.merge(c.priority, 1L, Long::sum);
                }
                responseBreaches += CaseServiceImpl.responseBreached(c, now) ? 1 : 0;
                resolutionBreaches += CaseServiceImpl.resolutionBreached(c, now) ? 1 : 0;
                if (c.firstResponseAt != null) {
                    responded++;
                    responseMinutes += Duration.between(c.createdAt, c.firstResponseAt).toSeconds();
                }
                if (c.resolvedAt != null) {
                    resolved++;
                    resolutionMinutes += Duration.between(c.createdAt, c.resolvedAt).toSeconds();
                }
            }
            return new CaseReportDTO(Times.instant(now), open, byState, openByPriority, responseBreaches, resolutionBreaches,
                hours(responseMinutes, responded), hours(resolutionMinutes, resolved));
        });
    }

    private static BigDecimal hours(long seconds, long count) {
        return count == 0 ? null : BigDecimal.valueOf(seconds).divide(BigDecimal.valueOf(3600L * count), 2, RoundingMode.HALF_UP);
    }

    /** {@code part} of {@code whole} in percent with one decimal; null when there is no whole. */
    static BigDecimal percent(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).multiply(HUNDRED).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }

    private static void checkPeriod(LocalDate from, LocalDate to) {
        if (from != null && to != null && to.isBefore(from)) {
            throw new ValidationException("to", "must not be before from");
        }
    }

    private static LocalDate rateDate(LocalDate to) {
        LocalDate today = Times.today();
        return to == null || to.isAfter(today) ? today : to;
    }

    private static void period(StringBuilder jpql, Map<String, Object> params, String field, LocalDate from, LocalDate to) {
        if (from != null) {
            jpql.append(" AND ").append(field).append(" >= :from");
            params.put("from", from);
        }
        if (to != null) {
            jpql.append(" AND ").append(field).append(" <= :to");
            params.put("to", to);
        }
    }

    private static List<Object[]> query(EntityManager em, String jpql, Map<String, Object> params) {
        TypedQuery<Object[]> query = em.createQuery(jpql, Object[].class);
        params.forEach(query::setParameter);
        return query.getResultList();
    }

    private static Map<Long, long[]> counts(EntityManager em, String jpql) {
        Map<Long, long[]> counts = new HashMap<>();
        for (Object[] r : query(em, jpql, Map.of())) {
            long[] values = new long[r.length - 1];
            for (int i = 1; i < r.length; i++) {
                values[i - 1] = r[i] == null ? 0 : ((Number) r[i]).longValue();
            }
            counts.put((Long) r[0], values);
        }
        return counts;
    }
}
