package io.kovan.kernel.impl.party;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javax.persistence.EntityManager;
import javax.persistence.criteria.CriteriaBuilder;
import javax.persistence.criteria.Predicate;
import javax.persistence.criteria.Root;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.kovan.kernel.impl.module.SchemaReady;

import io.kovan.kernel.api.ConflictException;
import io.kovan.kernel.api.NotFoundException;
import io.kovan.kernel.api.Page;
import io.kovan.kernel.api.PageRequest;
import io.kovan.kernel.api.StaleVersionException;
import io.kovan.kernel.api.Violations;
import io.kovan.kernel.api.audit.AuditService;
import io.kovan.kernel.api.currency.CurrencyDTO;
import io.kovan.kernel.api.currency.CurrencyService;
import io.kovan.kernel.api.event.EventPublisher;
import io.kovan.kernel.api.numbering.NumberingService;
import io.kovan.kernel.api.party.AddressDTO;
import io.kovan.kernel.api.party.ContactPersonDTO;
import io.kovan.kernel.api.party.PartyDTO;
import io.kovan.kernel.api.party.PartyKind;
import io.kovan.kernel.api.party.PartyRole;
import io.kovan.kernel.api.party.PartyService;
import io.kovan.kernel.api.persistence.MasterDataCache;
import io.kovan.kernel.api.validation.Phones;
import io.kovan.kernel.api.validation.TaxNumbers;
import io.kovan.kernel.api.persistence.Constraints;
import io.kovan.kernel.api.persistence.Money;
import io.kovan.kernel.api.persistence.Queries;

/** Parties in KV_PARTY, coded from the {@code C} number series. */
@Component(service = PartyService.class)
public class PartyServiceImpl implements PartyService {

    static final String CACHE_REGION = "core.party";

    static final String SERIES = "C";
    private static final Set<String> SORT_FIELDS = Set.of("code", "name", "createdAt");

    private final JpaTemplate jpa;
    private final NumberingService numbering;
    private final CurrencyService currencies;
    private final EventPublisher events;
    private final AuditService audit;
    private final MasterDataCache cache;

    @Activate
    public PartyServiceImpl(@Reference(target = "(osgi.unit.name=kovan-core)") JpaTemplate jpa, @Reference SchemaReady schemaReady,
        @Reference NumberingService numbering, @Reference CurrencyService currencies, @Reference EventPublisher events,
        @Reference AuditService audit, @Reference MasterDataCache cache) {
        this.jpa = jpa;
        this.cache = cache;
        this.numbering = numbering;
        this.currencies = currencies;
        this.events = events;
        this.audit = audit;
        // Off the start-up thread: the kernel's activation must not wait on database work.
        java.util.concurrent.CompletableFuture.runAsync(this::fillPhoneKeys).exceptionally(e -> {
            org.slf4j.LoggerFactory.getLogger(PartyServiceImpl.class).warn("Could not fill the phone keys of older parties: {}", e.toString());
            return null;
        });
    }

    /** Parties written before phone keys existed get theirs (those with under seven digits keep none). */
    private void fillPhoneKeys() {
        jpa.tx(TransactionType.Required, em -> {
            List<PartyEntity> older = em.createQuery("SELECT p FROM PartyEntity p WHERE p.phone IS NOT NULL AND p.phoneKey IS NULL", PartyEntity.class)
                .getResultList();
            if (!older.isEmpty()) {
                cache.changed(CACHE_REGION);
                older.forEach(p -> p.phoneKey = Phones.key(p.phone));
            }
        });
    }

    @Override
    public PartyDTO create(PartyDTO party) {
        int currencyDecimals = validate(party);
        return jpa.txExpr(TransactionType.Required, em -> {
            cache.changed(CACHE_REGION);
            refuseDuplicateTaxNumber(em, party.taxNumber(), null);
            PartyEntity e = new PartyEntity();
            apply(e, party, currencyDecimals);
            e.code = numbering.next(SERIES);
            e.createdAt = now();
            e.updatedAt = e.createdAt;
            em.persist(e);
            Constraints.flush(em, () -> "Another party already has tax number " + party.taxNumber());
            publish("core.party.created", e);
            PartyDTO created = toDto(e);
            audit.record("core.party", String.valueOf(e.id), "created", AuditService.diff(null, created));
            return created;
        });
    }

    @Override
    public PartyDTO update(long id, PartyDTO party) {
        int currencyDecimals = validate(party);
        new Violations().require("version", party.version()).throwIfAny();
        return jpa.txExpr(TransactionType.Required, em -> {
            cache.changed(CACHE_REGION);
            PartyEntity e = load(em, id);
            if (e.version != party.version()) {
                throw new StaleVersionException("Party", id, party.version(), e.version);
            }
            refuseDuplicateTaxNumber(em, party.taxNumber(), id);
            PartyDTO before = toDto(e);
            apply(e, party, currencyDecimals);
            e.updatedAt = now();
            Constraints.flush(em, () -> "Another party already has tax number " + party.taxNumber());
            publish("core.party.updated", e);
            PartyDTO after = toDto(e);
            audit.record("core.party", String.valueOf(id), "updated", AuditService.diff(before, after));
            return after;
        });
    }

    @Override
    public PartyDTO get(long id) {
        // Not found is thrown outside the template: thrown inside, it would mark the caller's
        // transaction for rollback, and a module checking a reference could no longer answer 400.
        PartyDTO party = cache.get(CACHE_REGION, id, () -> jpa.txExpr(TransactionType.Supports, em -> {
            // Committed rows, not a party this transaction read before (MasterDataCache).
            PartyEntity e = em.find(PartyEntity.class, id, MasterDataCache.REFRESHED);
            return e == null ? null : toDto(e);
        }));
        if (party == null) {
            throw new NotFoundException("Party", id);
        }
        return party;
    }

    @Override
    public PartyDTO find(String idOrCode) {
        if (idOrCode != null && idOrCode.matches("\\d{1,18}")) {
            return get(Long.parseLong(idOrCode));
        }
        PartyDTO party = jpa.txExpr(TransactionType.Supports, em -> em.createQuery("SELECT p FROM PartyEntity p WHERE p.code = :code",
            PartyEntity.class).setParameter("code", idOrCode).getResultList().stream().findFirst().map(PartyServiceImpl::toDto).orElse(null));
        if (party == null) {
            throw new NotFoundException("Party", idOrCode);
        }
        return party;
    }

    @Override
    public Page<PartyDTO> list(PageRequest request) {
        String sort = request.sortField(SORT_FIELDS, "code");
        PartyRole role = Queries.enumValue(PartyRole.class, "role", request.filter("role"));
        PartyKind kind = Queries.enumValue(PartyKind.class, "kind", request.filter("kind"));
        String taxNumber = request.filter("taxNumber");
        String phone = request.filter("phone");
        String phoneKey = Phones.key(phone);
        if (phone != null && phoneKey == null) {
            throw new io.kovan.kernel.api.ValidationException("phone", "must have at least 7 digits");
        }
        return jpa.txExpr(TransactionType.Supports, em -> Queries.page(em, PartyEntity.class, request,
            (CriteriaBuilder cb, Root<PartyEntity> p) -> {
                List<Predicate> where = new ArrayList<>();
                if (request.q() != null) {
                    String pattern = Queries.containsPattern(request.q());
                    where.add(cb.or(cb.like(p.get("searchName"), pattern, '\\'), cb.like(cb.upper(p.get("code")), pattern, '\\'),
                        cb.like(cb.upper(p.get("email")), pattern, '\\'), cb.like(p.get("taxNumber"), pattern, '\\')));
                }
                if (role != null) {
                    where.add(cb.isMember(role, p.get("roles")));
                }
                if (kind != null) {
                    where.add(cb.equal(p.get("kind"), kind));
                }
                if (taxNumber != null) {
                    where.add(cb.equal(p.get("taxNumber"), taxNumber));
                }
                if (phoneKey != null) {
                    where.add(cb.equal(p.get("phoneKey"), phoneKey));
                }
                return where;
            }, sort.equals("name") ? "searchName" : sort, "id", PartyServiceImpl::toDto));
    }

    @Override
    public void delete(long id) {
        jpa.tx(TransactionType.Required, em -> {
            cache.changed(CACHE_REGION);
            PartyEntity party = load(em, id);
            PartyDTO before = toDto(party);
            em.remove(party);
            Constraints.flush(em, () -> "Party " + party.code + " is still in use (a company, or another module's record)");
            publish("core.party.deleted", party);
            audit.record("core.party", String.valueOf(id), "deleted", AuditService.diff(before, null));
        });
    }

    private void publish(String event, PartyEntity e) {
        events.publish(event, java.util.Map.of("id", e.id, "code", e.code, "name", e.name, "kind", e.kind.name(),
            "roles", e.roles.stream().map(Enum::name).sorted().toList()));
    }

    /** Checks the party on its own and returns the decimals of its currency (2 when none is given). */
    private int validate(PartyDTO p) {
        Violations v = new Violations();
        v.require("kind", p.kind());
        v.requireText("name", p.name(), 200);
        v.maxLength("taxOffice", p.taxOffice(), 100);
        if (p.taxNumber() != null && !p.taxNumber().isBlank()) {
            if (p.kind() == PartyKind.PERSON) {
                v.check(TaxNumbers.isValidTckn(p.taxNumber()), "taxNumber", "must be a TCKN: 11 digits with valid check digits");
            } else {
                v.check(TaxNumbers.isValidVkn(p.taxNumber()), "taxNumber", "must be a VKN: 10 digits with a valid check digit");
            }
        }
        v.maxLength("phone", p.phone(), 40);
        v.check(p.phone() == null || p.phone().matches("[+0-9 ()./-]*"), "phone", "may hold only digits, spaces and + ( ) . / -");
        v.email("email", p.email());
        v.check(p.paymentTermDays() == null || (p.paymentTermDays() >= 0 && p.paymentTermDays() <= 3650),
            "paymentTermDays", "must be between 0 and 3650");
        v.check(p.roles() == null || p.roles().stream().noneMatch(java.util.Objects::isNull), "roles", "must hold only " + java.util.Arrays.toString(PartyRole.values()));
        List<AddressDTO> addresses = p.addresses() == null ? List.of() : p.addresses();
        for (int i = 0; i < addresses.size(); i++) {
            AddressDTO a = addresses.get(i);
            String at = "addresses[" + i + "]";
            v.require(at, a);
            if (a != null) {
                v.maxLength(at + ".type", a.type(), 32).maxLength(at + ".line1", a.line1(), 200).maxLength(at + ".line2", a.line2(), 200)
                    .maxLength(at + ".district", a.district(), 100).maxLength(at + ".city", a.city(), 100)
                    .maxLength(at + ".postalCode", a.postalCode(), 20)
                    .check(a.country() == null || a.country().matches("[A-Za-z]{2}"), at + ".country", "must be an ISO 3166 alpha-2 code");
            }
        }
        List<ContactPersonDTO> contacts = p.contacts() == null ? List.of() : p.contacts();
        for (int i = 0; i < contacts.size(); i++) {
            ContactPersonDTO c = contacts.get(i);
            String at = "contacts[" + i + "]";
            v.require(at, c);
            if (c != null) {
                v.requireText(at + ".name", c.name(), 200).maxLength(at + ".title", c.title(), 100)
                    .email(at + ".email", c.email()).maxLength(at + ".phone", c.phone(), 40);
            }
        }
        int decimals = 2;
        if (p.currency() != null) {
            CurrencyDTO currency = currencies.list().stream().filter(c -> c.code().equals(p.currency())).findFirst().orElse(null);
            v.check(currency != null, "currency", "unknown currency " + p.currency());
            decimals = currency == null ? decimals : currency.decimals();
        }
        v.nonNegative("creditLimit", p.creditLimit(), decimals);
        v.check(p.creditLimit() == null || p.creditLimit().precision() - p.creditLimit().scale() <= 15, "creditLimit", "is too large");
        v.throwIfAny();
        return decimals;
    }

    private static void refuseDuplicateTaxNumber(EntityManager em, String taxNumber, Long self) {
        if (taxNumber == null || taxNumber.isBlank()) {
            return;
        }
        em.createQuery("SELECT p.code FROM PartyEntity p WHERE p.taxNumber = :t AND p.id <> :self", String.class)
            .setParameter("t", taxNumber).setParameter("self", self == null ? -1L : self).getResultList().stream().findFirst()
            .ifPresent(code -> {
                throw new ConflictException("Party " + code + " already has tax number " + taxNumber);
            });
    }

    private static void apply(PartyEntity e, PartyDTO p, int currencyDecimals) {
        e.kind = p.kind();
        e.name = p.name().strip();
        e.searchName = e.name.toUpperCase(Locale.ROOT);
        e.taxOffice = blankToNull(p.taxOffice());
        e.taxNumber = blankToNull(p.taxNumber());
        e.phone = blankToNull(p.phone());
        e.phoneKey = Phones.key(e.phone);
        e.email = blankToNull(p.email());
        e.paymentTermDays = p.paymentTermDays();
        e.creditLimit = p.creditLimit() == null ? null : p.creditLimit().setScale(currencyDecimals, RoundingMode.UNNECESSARY);
        e.currency = p.currency();
        e.roles.clear();
        if (p.roles() != null) {
            e.roles.addAll(p.roles());
        }
        e.addresses.clear();
        if (p.addresses() != null) {
            p.addresses().forEach(a -> e.addresses.add(AddressEmbeddable.of(a)));
        }
        e.contacts.clear();
        if (p.contacts() != null) {
            p.contacts().forEach(c -> e.contacts.add(ContactEmbeddable.of(c)));
        }
    }

    private static PartyEntity load(EntityManager em, long id) {
        PartyEntity e = em.find(PartyEntity.class, id);
        if (e == null) {
            throw new NotFoundException("Party", id);
        }
        return e;
    }

    static PartyDTO toDto(PartyEntity e) {
        // Unmodifiable: parties are kept in memory and shared between threads (MasterDataCache).
        Set<PartyRole> roles = java.util.Collections.unmodifiableSet(e.roles.isEmpty() ? EnumSet.noneOf(PartyRole.class) : EnumSet.copyOf(e.roles));
        return new PartyDTO(e.id, e.code, e.kind, e.name, roles, e.taxOffice, e.taxNumber,
            e.addresses.stream().map(AddressEmbeddable::toDto).toList(), e.contacts.stream().map(ContactEmbeddable::toDto).toList(),
            e.phone, e.email, e.paymentTermDays, Money.plain(e.creditLimit), e.currency, e.version, e.createdAt.toInstant(ZoneOffset.UTC),
            e.updatedAt.toInstant(ZoneOffset.UTC));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Millisecond precision: what every database keeps, so a reloaded party equals the one returned. */
    private static LocalDateTime now() {
        return LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }
}
