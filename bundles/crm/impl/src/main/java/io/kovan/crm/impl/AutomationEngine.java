package io.kovan.crm.impl;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.kovan.crm.api.ActivityDTO;
import io.kovan.crm.api.ActivityService;
import io.kovan.crm.api.ActivityType;
import io.kovan.crm.api.AutomationRuleDTO;
import io.kovan.crm.api.CampaignMemberDTO;
import io.kovan.crm.api.CampaignService;
import io.kovan.crm.api.LeadDTO;
import io.kovan.crm.api.LeadService;
import io.kovan.crm.api.SegmentTarget;
import io.kovan.kernel.api.Transactions;
import io.kovan.kernel.api.event.EventPublisher;
import io.kovan.kernel.api.security.Caller;

/**
 * Runs the automation rules on the kernel's committed events about leads and parties (OSGi
 * EventAdmin, after commit), each rule in a transaction of its own: a rule that fails is recorded
 * as failed and leaves the user's operation, already committed, alone. A run is kept per rule and
 * event, so an event handed over twice acts once.
 */
@Component(property = {EventConstants.EVENT_TOPIC + "=kovan/crm/lead/*", EventConstants.EVENT_TOPIC + "=kovan/core/party/*"})
public class AutomationEngine implements EventHandler {

    static final String TRIGGERED = "crm.automation.triggered";
    private static final Logger LOG = LoggerFactory.getLogger(AutomationEngine.class);
    /** Runs of a rule that clash with concurrent writers, before the run is recorded as failed. */
    private static final int ATTEMPTS = 4;
    private static final Set<String> CLASH_STATES = Set.of("40001", "40P01", "40XL1", "40XL2");

    private final JpaTemplate jpa;
    private final SegmentServiceImpl segments;
    private final LeadService leads;
    private final ActivityService activities;
    private final CampaignService campaigns;
    private final EventPublisher events;

    @Activate
    public AutomationEngine(@Reference(target = "(osgi.unit.name=kovan-crm)") JpaTemplate jpa, @Reference Transactions kernelReady,
        @Reference SegmentServiceImpl segments, @Reference LeadService leads, @Reference ActivityService activities,
        @Reference CampaignService campaigns, @Reference EventPublisher events) {
        this.jpa = jpa;
        this.segments = segments;
        this.leads = leads;
        this.activities = activities;
        this.campaigns = campaigns;
        this.events = events;
    }

    @Override
    public void handleEvent(Event event) {
        String name = (String) event.getProperty("name");
        if (name == null || Caller.SYSTEM.equals(event.getProperty("user")) || !(event.getProperty("data") instanceof Map<?, ?> data)
            || !(data.get("id") instanceof Number id) || !(event.getProperty("id") instanceof Number eventId)) {
            return;
        }
        SegmentTarget kind = name.startsWith("crm.lead.") ? SegmentTarget.LEAD : SegmentTarget.PARTY;
        for (AutomationRuleDTO rule : segments.rulesFor(name)) {
            run(rule, eventId.longValue(), name, kind, id.longValue());
        }
    }

    private void run(AutomationRuleDTO rule, long eventId, String event, SegmentTarget kind, long recordId) {
        if (alreadyRan(rule.id(), eventId)) {
            return;
        }
        if (rule.segmentId() != null && !segments.contains(rule.segmentId(), kind, recordId)) {
            return;
        }
        String outcome;
        for (int attempt = 1; ; attempt++) {
            try {
                jpa.tx(TransactionType.Required, em -> {
                    act(rule, event, kind, recordId);
                    em.persist(runRecord(rule.id(), eventId, event, kind, recordId, "done"));
                    em.flush();
                });
                return;
            } catch (RuntimeException e) {
                // A clash with a concurrent writer rolled the whole run back: a REST client would get a 409 and retry, so does the rule.
                if (attempt < ATTEMPTS && concurrentClash(e)) {
                    LOG.info("Automation rule {} clashed with a concurrent write on {} {}; attempt {} of {}", rule.id(), kind, recordId,
                        attempt + 1, ATTEMPTS);
                    pause(attempt);
                    continue;
                }
                outcome = "failed: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
                LOG.warn("Automation rule {} ({}) failed on {} of {} {}: {}", rule.id(), rule.name(), event, kind, recordId, outcome);
                break;
            }
        }
        String failure = outcome.length() > 500 ? outcome.substring(0, 500) : outcome;
        try {
            jpa.tx(TransactionType.Required, em -> em.persist(runRecord(rule.id(), eventId, event, kind, recordId, failure)));
        } catch (RuntimeException e) {
            LOG.warn("Cannot record the failed run of rule {}: {}", rule.id(), e.toString());
        }
    }

    private void act(AutomationRuleDTO rule, String event, SegmentTarget kind, long recordId) {
        Map<String, String> p = rule.parameters();
        switch (rule.action()) {
            case CREATE_ACTIVITY -> {
                LeadDTO lead = kind == SegmentTarget.LEAD ? leads.get(recordId) : null;
                String owner = p.get("owner") != null ? p.get("owner") : lead != null ? lead.owner() : null;
                int days = p.get("dueInDays") == null ? 1 : Integer.parseInt(p.get("dueInDays"));
                activities.create(new ActivityDTO(null, ActivityType.valueOf(p.get("type")), p.get("subject"), "Created by automation rule "
                    + rule.name(), Instant.now().plus(days, ChronoUnit.DAYS), owner, lead != null ? recordId : null, null,
                    kind == SegmentTarget.PARTY ? recordId : null, null, null, null, null, null, null, null));
            }
            case ASSIGN_OWNER -> {
                LeadDTO l = leads.get(recordId);
                leads.update(recordId, new LeadDTO(l.id(), l.number(), l.contactName(), l.companyName(), l.email(), l.phone(), l.taxNumber(),
                    l.source(), l.campaignId(), p.get("owner"), l.score(), l.notes(), null, null, null, null, null, l.version(), null));
            }
            case ADD_TO_CAMPAIGN -> {
                long campaign = campaigns.find(p.get("campaign").toUpperCase(Locale.ROOT)).id();
                campaigns.addMember(campaign, new CampaignMemberDTO(null, campaign, kind == SegmentTarget.PARTY ? recordId : null,
                    kind == SegmentTarget.LEAD ? recordId : null, null, null, null));
            }
            case SEND_WEBHOOK -> {
                Map<String, Object> data = new TreeMap<>();
                data.put("id", rule.id());
                data.put("rule", rule.name());
                data.put("event", event);
                data.put("recordKind", kind.name().toLowerCase(Locale.ROOT));
                data.put("recordId", recordId);
                events.publish(TRIGGERED, data);
            }
        }
    }

    /** Derby's deadlock and lock timeouts, PostgreSQL's serialization failure and deadlock: worth running again. */
    static boolean concurrentClash(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && CLASH_STATES.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(50, 200) * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean alreadyRan(long ruleId, long eventId) {
        return jpa.txExpr(TransactionType.Supports, em -> !em.createQuery("SELECT r.id FROM RuleRunEntity r WHERE r.ruleId = :rule AND r.eventId = :event",
            Long.class).setParameter("rule", ruleId).setParameter("event", eventId).getResultList().isEmpty());
    }

    private static RuleRunEntity runRecord(long ruleId, long eventId, String event, SegmentTarget kind, long recordId, String outcome) {
        RuleRunEntity r = new RuleRunEntity();
        r.ruleId = ruleId;
        r.eventId = eventId;
        r.event = event;
        r.recordKind = kind.name().toLowerCase(Locale.ROOT);
        r.recordId = recordId;
        r.at = Times.now();
        r.outcome = outcome;
        return r;
    }
}
