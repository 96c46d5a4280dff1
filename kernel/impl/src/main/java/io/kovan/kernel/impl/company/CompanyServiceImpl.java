package io.kovan.kernel.impl.company;

import java.util.List;
import java.util.Set;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import io.kovan.kernel.impl.audit.MasterDataChanges;
import io.kovan.kernel.impl.module.SchemaReady;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.kovan.kernel.api.ConflictException;
import io.kovan.kernel.api.NotFoundException;
import io.kovan.kernel.api.ValidationException;
import io.kovan.kernel.api.company.CompanyDTO;
import io.kovan.kernel.api.company.CompanyService;
import io.kovan.kernel.api.currency.CurrencyService;
import io.kovan.kernel.api.party.PartyDTO;
import io.kovan.kernel.api.party.PartyKind;
import io.kovan.kernel.api.party.PartyService;
import io.kovan.kernel.api.persistence.Constraints;
import io.kovan.kernel.api.persistence.MasterDataCache;

/** Companies in KV_COMPANY; creates the first one at first start from the {@code io.kovan.core} configuration. */
@Component(service = CompanyService.class, immediate = true, configurationPid = "io.kovan.core")
@Designate(ocd = CompanyServiceImpl.Config.class)
public class CompanyServiceImpl implements CompanyService {

    /** Companies are parties, kept with them: a change of a party is a change of its company. */
    static final String CACHE_REGION = "core.party";

    /** The kernel's settings for the company created at first start. */
    @ObjectClassDefinition(name = "Kovan kernel", description = "The company created at first start (etc/io.kovan.core.cfg)")
    public @interface Config {
        @AttributeDefinition(name = "Company name", description = "Name of the company created at first start")
        String company_name() default "My Company";

        @AttributeDefinition(name = "Company tax number", description = "Its VKN (10 digits), or empty")
        String company_taxNumber() default "";

        @AttributeDefinition(name = "Base currency", description = "ISO 4217 currency its books are kept in")
        String company_currency() default "TRY";
    }

    private static final Logger LOG = LoggerFactory.getLogger(CompanyServiceImpl.class);

    private final JpaTemplate jpa;
    private final PartyService parties;
    private final CurrencyService currencies;
    private final MasterDataChanges changes;
    private final MasterDataCache cache;

    @Activate
    public CompanyServiceImpl(@Reference(target = "(osgi.unit.name=kovan-core)") JpaTemplate jpa, @Reference SchemaReady schemaReady, @Reference PartyService parties,
        @Reference CurrencyService currencies, @Reference MasterDataChanges changes, @Reference MasterDataCache cache, Config config) {
        this.jpa = jpa;
        this.cache = cache;
        this.changes = changes;
        this.parties = parties;
        this.currencies = currencies;
        createFirstCompany(config);
    }

    private void createFirstCompany(Config config) {
        jpa.tx(TransactionType.Required, em -> {
            if (count(em) > 0) {
                return;
            }
            String taxNumber = config.company_taxNumber().isBlank() ? null : config.company_taxNumber();
            PartyDTO party = parties.create(new PartyDTO(null, null, PartyKind.ORGANIZATION, config.company_name(), Set.of(),
                null, taxNumber, List.of(), List.of(), null, null, null, null, config.company_currency(), null, null, null));
            CompanyDTO company = create(party.id(), config.company_currency());
            LOG.info("Created the first company {} ({}) keeping books in {}", config.company_name(), party.code(), company.baseCurrency());
        });
    }

    @Override
    public List<CompanyDTO> list() {
        return jpa.txExpr(TransactionType.Supports, em -> companies(em, "", null, 0));
    }

    @Override
    public CompanyDTO get(long id) {
        CompanyDTO company = cache.get(CACHE_REGION, "company/" + id, () -> jpa.txExpr(TransactionType.Supports, em -> companies(em, " AND c.id = :id", id, 1))
            .stream().findFirst().orElse(null));
        if (company == null) {
            throw new NotFoundException("Company", id);
        }
        return company;
    }

    @Override
    public CompanyDTO defaultCompany() {
        // Every posting and document asks for it: one row with its party's name, not every company with its whole party.
        CompanyDTO company = cache.get(CACHE_REGION, "company/default", () -> jpa.txExpr(TransactionType.Supports, em -> companies(em, "", null, 1))
            .stream().findFirst().orElse(null));
        if (company == null) {
            throw new NotFoundException("Company", "default");
        }
        return company;
    }

    /** Companies with their party's name and tax number, in one query, lowest id first. */
    private static List<CompanyDTO> companies(EntityManager em, String where, Long id, int limit) {
        javax.persistence.TypedQuery<Object[]> q = em.createQuery("SELECT c.id, c.partyId, p.name, p.taxNumber, c.baseCurrency "
            + "FROM CompanyEntity c, PartyEntity p WHERE p.id = c.partyId" + where + " ORDER BY c.id", Object[].class);
        if (id != null) {
            q.setParameter("id", id);
        }
        if (limit > 0) {
            q.setMaxResults(limit);
        }
        return q.getResultList().stream().map(r -> new CompanyDTO((Long) r[0], (Long) r[1], (String) r[2], (String) r[3], (String) r[4])).toList();
    }

    @Override
    public CompanyDTO create(long partyId, String baseCurrency) {
        PartyDTO party;
        try {
            party = parties.get(partyId);
        } catch (NotFoundException e) {
            throw new ValidationException("partyId", "unknown party " + partyId);
        }
        if (party.kind() != PartyKind.ORGANIZATION) {
            throw new ValidationException("partyId", "a company must be an organisation");
        }
        if (baseCurrency == null || currencies.list().stream().noneMatch(c -> c.code().equals(baseCurrency))) {
            throw new ValidationException("baseCurrency", "unknown currency " + baseCurrency);
        }
        return jpa.txExpr(TransactionType.Required, em -> {
            cache.changed(CACHE_REGION);
            if (!em.createQuery("SELECT c.id FROM CompanyEntity c WHERE c.partyId = :p", Long.class).setParameter("p", partyId)
                .getResultList().isEmpty()) {
                throw new ConflictException("Party " + party.code() + " is already a company");
            }
            CompanyEntity e = new CompanyEntity();
            e.partyId = partyId;
            e.baseCurrency = baseCurrency;
            em.persist(e);
            Constraints.flush(em, () -> "Party " + party.code() + " is already a company");
            CompanyDTO created = new CompanyDTO(e.id, e.partyId, party.name(), party.taxNumber(), e.baseCurrency);
            changes.written("core.company", String.valueOf(e.id), "created", null, created,
                java.util.Map.of("partyId", partyId, "name", created.name(), "baseCurrency", baseCurrency));
            return created;
        });
    }

    private static long count(EntityManager em) {
        return em.createQuery("SELECT COUNT(c) FROM CompanyEntity c", Long.class).getSingleResult();
    }
}
