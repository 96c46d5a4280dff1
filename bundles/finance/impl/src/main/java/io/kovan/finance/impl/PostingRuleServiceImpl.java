package io.kovan.finance.impl;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.kovan.finance.api.PostingRuleDTO;
import io.kovan.finance.api.PostingRuleService;
import io.kovan.kernel.api.ConflictException;
import io.kovan.kernel.api.NotFoundException;
import io.kovan.kernel.api.StaleVersionException;
import io.kovan.kernel.api.ValidationException;
import io.kovan.kernel.api.Violations;
import io.kovan.kernel.api.audit.AuditService;
import io.kovan.kernel.api.persistence.Constraints;

/** Posting rules in KV_FIN_RULE, and how an automatic posting finds its account by them. */
@Component(service = {PostingRuleService.class, PostingRuleServiceImpl.class})
public class PostingRuleServiceImpl implements PostingRuleService {

    static final String DEFAULT = "DEFAULT";
    static final String PRODUCT_CATEGORY = "PRODUCT_CATEGORY";
    static final String CUSTOMER_GROUP = "CUSTOMER_GROUP";
    static final String VAT_RATE = "VAT_RATE";
    /** The narrowest first: a product's category beats the customer's group, which beats the VAT rate, which beats the default. */
    static final List<String> MATCH_KINDS = List.of(PRODUCT_CATEGORY, CUSTOMER_GROUP, VAT_RATE, DEFAULT);
    static final Set<String> PURPOSES = Set.of("RECEIVABLE", "REVENUE", "SALES_RETURN", "VAT_OUTPUT", "VAT_INPUT", "PAYABLE", "INVENTORY", "COGS",
        "EXPENSE", "CASH", "BANK", "FX_GAIN", "FX_LOSS", "YEAR_PROFIT", "YEAR_LOSS", "STOCK_GAIN", "STOCK_LOSS");

    private final JpaTemplate jpa;
    private final Company company;
    private final AuditService audit;

    @Activate
    public PostingRuleServiceImpl(@Reference(target = "(osgi.unit.name=kovan-finance)") JpaTemplate jpa, @Reference Company company,
        @Reference AuditService audit) {
        this.jpa = jpa;
        this.company = company;
        this.audit = audit;
    }

    static String purpose(String raw) {
        String p = raw == null ? null : raw.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        if (p == null || !PURPOSES.contains(p)) {
            throw new ValidationException("purpose", "must be one of " + new java.util.TreeSet<>(PURPOSES));
        }
        return p;
    }

    /** What a posting knows about a line, to choose among the rules. */
    record Match(String productCategory, String customerGroup, java.math.BigDecimal vatRate) {
        static final Match NONE = new Match(null, null, null);

        String value(String kind) {
            return switch (kind) {
                case PRODUCT_CATEGORY -> productCategory;
                case CUSTOMER_GROUP -> customerGroup;
                case VAT_RATE -> vatRate == null ? null : vatRate.stripTrailingZeros().toPlainString();
                default -> "";
            };
        }
    }

    /** The company's rules, read once for a posting. */
    static final class Rules {
        private final Map<String, Long> accounts = new java.util.HashMap<>();
        private final Map<Long, String> partyAccounts = new java.util.HashMap<>();
        private final EntityManager em;

        Rules(EntityManager em, long companyId) {
            this.em = em;
            em.createQuery("SELECT r FROM RuleEntity r WHERE r.companyId = :c", RuleEntity.class).setParameter("c", companyId).getResultList()
                .forEach(r -> {
                    accounts.put(r.purpose + "|" + r.matchKind + "|" + r.matchValue, r.accountId);
                    if (r.purpose.equals("RECEIVABLE") || r.purpose.equals("PAYABLE")) {
                        partyAccounts.put(r.accountId, r.purpose);
                    }
                });
        }

        /** The DEFAULT rule's account of a purpose, whatever state it is in (null without one): to tell what lies below it. */
        Long defaultAccount(String purpose) {
            return accounts.get(purpose + "|" + DEFAULT + "|");
        }

        /** RECEIVABLE or PAYABLE when a rule makes the account a party account, else null. */
        String purposeOfPartyAccount(long accountId) {
            return partyAccounts.get(accountId);
        }

        /** The account for the purpose, by the narrowest rule that matches; a 409 when even the default is missing. */
        long account(String purpose, Match match) {
            for (String kind : MATCH_KINDS) {
                String value = match.value(kind);
                Long account = value == null ? null : accounts.get(purpose + "|" + kind + "|" + value);
                if (account != null) {
                    AccountEntity a = em.find(AccountEntity.class, account);
                    if (!a.postable || !a.active) {
                        throw new ConflictException("The " + kind + " rule for " + purpose + " names account " + a.code + ", which "
                            + (a.postable ? "is inactive" : "is a heading now") + "; point the rule at a postable account");
                    }
                    return account;
                }
            }
            throw new ConflictException("No posting rule gives an account for " + purpose + "; add a DEFAULT rule (/api/finance/posting-rules)");
        }
    }

    @Override
    public List<PostingRuleDTO> list() {
        long companyId = company.id();
        return jpa.txExpr(TransactionType.Supports, em -> {
            Map<Long, String> codes = AccountServiceImpl.codes(em, companyId);
            return em.createQuery("SELECT r FROM RuleEntity r WHERE r.companyId = :c", RuleEntity.class).setParameter("c", companyId).getResultList()
                .stream().sorted(Comparator.comparing((RuleEntity r) -> r.purpose).thenComparing(r -> MATCH_KINDS.indexOf(r.matchKind))
                    .thenComparing(r -> r.matchValue)).map(r -> toDto(r, codes)).toList();
        });
    }

    @Override
    public PostingRuleDTO create(PostingRuleDTO rule) {
        long companyId = company.id();
        return jpa.txExpr(TransactionType.Required, em -> {
            RuleEntity r = new RuleEntity();
            r.companyId = companyId;
            apply(em, r, rule);
            em.persist(r);
            Constraints.flush(em, () -> "A rule for " + r.purpose + " " + r.matchKind + " " + r.matchValue + " exists already");
            PostingRuleDTO created = toDto(r, AccountServiceImpl.codes(em, companyId));
            audit.record("finance.posting-rule", String.valueOf(r.id), "created", AuditService.diff(null, created));
            return created;
        });
    }

    @Override
    public PostingRuleDTO update(long id, PostingRuleDTO rule) {
        long companyId = company.id();
        return jpa.txExpr(TransactionType.Required, em -> {
            RuleEntity r = load(em, id, companyId);
            new Violations().require("version", rule.version()).throwIfAny();
            if (rule.version() != r.version) {
                throw new StaleVersionException("Posting rule", id, rule.version(), r.version);
            }
            PostingRuleDTO before = toDto(r, AccountServiceImpl.codes(em, companyId));
            apply(em, r, rule);
            Constraints.flush(em, () -> "A rule for " + r.purpose + " " + r.matchKind + " " + r.matchValue + " exists already");
            PostingRuleDTO after = toDto(r, AccountServiceImpl.codes(em, companyId));
            audit.record("finance.posting-rule", String.valueOf(r.id), "updated", AuditService.diff(before, after));
            return after;
        });
    }

    @Override
    public void delete(long id) {
        long companyId = company.id();
        jpa.tx(TransactionType.Required, em -> {
            RuleEntity r = load(em, id, companyId);
            PostingRuleDTO before = toDto(r, AccountServiceImpl.codes(em, companyId));
            em.remove(r);
            audit.record("finance.posting-rule", String.valueOf(id), "deleted", AuditService.diff(before, null));
        });
    }

    private void apply(EntityManager em, RuleEntity r, PostingRuleDTO in) {
        Violations v = new Violations();
        v.require("purpose", in.purpose()).require("matchKind", in.matchKind());
        v.throwIfAny();
        String kind = in.matchKind().strip().toUpperCase(Locale.ROOT).replace('-', '_');
        v.check(MATCH_KINDS.contains(kind), "matchKind", "must be one of " + MATCH_KINDS);
        v.check(DEFAULT.equals(kind) ? in.matchValue() == null || in.matchValue().isBlank() : in.matchValue() != null && !in.matchValue().isBlank(),
            "matchValue", DEFAULT.equals(kind) ? "must be empty for a DEFAULT rule" : "is required");
        v.maxLength("matchValue", in.matchValue(), 64);
        if (VAT_RATE.equals(kind) && in.matchValue() != null) {
            v.check(in.matchValue().strip().matches("\\d{1,2}(\\.\\d{1,2})?"), "matchValue", "must be a VAT rate such as 20 or 1");
        }
        String purpose = null;
        try {
            purpose = purpose(in.purpose());
        } catch (ValidationException e) {
            v.check(false, "purpose", e.violations().get(0).message());
        }
        AccountEntity account = AccountServiceImpl.postable(em, v, "accountId", r.companyId, in.accountId(), in.accountCode());
        v.throwIfAny();
        r.purpose = purpose;
        r.matchKind = kind;
        r.matchValue = DEFAULT.equals(kind) ? "" : VAT_RATE.equals(kind) ? new java.math.BigDecimal(in.matchValue().strip()).stripTrailingZeros()
            .toPlainString() : in.matchValue().strip();
        r.accountId = account.id;
    }

    private static RuleEntity load(EntityManager em, long id, long companyId) {
        RuleEntity r = em.find(RuleEntity.class, id);
        if (r == null || r.companyId != companyId) {
            throw new NotFoundException("Posting rule", id);
        }
        return r;
    }

    private static PostingRuleDTO toDto(RuleEntity r, Map<Long, String> codes) {
        return new PostingRuleDTO(r.id, r.purpose, r.matchKind, DEFAULT.equals(r.matchKind) ? null : r.matchValue, r.accountId, codes.get(r.accountId),
            r.version);
    }
}
