package io.kovan.kernel.impl.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;
import javax.transaction.TransactionManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.kovan.kernel.api.NotFoundException;
import io.kovan.kernel.api.Page;
import io.kovan.kernel.api.PageRequest;
import io.kovan.kernel.api.ValidationException;
import io.kovan.kernel.api.Violations;
import io.kovan.kernel.api.event.DomainEvent;
import io.kovan.kernel.api.event.TransactionalEventListener;
import io.kovan.kernel.api.persistence.MasterDataCache;
import io.kovan.kernel.api.webhook.WebhookDTO;
import io.kovan.kernel.api.webhook.WebhookDeliveryDTO;
import io.kovan.kernel.api.webhook.WebhookService;
import io.kovan.kernel.impl.audit.MasterDataChanges;
import io.kovan.kernel.impl.event.EventPublisherImpl;
import io.kovan.kernel.impl.module.SchemaReady;
import io.kovan.kernel.impl.persistence.AfterCommit;
import io.kovan.kernel.impl.rest.Json;
import io.kovan.kernel.impl.security.CurrentUser;

/**
 * The webhooks and their deliveries. As an in-transaction event listener it turns every event
 * that a webhook subscribes to into a pending delivery inside the event's own transaction, then
 * nudges the dispatcher once that transaction commits.
 */
@Component(service = {WebhookService.class, WebhookStore.class, TransactionalEventListener.class},
    property = TransactionalEventListener.EVENTS + "=*")
public class WebhookStore implements WebhookService, TransactionalEventListener {

    static final int MIN_SECRET = 16;
    private static final String EVENT_PATTERN = "\\*|[a-z][a-z0-9]*\\.\\*|\\*\\.[a-z][a-z0-9-]*|[a-z][a-z0-9]*\\.[a-z][a-z0-9-]*\\.(\\*|[a-z][a-z0-9-]*)";

    /** A delivery due now, with where it goes. */
    record Due(long id, long webhookId, String url, String secret, long eventId, String eventName, int attempts) {
    }

    /** The active webhooks, kept in memory: every event of every document asks for them. */
    static final String CACHE_REGION = "core.webhook";

    /** An active webhook and the event patterns it subscribes to. */
    private record Subscription(long id, List<String> patterns) {
    }

    private final JpaTemplate jpa;
    private final TransactionManager tm;
    private final EventPublisherImpl events;
    private final MasterDataChanges changes;
    private final MasterDataCache cache;
    private volatile Runnable onNewDeliveries = () -> { };

    @Activate
    public WebhookStore(@Reference(target = "(osgi.unit.name=kovan-core)") JpaTemplate jpa, @Reference SchemaReady schemaReady,
        @Reference TransactionManager tm, @Reference EventPublisherImpl events, @Reference MasterDataChanges changes,
        @Reference MasterDataCache cache) {
        this.jpa = jpa;
        this.cache = cache;
        this.tm = tm;
        this.events = events;
        this.changes = changes;
    }

    /** What to run after a transaction that created deliveries commits (the dispatcher's wake-up). */
    void onNewDeliveries(Runnable wake) {
        onNewDeliveries = wake == null ? () -> { } : wake;
    }

    @Override
    public WebhookDTO create(WebhookDTO webhook) {
        Violations v = new Violations();
        v.requireText("url", webhook.url(), 2000);
        if (webhook.url() != null && !webhook.url().isBlank()) {
            v.check(isHttpUrl(webhook.url()), "url", "must be an absolute http or https URL");
        }
        v.check(webhook.events() != null && !webhook.events().isEmpty(), "events", "must name at least one event or pattern");
        if (webhook.events() != null) {
            for (int i = 0; i < webhook.events().size(); i++) {
                String pattern = webhook.events().get(i);
                v.check(pattern != null && pattern.matches(EVENT_PATTERN), "events[" + i + "]",
                    "must be an event name (core.party.created) or a pattern (sales.*, *.created, *)");
            }
        }
        v.requireText("secret", webhook.secret(), 200);
        v.check(webhook.secret() == null || webhook.secret().isBlank() || webhook.secret().length() >= MIN_SECRET, "secret",
            "must be at least " + MIN_SECRET + " characters");
        v.throwIfAny();
        return jpa.txExpr(TransactionType.Required, em -> {
            cache.changed(CACHE_REGION);
            WebhookEntity e = new WebhookEntity();
            e.url = webhook.url().strip();
            e.events = String.join(",", webhook.events());
            e.secret = webhook.secret();
            e.active = webhook.active() == null || webhook.active();
            e.createdAt = now();
            e.createdBy = CurrentUser.name();
            em.persist(e);
            em.flush();
            WebhookDTO created = toDto(e);
            changes.written("core.webhook", String.valueOf(e.id), "created", null, created, Map.of("url", e.url, "events", e.events));
            return created;
        });
    }

    @Override
    public List<WebhookDTO> list() {
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery("SELECT w FROM WebhookEntity w ORDER BY w.id", WebhookEntity.class)
            .getResultList().stream().map(WebhookStore::toDto).toList());
    }

    @Override
    public WebhookDTO get(long id) {
        WebhookEntity e = jpa.txExpr(TransactionType.Supports, em -> find(em, id));
        return toDto(e);
    }

    @Override
    public void delete(long id) {
        jpa.tx(TransactionType.Required, em -> {
            cache.changed(CACHE_REGION);
            WebhookEntity e = find(em, id);
            // Told first: a webhook subscribed to its own removal gets a delivery, deleted just below with the others.
            changes.written("core.webhook", String.valueOf(id), "deleted", toDto(e), null, Map.of("url", e.url));
            em.createQuery("DELETE FROM DeliveryEntity d WHERE d.webhookId = :id").setParameter("id", id).executeUpdate();
            em.remove(e);
        });
    }

    @Override
    public Page<WebhookDeliveryDTO> deliveries(long webhookId, PageRequest page) {
        WebhookDeliveryDTO.Status status = status(page.filter("status"));
        return jpa.txExpr(TransactionType.Supports, em -> {
            find(em, webhookId);
            String where = " WHERE d.webhookId = :id" + (status == null ? "" : " AND d.status = :status");
            TypedQuery<DeliveryEntity> items = em.createQuery("SELECT d FROM DeliveryEntity d" + where + " ORDER BY d.id DESC", DeliveryEntity.class)
                .setParameter("id", webhookId).setFirstResult(page.offset()).setMaxResults(page.limit());
            TypedQuery<Long> total = em.createQuery("SELECT COUNT(d) FROM DeliveryEntity d" + where, Long.class).setParameter("id", webhookId);
            if (status != null) {
                items.setParameter("status", status);
                total.setParameter("status", status);
            }
            return new Page<>(items.getResultList().stream().map(WebhookStore::toDto).toList(), total.getSingleResult(), page.offset(),
                page.limit());
        });
    }

    @Override
    public WebhookDeliveryDTO redeliver(long webhookId, long deliveryId) {
        WebhookDeliveryDTO again = jpa.txExpr(TransactionType.Required, em -> {
            DeliveryEntity d = em.find(DeliveryEntity.class, deliveryId);
            if (d == null || d.webhookId != webhookId) {
                throw new NotFoundException("Delivery", deliveryId);
            }
            d.status = WebhookDeliveryDTO.Status.PENDING;
            d.attempts = 0;
            d.nextAt = now();
            return toDto(d);
        });
        onNewDeliveries.run();
        return again;
    }

    /** Fans the event out to every active webhook that subscribes to it, in the event's transaction. */
    @Override
    public void onEvent(DomainEvent event) {
        List<Subscription> active = cache.get(CACHE_REGION, "active", () -> jpa.txExpr(TransactionType.Supports, em -> em
            .createQuery("SELECT w FROM WebhookEntity w WHERE w.active = TRUE", WebhookEntity.class).setHint(MasterDataCache.REFRESH_HINT, "true")
            .getResultList().stream()
            .map(w -> new Subscription(w.id, List.of(w.events.split(",")))).toList()));
        List<Long> subscribers = jpa.txExpr(TransactionType.Mandatory, em -> {
            List<Long> matching = new ArrayList<>();
            for (Subscription w : active) {
                if (w.patterns().stream().anyMatch(p -> EventPublisherImpl.matches(p, event.name()))) {
                    DeliveryEntity d = new DeliveryEntity();
                    d.webhookId = w.id();
                    d.eventId = event.id();
                    d.eventName = event.name();
                    d.documentKey = documentKey(event);
                    d.status = WebhookDeliveryDTO.Status.PENDING;
                    d.createdAt = now();
                    d.nextAt = d.createdAt;
                    em.persist(d);
                    matching.add(w.id());
                }
            }
            if (!matching.isEmpty()) {
                // Now, in the order of the events: a record's deliveries are sent oldest id first, and one flush later
                // would insert several new ones in no set order.
                em.flush();
            }
            return matching;
        });
        if (!subscribers.isEmpty()) {
            AfterCommit.run(tm, () -> onNewDeliveries.run());
        }
    }

    /**
     * The deliveries to send now: due, of an active webhook, and each the oldest pending one of its
     * record for its webhook, so that a record's events arrive in the order they happened.
     */
    List<Due> due(int limit) {
        // Native, with bound parameters: EclipseLink printed the JPQL form of this query (a join and a
        // subquery) on Derby with its parameters as literals, so every poll was a new statement for
        // Derby to compile.
        return jpa.txExpr(TransactionType.Required, em -> {
            List<?> rows = em.createNativeQuery("SELECT d.ID, w.ID, w.URL, w.SECRET, d.EVENT_ID, d.EVENT_NAME, d.ATTEMPTS"
                    + " FROM KV_WEBHOOK_DELIVERY d JOIN KV_WEBHOOK w ON w.ID = d.WEBHOOK_ID"
                    + " WHERE w.ACTIVE = ? AND d.STATUS = ? AND d.NEXT_AT <= ?"
                    + " AND NOT EXISTS (SELECT 1 FROM KV_WEBHOOK_DELIVERY e WHERE e.WEBHOOK_ID = d.WEBHOOK_ID AND e.DOCUMENT_KEY = d.DOCUMENT_KEY"
                    + " AND e.STATUS = ? AND e.ID < d.ID) ORDER BY d.ID")
                .setParameter(1, true).setParameter(2, WebhookDeliveryDTO.Status.PENDING.name()).setParameter(3, java.sql.Timestamp.valueOf(now()))
                .setParameter(4, WebhookDeliveryDTO.Status.PENDING.name()).setMaxResults(limit).getResultList();
            return rows.stream().map(o -> {
                Object[] row = (Object[]) o;
                return new Due(((Number) row[0]).longValue(), ((Number) row[1]).longValue(), (String) row[2], (String) row[3],
                    ((Number) row[4]).longValue(), (String) row[5], ((Number) row[6]).intValue());
            }).toList();
        });
    }

    /** The JSON body of a delivery: the same bytes at every attempt, so the signature is too. */
    String body(Due due) {
        DomainEvent event = events.event(due.eventId());
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("id", event.id());
        e.put("name", event.name());
        e.put("at", event.at().toString());
        e.put("user", event.user());
        e.put("data", event.data());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("delivery", due.id());
        body.put("webhook", due.webhookId());
        body.put("event", e);
        try {
            return Json.MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("event " + event.id() + " cannot be written as JSON", ex);
        }
    }

    void delivered(long deliveryId, int statusCode) {
        attempted(deliveryId, statusCode, null, d -> {
            d.status = WebhookDeliveryDTO.Status.DELIVERED;
            d.deliveredAt = d.lastAt;
        });
    }

    /** Records a failed attempt: tried again at {@code next}, or given up when {@code next} is null. */
    void failed(long deliveryId, Integer statusCode, String error, LocalDateTime next) {
        attempted(deliveryId, statusCode, error, d -> {
            if (next == null) {
                d.status = WebhookDeliveryDTO.Status.FAILED;
            } else {
                d.nextAt = next;
            }
        });
    }

    private void attempted(long deliveryId, Integer statusCode, String error, java.util.function.Consumer<DeliveryEntity> outcome) {
        jpa.tx(TransactionType.Required, em -> {
            DeliveryEntity d = em.find(DeliveryEntity.class, deliveryId);
            if (d != null) {
                d.attempts++;
                d.lastAt = now();
                d.lastStatus = statusCode;
                d.lastError = error == null ? null : error.length() > 500 ? error.substring(0, 500) : error;
                outcome.accept(d);
            }
        });
    }

    /** Per webhook: how many deliveries are in each state, and when the last attempt was. */
    public Map<Long, Map<String, Object>> summary() {
        return jpa.txExpr(TransactionType.Supports, em -> {
            Map<Long, Map<String, Object>> result = new LinkedHashMap<>();
            for (Object[] row : em.createQuery("SELECT d.webhookId, d.status, COUNT(d), MAX(d.lastAt) FROM DeliveryEntity d"
                + " GROUP BY d.webhookId, d.status", Object[].class).getResultList()) {
                Map<String, Object> counts = result.computeIfAbsent((Long) row[0], k -> new LinkedHashMap<>());
                counts.put(row[1].toString(), row[2]);
                if (row[3] != null && (counts.get("lastAt") == null || ((LocalDateTime) row[3]).isAfter((LocalDateTime) counts.get("lastAt")))) {
                    counts.put("lastAt", row[3]);
                }
            }
            return result;
        });
    }

    /** The record an event is about, {@code <module>.<entity>:<id>}; an event without an id is a record of its own. */
    static String documentKey(DomainEvent event) {
        Object id = event.data().get("id");
        String entity = event.name().substring(0, event.name().lastIndexOf('.'));
        String key = id == null ? "event:" + event.id() : entity + ":" + id;
        return key.length() > 200 ? key.substring(0, 200) : key;
    }

    private static WebhookEntity find(EntityManager em, long id) {
        WebhookEntity e = em.find(WebhookEntity.class, id);
        if (e == null) {
            throw new NotFoundException("Webhook", id);
        }
        return e;
    }

    private static WebhookDeliveryDTO.Status status(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return WebhookDeliveryDTO.Status.valueOf(raw.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ValidationException("status", "must be one of PENDING, DELIVERED, FAILED");
        }
    }

    static boolean isHttpUrl(String url) {
        try {
            URI uri = new URI(url.strip());
            return uri.isAbsolute() && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static LocalDateTime now() {
        return LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }

    private static java.time.Instant instant(LocalDateTime utc) {
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }

    private static WebhookDTO toDto(WebhookEntity e) {
        return new WebhookDTO(e.id, e.url, List.of(e.events.split(",")), null, e.active, instant(e.createdAt), e.createdBy);
    }

    private static WebhookDeliveryDTO toDto(DeliveryEntity d) {
        return new WebhookDeliveryDTO(d.id, d.webhookId, d.eventId, d.eventName, d.documentKey, d.status, d.attempts, instant(d.createdAt),
            d.status == WebhookDeliveryDTO.Status.PENDING ? instant(d.nextAt) : null, instant(d.lastAt), d.lastStatus, d.lastError,
            instant(d.deliveredAt));
    }
}
