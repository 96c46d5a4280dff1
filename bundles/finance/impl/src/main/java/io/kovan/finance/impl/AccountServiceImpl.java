package io.kovan.finance.impl;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.persistence.EntityManager;
import javax.persistence.criteria.Predicate;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.kovan.finance.api.AccountDTO;
import io.kovan.finance.api.AccountService;
import io.kovan.finance.api.AccountType;
import io.kovan.kernel.api.NotFoundException;
import io.kovan.kernel.api.Page;
import io.kovan.kernel.api.PageRequest;
import io.kovan.kernel.api.StaleVersionException;
import io.kovan.kernel.api.Transactions;
import io.kovan.kernel.api.Violations;
import io.kovan.kernel.api.audit.AuditService;
import io.kovan.kernel.api.persistence.Constraints;
import io.kovan.kernel.api.persistence.Queries;

/**
 * The chart of accounts in KV_FIN_ACCOUNT. At the first start of a company it loads the
 * configured template (resource {@code chart/<template>.txt}: the accounts and the DEFAULT posting
 * rules), so a new company can invoice at once.
 */
@Component(service = {AccountService.class, AccountServiceImpl.class})
public class AccountServiceImpl implements AccountService {

    static final String PURPOSE_PREFIX = "@";

    private final JpaTemplate jpa;
    private final Company company;
    private final AuditService audit;

    @Activate
    public AccountServiceImpl(@Reference(target = "(osgi.unit.name=kovan-finance)") JpaTemplate jpa, @Reference Transactions kernelReady,
        @Reference Company company, @Reference AuditService audit) {
        this.jpa = jpa;
        this.company = company;
        this.audit = audit;
        loadTemplateIfEmpty();
    }

    private void loadTemplateIfEmpty() {
        long companyId = company.id();
        jpa.tx(TransactionType.Required, em -> {
            long accounts = em.createQuery("SELECT COUNT(a) FROM AccountEntity a WHERE a.companyId = :c", Long.class).setParameter("c", companyId)
                .getSingleResult();
            String template = company.chartTemplate();
            List<String[]> rows = new ArrayList<>();
            Map<String, String> rules = new java.util.LinkedHashMap<>();
            try (InputStream in = AccountServiceImpl.class.getResourceAsStream("/chart/" + template + ".txt")) {
                if (in == null) {
                    throw new IllegalStateException("No chart template " + template + " (chart.template in etc/io.kovan.finance.cfg: TR or GENERIC)");
                }
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (line.isBlank() || line.startsWith("#")) {
                        continue;
                    }
                    String[] fields = line.split("\\|");
                    if (line.startsWith(PURPOSE_PREFIX)) {
                        rules.put(fields[0].substring(1), fields[1]);
                    } else {
                        rows.add(fields);
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read chart template " + template, e);
            }
            if (accounts > 0) {
                addMissingRules(em, companyId, rules);
                return;
            }
            Map<String, AccountEntity> byCode = new HashMap<>();
            for (String[] row : rows) {
                AccountEntity a = new AccountEntity();
                a.companyId = companyId;
                a.code = row[0];
                a.name = row[1];
                a.type = AccountType.valueOf(row[2]).name();
                a.active = true;
                AccountEntity parent = parentOf(byCode, a.code);
                a.parentId = parent == null ? null : parent.id;
                a.postable = rows.stream().noneMatch(other -> other[0].length() > row[0].length() && other[0].startsWith(row[0]));
                em.persist(a);
                em.flush();
                byCode.put(a.code, a);
            }
            rules.forEach((purpose, code) -> defaultRule(em, companyId, purpose, byCode.get(code).id));
        });
    }

    /**
     * A purpose a later version brought (exchange differences, say) gets the template's DEFAULT
     * rule in a chart loaded before it, when the chart has that account and it takes postings.
     */
    private static void addMissingRules(EntityManager em, long companyId, Map<String, String> rules) {
        rules.forEach((purpose, code) -> {
            long defined = em.createQuery("SELECT COUNT(r) FROM RuleEntity r WHERE r.companyId = :c AND r.purpose = :p AND r.matchKind = :k", Long.class)
                .setParameter("c", companyId).setParameter("p", purpose).setParameter("k", PostingRuleServiceImpl.DEFAULT).getSingleResult();
            // A bound flag: EclipseLink writes a TRUE literal as 1, which Derby's BOOLEAN column refuses.
            List<AccountEntity> account = em.createQuery("SELECT a FROM AccountEntity a WHERE a.companyId = :c AND a.code = :code AND a.postable = :postable",
                AccountEntity.class).setParameter("c", companyId).setParameter("code", code).setParameter("postable", true).getResultList();
            if (defined == 0 && !account.isEmpty()) {
                defaultRule(em, companyId, purpose, account.get(0).id);
            }
        });
    }

    private static void defaultRule(EntityManager em, long companyId, String purpose, long accountId) {
        RuleEntity r = new RuleEntity();
        r.companyId = companyId;
        r.purpose = PostingRuleServiceImpl.purpose(purpose);
        r.matchKind = PostingRuleServiceImpl.DEFAULT;
        r.matchValue = "";
        r.accountId = accountId;
        em.persist(r);
    }

    /** The longest code in the chart that starts the new one: 102.01 → 102 → 10 → 1. */
    private static AccountEntity parentOf(Map<String, AccountEntity> byCode, String code) {
        for (int length = code.length() - 1; length > 0; length--) {
            AccountEntity parent = byCode.get(code.substring(0, length).replaceAll("\\.$", ""));
            if (parent != null) {
                return parent;
            }
        }
        return null;
    }

    @Override
    public AccountDTO create(AccountDTO account) {
        long companyId = company.id();
        return jpa.txExpr(TransactionType.Required, em -> {
            AccountEntity a = new AccountEntity();
            a.companyId = companyId;
            apply(em, a, account, true);
            em.persist(a);
            Constraints.flush(em, () -> "Account " + a.code + " exists already");
            AccountDTO created = toDto(em, a);
            audit.record("finance.account", String.valueOf(a.id), "created", AuditService.diff(null, created));
            return created;
        });
    }

    @Override
    public AccountDTO update(long id, AccountDTO account) {
        return jpa.txExpr(TransactionType.Required, em -> {
            AccountEntity a = load(em, id);
            new Violations().require("version", account.version()).throwIfAny();
            if (account.version() != a.version) {
                throw new StaleVersionException("Account", id, account.version(), a.version);
            }
            AccountDTO before = toDto(em, a);
            apply(em, a, account, false);
            Constraints.flush(em, () -> "Account " + a.code + " exists already");
            AccountDTO after = toDto(em, a);
            audit.record("finance.account", String.valueOf(a.id), "updated", AuditService.diff(before, after));
            return after;
        });
    }

    private void apply(EntityManager em, AccountEntity a, AccountDTO in, boolean creating) {
        Violations v = new Violations();
        v.requireText("code", in.code(), 32).requireText("name", in.name(), 200).require("type", in.type());
        v.check(in.code() == null || in.code().strip().matches("[0-9A-Za-z]+(\\.[0-9A-Za-z]+)*"), "code", "must be digits or letters, parts separated by dots");
        AccountEntity parent = null;
        if (in.parentId() != null) {
            parent = em.find(AccountEntity.class, in.parentId());
            v.check(parent != null && parent.companyId == a.companyId, "parentId", "unknown account " + in.parentId());
            // Not itself, nor anything below it: the chart stays a tree.
            for (AccountEntity up = parent; up != null && a.id != null; up = up.parentId == null ? null : em.find(AccountEntity.class, up.parentId)) {
                if (up.id.equals(a.id)) {
                    v.check(false, "parentId", "cannot be the account itself or one below it");
                    break;
                }
            }
        }
        v.throwIfAny();
        boolean postable = in.postable() != null ? in.postable() : creating || a.postable;
        if (!creating && postable && !a.postable && !em.createQuery("SELECT a FROM AccountEntity a WHERE a.parentId = :p", AccountEntity.class)
            .setParameter("p", a.id).setMaxResults(1).getResultList().isEmpty()) {
            throw new io.kovan.kernel.api.ConflictException("Account " + a.code + " has accounts below it; a heading takes no postings");
        }
        if (!creating && !postable && a.postable && hasPostings(em, a.id)) {
            throw new io.kovan.kernel.api.ConflictException("Account " + a.code + " has postings; it stays postable");
        }
        if (parent != null && parent.postable && hasPostings(em, parent.id)) {
            throw new io.kovan.kernel.api.ConflictException("Account " + parent.code + " has postings; it cannot take sub-accounts");
        }
        a.code = in.code().strip();
        a.name = in.name().strip();
        a.type = in.type().name();
        a.parentId = parent == null ? null : parent.id;
        a.postable = postable;
        a.active = in.active() == null || in.active();
        if (parent != null && parent.postable) {
            // A sub-account (102.01 under 102) makes its parent a heading.
            parent.postable = false;
        }
    }

    static boolean hasPostings(EntityManager em, long accountId) {
        return !em.createNativeQuery("SELECT 1 FROM KV_FIN_ENTRY_LINE WHERE ACCOUNT_ID = ?").setParameter(1, accountId).setMaxResults(1)
            .getResultList().isEmpty();
    }

    @Override
    public AccountDTO get(long id) {
        return jpa.txExpr(TransactionType.Supports, em -> toDto(em, load(em, id)));
    }

    @Override
    public AccountDTO byCode(String code) {
        long companyId = company.id();
        return jpa.txExpr(TransactionType.Supports, em -> {
            AccountEntity a = find(em, companyId, code);
            if (a == null) {
                throw new NotFoundException("Account", code);
            }
            return toDto(em, a);
        });
    }

    static AccountEntity find(EntityManager em, long companyId, String code) {
        List<AccountEntity> found = em.createQuery("SELECT a FROM AccountEntity a WHERE a.companyId = :c AND a.code = :code", AccountEntity.class)
            .setParameter("c", companyId).setParameter("code", code == null ? "" : code.strip()).getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    /**
     * The postable, active account a line names by id or code, or a violation against
     * {@code field}: postings go to accounts of this company that take them.
     */
    static AccountEntity postable(EntityManager em, Violations v, String field, long companyId, Long id, String code) {
        AccountEntity a = id != null ? em.find(AccountEntity.class, id) : code != null ? find(em, companyId, code) : null;
        if (id == null && code == null) {
            v.require(field, null);
            return null;
        }
        if (a == null || a.companyId != companyId) {
            v.check(false, field, "unknown account " + (id != null ? id : code));
            return null;
        }
        v.check(a.postable, field, "account " + a.code + " is a heading; post to an account below it");
        v.check(a.active, field, "account " + a.code + " is inactive");
        return a.postable && a.active ? a : null;
    }

    @Override
    public Page<AccountDTO> list(PageRequest request) {
        long companyId = company.id();
        String sort = request.sortField(Set.of("code", "name"), "code");
        AccountType type = Queries.enumValue(AccountType.class, "type", request.filter("type"));
        Long parent = request.longFilter("parent");
        Boolean postable = request.booleanFilter("postable");
        Boolean active = request.booleanFilter("active");
        return jpa.txExpr(TransactionType.Supports, em -> {
            Map<Long, String> codes = codes(em, companyId);
            return Queries.page(em, AccountEntity.class, request, (cb, a) -> {
                List<Predicate> where = new ArrayList<>();
                where.add(cb.equal(a.get("companyId"), companyId));
                if (request.q() != null) {
                    String like = Queries.containsPattern(request.q());
                    where.add(cb.or(cb.like(cb.lower(a.get("code")), like, '\\'), cb.like(cb.lower(a.get("name")), like, '\\')));
                }
                if (type != null) {
                    where.add(cb.equal(a.get("type"), type.name()));
                }
                if (parent != null) {
                    where.add(cb.equal(a.get("parentId"), parent));
                }
                if (postable != null) {
                    where.add(cb.equal(a.get("postable"), postable));
                }
                if (active != null) {
                    where.add(cb.equal(a.get("active"), active));
                }
                return where;
            }, sort, "id", a -> toDto(a, codes));
        });
    }

    @Override
    public List<AccountDTO> tree() {
        long companyId = company.id();
        return jpa.txExpr(TransactionType.Supports, em -> {
            Map<Long, String> codes = codes(em, companyId);
            return em.createQuery("SELECT a FROM AccountEntity a WHERE a.companyId = :c", AccountEntity.class).setParameter("c", companyId)
                .getResultList().stream().sorted(Comparator.comparing((AccountEntity a) -> a.code)).map(a -> toDto(a, codes)).toList();
        });
    }

    /** Every account's code by id. */
    static Map<Long, String> codes(EntityManager em, long companyId) {
        Map<Long, String> codes = new HashMap<>();
        for (Object o : em.createNativeQuery("SELECT ID, CODE FROM KV_FIN_ACCOUNT WHERE COMPANY_ID = ?").setParameter(1, companyId).getResultList()) {
            Object[] row = (Object[]) o;
            codes.put(((Number) row[0]).longValue(), (String) row[1]);
        }
        return codes;
    }

    static AccountEntity load(EntityManager em, long id) {
        AccountEntity a = em.find(AccountEntity.class, id);
        if (a == null) {
            throw new NotFoundException("Account", id);
        }
        return a;
    }

    private static AccountDTO toDto(EntityManager em, AccountEntity a) {
        AccountEntity parent = a.parentId == null ? null : em.find(AccountEntity.class, a.parentId);
        return new AccountDTO(a.id, a.code, a.name, AccountType.valueOf(a.type), a.parentId, parent == null ? null : parent.code, a.postable, a.active,
            a.version);
    }

    static AccountDTO toDto(AccountEntity a, Map<Long, String> codes) {
        return new AccountDTO(a.id, a.code, a.name, AccountType.valueOf(a.type), a.parentId, a.parentId == null ? null : codes.get(a.parentId),
            a.postable, a.active, a.version);
    }
}
