package io.kovan.crm.impl;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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

import com.opencsv.CSVReader;

import io.kovan.crm.api.DuplicateDTO;
import io.kovan.crm.api.LeadConversionDTO;
import io.kovan.crm.api.LeadConversionResultDTO;
import io.kovan.crm.api.LeadDTO;
import io.kovan.crm.api.LeadImportResultDTO;
import io.kovan.crm.api.LeadService;
import io.kovan.crm.api.LeadStatus;
import io.kovan.crm.api.OpportunityDTO;
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
import io.kovan.kernel.api.party.ContactPersonDTO;
import io.kovan.kernel.api.party.PartyDTO;
import io.kovan.kernel.api.party.PartyKind;
import io.kovan.kernel.api.party.PartyRole;
import io.kovan.kernel.api.persistence.Queries;
import io.kovan.kernel.api.validation.Phones;
import io.kovan.kernel.api.validation.TaxNumbers;
import io.kovan.kernel.api.workflow.TransitionDTO;
import io.kovan.kernel.api.workflow.WorkflowDTO;
import io.kovan.kernel.api.workflow.WorkflowService;

/**
 * Leads in KV_CRM_LEAD, numbered {@code LEAD-2026-000001}, moved by the {@code crm.lead}
 * workflow: new → qualified → converted; new | qualified → disqualified → new (reopen);
 * any but converted → merged.
 */
@Component(service = LeadService.class)
public class LeadServiceImpl implements LeadService {

    static final String DOCUMENT_TYPE = "crm.lead";
    static final String SERIES = "LEAD";
    private static final Set<String> SORT_FIELDS = Set.of("number", "createdAt", "score");
    private static final List<String> CSV_COLUMNS = List.of("contactName", "companyName", "email", "phone", "taxNumber", "source", "campaign",
        "owner", "score", "notes");
    private static final int IMPORT_BATCH = 200;

    private final JpaTemplate jpa;
    private final NumberingService numbering;
    private final WorkflowService workflow;
    private final DocumentFlowService flow;
    private final EventPublisher events;
    private final AuditService audit;
    private final KernelData kernel;
    private final RecordScope scope;
    private final OpportunityServiceImpl opportunities;

    @Activate
    public LeadServiceImpl(@Reference(target = "(osgi.unit.name=kovan-crm)") JpaTemplate jpa, @Reference Transactions kernelReady,
        @Reference NumberingService numbering, @Reference WorkflowService workflow, @Reference DocumentFlowService flow,
        @Reference EventPublisher events, @Reference AuditService audit, @Reference KernelData kernel, @Reference RecordScope scope,
        @Reference OpportunityServiceImpl opportunities) {
        this.jpa = jpa;
        this.numbering = numbering;
        this.workflow = workflow;
        this.flow = flow;
        this.events = events;
        this.audit = audit;
        this.kernel = kernel;
        this.scope = scope;
        this.opportunities = opportunities;
        numbering.define(new NumberSeriesDTO(SERIES, "LEAD", true, 6, "CRM leads"));
        workflow.define(new WorkflowDTO(DOCUMENT_TYPE, "new", List.of("new", "qualified", "converted", "disqualified", "merged"), List.of(
            new TransitionDTO("qualify", Set.of("new"), "qualified", null),
            new TransitionDTO("convert", Set.of("new", "qualified"), "converted", null),
            new TransitionDTO("disqualify", Set.of("new", "qualified"), "disqualified", null),
            new TransitionDTO("reopen", Set.of("disqualified"), "new", null),
            new TransitionDTO("merge", Set.of("new", "qualified", "disqualified"), "merged", null))));
    }

    @Override
    public LeadDTO create(LeadDTO lead) {
        Violations v = validate(lead);
        return jpa.txExpr(TransactionType.Required, em -> {
            checkCampaign(em, v, "campaignId", lead.campaignId());
            v.throwIfAny();
            return insert(em, lead);
        });
    }

    private LeadDTO insert(EntityManager em, LeadDTO lead) {
        LeadEntity e = new LeadEntity();
        apply(e, lead);
        e.number = numbering.next(SERIES);
        e.owner = lead.owner() == null || lead.owner().isBlank() ? scope.user() : lead.owner().strip();
        e.status = LeadStatus.NEW;
        e.createdAt = Times.now();
        e.updatedAt = e.createdAt;
        e.createdOn = e.createdAt.toLocalDate();
        em.persist(e);
        em.flush();
        LeadDTO created = toDto(e);
        flow.record(document(e));
        events.publish("crm.lead.created", eventData(e));
        audit.record(DOCUMENT_TYPE, String.valueOf(e.id), "created", AuditService.diff(null, created));
        return created;
    }

    @Override
    public LeadDTO update(long id, LeadDTO lead) {
        Violations v = validate(lead);
        v.require("version", lead.version());
        return jpa.txExpr(TransactionType.Required, em -> {
            checkCampaign(em, v, "campaignId", lead.campaignId());
            v.throwIfAny();
            LeadEntity e = load(em, id);
            if (e.version != lead.version()) {
                throw new StaleVersionException("Lead", id, lead.version(), e.version);
            }
            if (e.status == LeadStatus.CONVERTED || e.status == LeadStatus.MERGED) {
                throw new ConflictException("Lead " + e.number + " is " + e.status.name().toLowerCase(Locale.ROOT) + "; it can no longer change");
            }
            LeadDTO before = toDto(e);
            apply(e, lead);
            if (lead.owner() != null && !lead.owner().isBlank()) {
                e.owner = lead.owner().strip();
            }
            return saved(em, e, before, "crm.lead.updated");
        });
    }

    @Override
    public LeadDTO get(long id) {
        return jpa.txExpr(TransactionType.Supports, em -> toDto(load(em, id)));
    }

    @Override
    public Page<LeadDTO> list(PageRequest request) {
        String sort = request.sortField(SORT_FIELDS, "number");
        LeadStatus status = Queries.enumValue(LeadStatus.class, "status", request.filter("status"));
        Long campaign = request.longFilter("campaign");
        Long minScoreFilter = request.longFilter("minScore");
        if (minScoreFilter != null && (minScoreFilter < 0 || minScoreFilter > 100)) {
            throw new ValidationException("minScore", "must be from 0 to 100");
        }
        Integer minScore = minScoreFilter == null ? null : minScoreFilter.intValue();
        Set<String> owners = scope.visibleOwners();
        return jpa.txExpr(TransactionType.Supports, em -> Queries.page(em, LeadEntity.class, request, (cb, l) -> {
            List<Predicate> where = new ArrayList<>();
            if (request.q() != null) {
                String pattern = Queries.containsPattern(request.q());
                where.add(cb.or(cb.like(cb.upper(l.get("number")), pattern, '\\'), cb.like(cb.upper(l.get("contactName")), pattern, '\\'),
                    cb.like(cb.upper(l.get("companyName")), pattern, '\\'), cb.like(cb.upper(l.get("email")), pattern, '\\'),
                    cb.like(l.get("phone"), pattern, '\\')));
            }
            if (status != null) {
                where.add(cb.equal(l.get("status"), status));
            }
            if (request.filter("owner") != null) {
                where.add(cb.equal(l.get("owner"), request.filter("owner")));
            }
            if (request.filter("source") != null) {
                where.add(cb.equal(l.get("source"), request.filter("source")));
            }
            if (campaign != null) {
                where.add(cb.equal(l.get("campaignId"), campaign));
            }
            if (minScore != null) {
                where.add(cb.greaterThanOrEqualTo(l.<Integer>get("score"), minScore));
            }
            if (owners != null) {
                where.add(l.get("owner").in(owners));
            }
            return where;
        }, sort, "id", LeadServiceImpl::toDto));
    }

    @Override
    public LeadDTO qualify(long id, String comment) {
        new Violations().maxLength("comment", comment, 500).throwIfAny();
        return move(id, "qualify", comment, e -> {
        }, "crm.lead.qualified");
    }

    @Override
    public LeadDTO disqualify(long id, String reason) {
        new Violations().requireText("reason", reason, 500).throwIfAny();
        return move(id, "disqualify", reason, e -> e.disqualifyReason = reason.strip(), "crm.lead.disqualified");
    }

    private LeadDTO move(long id, String transition, String comment, java.util.function.Consumer<LeadEntity> change, String event) {
        return jpa.txExpr(TransactionType.Required, em -> {
            LeadEntity e = load(em, id);
            LeadDTO before = toDto(e);
            e.status = status(workflow.transition(DOCUMENT_TYPE, id, state(e), transition, scope.user(), scope.caller().roles(), comment));
            change.accept(e);
            return saved(em, e, before, event);
        });
    }

    @Override
    public LeadConversionResultDTO convert(long id, LeadConversionDTO c) {
        Violations v = new Violations();
        v.maxLength("opportunityName", c.opportunityName(), 200);
        v.throwIfAny();
        return jpa.txExpr(TransactionType.Required, em -> {
            LeadEntity e = load(em, id);
            PartyDTO party;
            if (c.partyId() != null) {
                party = kernel.party(v, "partyId", c.partyId());
                v.throwIfAny();
                PartyRole role = Boolean.TRUE.equals(c.customer()) ? PartyRole.CUSTOMER : PartyRole.PROSPECT;
                if (!party.roles().contains(role) && !party.roles().contains(PartyRole.CUSTOMER)) {
                    Set<PartyRole> roles = party.roles().isEmpty() ? EnumSet.noneOf(PartyRole.class) : EnumSet.copyOf(party.roles());
                    roles.add(role);
                    party = kernel.parties.update(party.id(), withRoles(party, roles));
                }
            } else {
                party = kernel.parties.create(newParty(e, Boolean.TRUE.equals(c.customer())));
            }
            LeadDTO before = toDto(e);
            e.status = status(workflow.transition(DOCUMENT_TYPE, id, state(e), "convert", scope.user(), scope.caller().roles(), null));
            String name = c.opportunityName() != null && !c.opportunityName().isBlank() ? c.opportunityName()
                : e.companyName != null ? e.companyName : e.contactName;
            OpportunityDTO opportunity = opportunities.create(em, new OpportunityDTO(null, null, name, party.id(), e.id, e.campaignId, e.source,
                null, null, c.expectedRevenue(), null, c.currency(), c.expectedCloseDate(), e.owner, c.teamId(), null, null, null, null));
            e.partyId = party.id();
            e.opportunityId = opportunity.id();
            LeadDTO after = saved(em, e, before, "crm.lead.converted");
            flow.link(document(e), new DocumentDTO(OpportunityServiceImpl.DOCUMENT_TYPE, opportunity.id(), opportunity.number(),
                opportunity.stage(), Times.today(), opportunity.expectedRevenue(), opportunity.currency()));
            return new LeadConversionResultDTO(after, party.id(), party.code(), opportunity);
        });
    }

    private static PartyDTO newParty(LeadEntity e, boolean customer) {
        boolean organisation = e.companyName != null;
        List<ContactPersonDTO> contacts = organisation && e.contactName != null
            ? List.of(new ContactPersonDTO(e.contactName, null, e.email, e.phone)) : List.of();
        String taxNumber = e.taxNumber != null && (organisation ? e.taxNumber.length() == 10 : e.taxNumber.length() == 11) ? e.taxNumber : null;
        return new PartyDTO(null, null, organisation ? PartyKind.ORGANIZATION : PartyKind.PERSON, organisation ? e.companyName : e.contactName,
            EnumSet.of(customer ? PartyRole.CUSTOMER : PartyRole.PROSPECT), null, taxNumber, List.of(), contacts, e.phone, e.email, null, null,
            null, null, null, null);
    }

    private static PartyDTO withRoles(PartyDTO p, Set<PartyRole> roles) {
        return new PartyDTO(p.id(), p.code(), p.kind(), p.name(), roles, p.taxOffice(), p.taxNumber(), p.addresses(), p.contacts(), p.phone(),
            p.email(), p.paymentTermDays(), p.creditLimit(), p.currency(), p.version(), p.createdAt(), p.updatedAt());
    }

    @Override
    public List<DuplicateDTO> duplicates(long id) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            LeadEntity lead = load(em, id);
            Map<Long, DuplicateDTO> leads = new LinkedHashMap<>();
            addLeadMatches(em, leads, lead, "emailKey", lead.emailKey, "same email");
            addLeadMatches(em, leads, lead, "phoneKey", lead.phoneKey, "same phone");
            addLeadMatches(em, leads, lead, "taxNumber", lead.taxNumber, "same tax number");
            addLeadMatches(em, leads, lead, "nameKey", lead.nameKey, "similar name");
            List<DuplicateDTO> found = new ArrayList<>(leads.values());
            found.addAll(partyMatches(lead));
            return found;
        });
    }

    private void addLeadMatches(EntityManager em, Map<Long, DuplicateDTO> found, LeadEntity lead, String field, String value, String reason) {
        if (value == null) {
            return;
        }
        Set<String> owners = scope.visibleOwners();
        for (LeadEntity other : em.createQuery("SELECT l FROM LeadEntity l WHERE l." + field + " = :v AND l.id <> :self AND l.status <> :merged",
                LeadEntity.class).setParameter("v", value).setParameter("self", lead.id).setParameter("merged", LeadStatus.MERGED)
            .setMaxResults(50).getResultList()) {
            if (owners != null && !owners.contains(other.owner)) {
                continue;
            }
            DuplicateDTO known = found.get(other.id);
            List<String> reasons = new ArrayList<>(known == null ? List.of() : known.reasons());
            reasons.add(reason);
            found.put(other.id, new DuplicateDTO("lead", other.id, other.number, displayName(other), reasons));
        }
    }

    /** Parties with the lead's tax number, e-mail or phone, or whose name normalises to the lead's. */
    private List<DuplicateDTO> partyMatches(LeadEntity lead) {
        Map<Long, List<String>> reasons = new LinkedHashMap<>();
        Map<Long, PartyDTO> parties = new HashMap<>();
        if (lead.taxNumber != null) {
            collect(parties, reasons, kernel.parties.list(new PageRequest(0, 20, null, null, Map.of("taxNumber", lead.taxNumber))).items(),
                p -> true, "same tax number");
        }
        if (lead.emailKey != null) {
            collect(parties, reasons, kernel.parties.list(new PageRequest(0, 50, lead.emailKey, null, Map.of())).items(),
                p -> lead.emailKey.equals(Names.emailKey(p.email())), "same email");
        }
        if (lead.phoneKey != null) {
            collect(parties, reasons, kernel.parties.list(new PageRequest(0, 20, null, null, Map.of("phone", lead.phoneKey))).items(),
                p -> true, "same phone");
        }
        String name = lead.companyName != null ? lead.companyName : lead.contactName;
        if (lead.nameKey != null && name != null) {
            String firstWord = lead.nameKey.split(" ")[0];
            collect(parties, reasons, kernel.parties.list(new PageRequest(0, 100, firstWord, null, Map.of())).items(),
                p -> lead.nameKey.equals(Names.nameKey(p.name())), "similar name");
        }
        return reasons.entrySet().stream().map(r -> {
            PartyDTO p = parties.get(r.getKey());
            return new DuplicateDTO("party", p.id(), p.code(), p.name(), r.getValue());
        }).toList();
    }

    private static void collect(Map<Long, PartyDTO> parties, Map<Long, List<String>> reasons, List<PartyDTO> candidates,
        java.util.function.Predicate<PartyDTO> matches, String reason) {
        for (PartyDTO p : candidates) {
            if (matches.test(p)) {
                parties.put(p.id(), p);
                reasons.computeIfAbsent(p.id(), k -> new ArrayList<>()).add(reason);
            }
        }
    }

    @Override
    public LeadDTO merge(long id, long duplicateId) {
        if (id == duplicateId) {
            throw new ValidationException("duplicateId", "a lead cannot be merged into itself");
        }
        return jpa.txExpr(TransactionType.Required, em -> {
            LeadEntity keep = load(em, id);
            LeadEntity other = load(em, duplicateId);
            if (keep.status == LeadStatus.CONVERTED || keep.status == LeadStatus.MERGED) {
                throw new ConflictException("Lead " + keep.number + " is " + keep.status.name().toLowerCase(Locale.ROOT) + "; merge into an open lead");
            }
            LeadDTO keepBefore = toDto(keep);
            LeadDTO otherBefore = toDto(other);
            other.status = status(workflow.transition(DOCUMENT_TYPE, duplicateId, state(other), "merge", scope.user(), scope.caller().roles(),
                "merged into " + keep.number));
            other.mergedIntoId = keep.id;
            keep.contactName = first(keep.contactName, other.contactName);
            keep.companyName = first(keep.companyName, other.companyName);
            keep.email = first(keep.email, other.email);
            keep.phone = first(keep.phone, other.phone);
            keep.taxNumber = first(keep.taxNumber, other.taxNumber);
            keep.source = first(keep.source, other.source);
            keep.campaignId = keep.campaignId != null ? keep.campaignId : other.campaignId;
            keep.score = keep.score == null ? other.score : other.score == null ? keep.score : Math.max(keep.score, other.score);
            keep.notes = keep.notes == null ? other.notes : other.notes == null ? keep.notes
                : (keep.notes + "\n" + other.notes).substring(0, Math.min(2000, keep.notes.length() + 1 + other.notes.length()));
            keys(keep);
            em.createQuery("UPDATE ActivityEntity a SET a.leadId = :keep WHERE a.leadId = :other").setParameter("keep", keep.id)
                .setParameter("other", other.id).executeUpdate();
            saved(em, other, otherBefore, "crm.lead.merged");
            return saved(em, keep, keepBefore, "crm.lead.updated");
        });
    }

    @Override
    public LeadImportResultDTO importCsv(Reader csv) {
        List<String[]> rows;
        List<Long> lines = new ArrayList<>();
        try (CSVReader reader = new CSVReader(csv)) {
            rows = new ArrayList<>();
            String[] row;
            while ((row = reader.readNextSilently()) != null) {
                rows.add(row);
                lines.add(reader.getLinesRead());
            }
        } catch (IOException e) {
            throw new ValidationException("file", "cannot be read as CSV: " + e.getMessage());
        } catch (RuntimeException e) {
            throw new ValidationException("file", "is not valid CSV: " + e.getMessage());
        }
        if (rows.isEmpty()) {
            throw new ValidationException("file", "is empty; the first line must name the columns: " + String.join(", ", CSV_COLUMNS));
        }
        Map<String, Integer> columns = header(rows.get(0));
        List<LeadImportResultDTO.RowError> errors = new ArrayList<>();
        List<LeadDTO> good = new ArrayList<>();
        Map<String, Long> campaigns = jpa.txExpr(TransactionType.Supports, em -> {
            Map<String, Long> byCode = new HashMap<>();
            em.createQuery("SELECT c FROM CampaignEntity c", CampaignEntity.class).getResultList().forEach(c -> byCode.put(c.code, c.id));
            return byCode;
        });
        for (int i = 1; i < rows.size(); i++) {
            String[] row = rows.get(i);
            int line = lines.get(i).intValue();
            if (row.length == 1 && row[0].isBlank()) {
                continue;
            }
            if (row.length != rows.get(0).length) {
                errors.add(new LeadImportResultDTO.RowError(line, "row", "has " + row.length + " columns; the header has " + rows.get(0).length));
                continue;
            }
            try {
                LeadDTO lead = fromRow(row, columns, campaigns);
                validate(lead).throwIfAny();
                good.add(lead);
            } catch (ValidationException e) {
                e.violations().forEach(violation -> errors.add(new LeadImportResultDTO.RowError(line, violation.field(), violation.message())));
            }
        }
        for (int from = 0; from < good.size(); from += IMPORT_BATCH) {
            List<LeadDTO> batch = good.subList(from, Math.min(good.size(), from + IMPORT_BATCH));
            jpa.tx(TransactionType.Required, em -> batch.forEach(lead -> insert(em, lead)));
        }
        return new LeadImportResultDTO(rows.size() - 1, good.size(), errors);
    }

    private static Map<String, Integer> header(String[] header) {
        Map<String, Integer> columns = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 0; i < header.length; i++) {
            String name = header[i].strip().replace("\uFEFF", "");
            if (CSV_COLUMNS.stream().noneMatch(c -> c.equalsIgnoreCase(name))) {
                throw new ValidationException("header", "line 1: unknown column '" + name + "'; use " + String.join(", ", CSV_COLUMNS));
            }
            if (columns.put(name, i) != null) {
                throw new ValidationException("header", "line 1: column '" + name + "' appears twice");
            }
        }
        return columns;
    }

    private static LeadDTO fromRow(String[] row, Map<String, Integer> columns, Map<String, Long> campaigns) {
        java.util.function.Function<String, String> cell = name -> {
            Integer at = columns.get(name);
            return at == null || row[at].isBlank() ? null : row[at].strip();
        };
        Integer score = null;
        if (cell.apply("score") != null) {
            try {
                score = Integer.valueOf(cell.apply("score"));
            } catch (NumberFormatException e) {
                throw new ValidationException("score", "must be a whole number from 0 to 100");
            }
        }
        Long campaignId = null;
        if (cell.apply("campaign") != null) {
            campaignId = campaigns.get(cell.apply("campaign"));
            if (campaignId == null) {
                throw new ValidationException("campaign", "unknown campaign code " + cell.apply("campaign"));
            }
        }
        return new LeadDTO(null, null, cell.apply("contactName"), cell.apply("companyName"), cell.apply("email"), cell.apply("phone"),
            cell.apply("taxNumber"), cell.apply("source"), campaignId, cell.apply("owner"), score, cell.apply("notes"), null, null, null, null,
            null, null, null);
    }

    private Violations validate(LeadDTO l) {
        Violations v = new Violations();
        v.check(notBlank(l.contactName()) || notBlank(l.companyName()), "contactName", "a contact name or a company name is required");
        v.maxLength("contactName", l.contactName(), 200).maxLength("companyName", l.companyName(), 200);
        v.email("email", l.email());
        v.maxLength("phone", l.phone(), 40);
        v.check(l.phone() == null || l.phone().matches("[+0-9 ()./-]*"), "phone", "may hold only digits, spaces and + ( ) . / -");
        v.check(l.taxNumber() == null || l.taxNumber().isBlank() || TaxNumbers.isValidVkn(l.taxNumber()) || TaxNumbers.isValidTckn(l.taxNumber()),
            "taxNumber", "must be a VKN (10 digits) or a TCKN (11 digits) with valid check digits");
        v.maxLength("source", l.source(), 64).maxLength("owner", l.owner(), 100).maxLength("notes", l.notes(), 2000);
        v.check(l.score() == null || (l.score() >= 0 && l.score() <= 100), "score", "must be from 0 to 100");
        v.check(l.status() == null, "status", "is set by the module; use qualify, convert or disqualify");
        return v;
    }

    private static void checkCampaign(EntityManager em, Violations v, String field, Long campaignId) {
        v.check(campaignId == null || em.find(CampaignEntity.class, campaignId) != null, field, "unknown campaign " + campaignId);
    }

    private LeadDTO saved(EntityManager em, LeadEntity e, LeadDTO before, String event) {
        e.updatedAt = Times.now();
        em.flush();
        LeadDTO after = toDto(e);
        flow.record(document(e));
        events.publish(event, eventData(e));
        audit.record(DOCUMENT_TYPE, String.valueOf(e.id), "updated", AuditService.diff(before, after));
        return after;
    }

    private static void apply(LeadEntity e, LeadDTO l) {
        e.contactName = Names.trimmed(l.contactName());
        e.companyName = Names.trimmed(l.companyName());
        e.email = Names.trimmed(l.email());
        e.phone = Names.trimmed(l.phone());
        e.taxNumber = Names.trimmed(l.taxNumber());
        e.source = Names.trimmed(l.source());
        e.campaignId = l.campaignId();
        e.score = l.score();
        e.notes = Names.trimmed(l.notes());
        keys(e);
    }

    private static void keys(LeadEntity e) {
        e.nameKey = Names.nameKey(e.companyName != null ? e.companyName : e.contactName);
        e.emailKey = Names.emailKey(e.email);
        e.phoneKey = Phones.key(e.phone);
    }

    private LeadEntity load(EntityManager em, long id) {
        LeadEntity e = em.find(LeadEntity.class, id);
        if (e == null) {
            throw new NotFoundException("Lead", id);
        }
        scope.check("Lead", id, e.owner);
        return e;
    }

    private static String state(LeadEntity e) {
        return e.status.name().toLowerCase(Locale.ROOT);
    }

    private static LeadStatus status(String state) {
        return LeadStatus.valueOf(state.toUpperCase(Locale.ROOT));
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    static String displayName(LeadEntity e) {
        return e.companyName != null ? e.companyName + (e.contactName == null ? "" : " (" + e.contactName + ")") : e.contactName;
    }

    private static DocumentDTO document(LeadEntity e) {
        return new DocumentDTO(DOCUMENT_TYPE, e.id, e.number, state(e), e.createdOn, null, null);
    }

    private static Map<String, Object> eventData(LeadEntity e) {
        Map<String, Object> data = new TreeMap<>();
        data.put("id", e.id);
        data.put("number", e.number);
        data.put("status", e.status.name());
        data.put("owner", e.owner);
        if (e.source != null) {
            data.put("source", e.source);
        }
        if (e.partyId != null) {
            data.put("partyId", e.partyId);
        }
        return data;
    }

    static LeadDTO toDto(LeadEntity e) {
        return new LeadDTO(e.id, e.number, e.contactName, e.companyName, e.email, e.phone, e.taxNumber, e.source, e.campaignId, e.owner, e.score,
            e.notes, e.status, e.disqualifyReason, e.partyId, e.opportunityId, e.mergedIntoId, e.version, Times.instant(e.createdAt));
    }
}
