package io.kovan.kernel.impl.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends pending deliveries from one background thread: each round takes the due deliveries that
 * head their record's queue, POSTs them concurrently (they concern different records), records
 * each outcome in its own transaction, and goes again at once while there is more. A failed
 * attempt waits {@code retry.firstSeconds}, doubling up to {@code retry.maxSeconds}; after
 * {@code retry.attempts} attempts the delivery is FAILED and the record's next one proceeds.
 * Configured by {@code etc/io.kovan.core.webhooks.cfg}.
 */
@Component(service = WebhookDispatcher.class, immediate = true, configurationPid = "io.kovan.core.webhooks")
public class WebhookDispatcher {

    @ObjectClassDefinition(name = "Kovan webhooks")
    public @interface Config {
        @AttributeDefinition(description = "Wait after a first failed attempt, in seconds; doubled after each further failure")
        long retry_firstSeconds() default 10;

        @AttributeDefinition(description = "Longest wait between attempts, in seconds")
        long retry_maxSeconds() default 3600;

        @AttributeDefinition(description = "Attempts before a delivery is given up (FAILED)")
        int retry_attempts() default 12;

        @AttributeDefinition(description = "How often to look for due deliveries, in seconds (new events are sent at once)")
        long poll_seconds() default 2;

        @AttributeDefinition(description = "Time a receiver has to answer, in seconds")
        long timeout_seconds() default 10;
    }

    static final String SIGNATURE = "X-Kovan-Signature";
    private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final int BATCH = 50;

    private final WebhookStore store;
    private final Config config;
    private final ScheduledExecutorService thread;
    private final HttpClient http;
    private final AtomicBoolean nudged = new AtomicBoolean();

    @Activate
    public WebhookDispatcher(@Reference WebhookStore store, Config config) {
        this.store = store;
        this.config = config;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "kovan-webhooks");
            t.setDaemon(true);
            return t;
        });
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(Math.max(1, config.timeout_seconds())))
            .followRedirects(HttpClient.Redirect.NEVER).build();
        thread.scheduleWithFixedDelay(this::sendDue, 1, Math.max(1, config.poll_seconds()), TimeUnit.SECONDS);
        store.onNewDeliveries(this::wake);
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        store.onNewDeliveries(null);
        thread.shutdownNow();
        thread.awaitTermination(10, TimeUnit.SECONDS);
    }

    /** Sends soon, without waiting for the next poll; several nudges before it runs make one round. */
    void wake() {
        if (nudged.compareAndSet(false, true) && !thread.isShutdown()) {
            try {
                thread.execute(this::sendDue);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // shutting down: the deliveries stay pending for the next start
            }
        }
    }

    private void sendDue() {
        nudged.set(false);
        try {
            List<WebhookStore.Due> due;
            do {
                due = store.due(BATCH);
                CompletableFuture.allOf(due.stream().map(this::send).toArray(CompletableFuture[]::new)).join();
            } while (due.size() == BATCH && !Thread.currentThread().isInterrupted());
        } catch (RuntimeException e) {
            // The database may be away for a moment (a restart, a refresh): the next round tries again.
            LOG.warn("Webhook deliveries could not be sent this round: {}", e.toString());
        }
    }

    private CompletableFuture<Void> send(WebhookStore.Due due) {
        String body = store.body(due);
        HttpRequest request = HttpRequest.newBuilder(URI.create(due.url()))
            .timeout(Duration.ofSeconds(Math.max(1, config.timeout_seconds())))
            .header("Content-Type", "application/json")
            .header("User-Agent", "Kovan-Webhooks/1.0")
            .header("X-Kovan-Event", due.eventName())
            .header("X-Kovan-Delivery", String.valueOf(due.id()))
            .header("X-Kovan-Attempt", String.valueOf(due.attempts() + 1))
            .header(SIGNATURE, signature(due.secret(), body))
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle((response, error) -> {
            try {
                if (error == null && response.statusCode() / 100 == 2) {
                    store.delivered(due.id(), response.statusCode());
                } else {
                    Integer status = response == null ? null : response.statusCode();
                    String reason = error != null ? describe(error) : "HTTP " + status;
                    store.failed(due.id(), status, reason, nextAttempt(due.attempts() + 1));
                }
            } catch (RuntimeException e) {
                LOG.warn("The outcome of webhook delivery {} could not be recorded; it will be sent again: {}", due.id(), e.toString());
            }
            return null;
        });
    }

    /** When to try again after {@code attempts} failed attempts, or null to give up. */
    LocalDateTime nextAttempt(int attempts) {
        if (attempts >= config.retry_attempts()) {
            return null;
        }
        return LocalDateTime.now(ZoneOffset.UTC).plusSeconds(backoffSeconds(attempts, config.retry_firstSeconds(), config.retry_maxSeconds()));
    }

    static long backoffSeconds(int attempts, long first, long max) {
        long wait = first;
        for (int i = 1; i < attempts && wait < max; i++) {
            wait *= 2;
        }
        return Math.min(wait, max);
    }

    /** {@code sha256=} and the hex HMAC-SHA256 of the body under the webhook's secret. */
    static String signature(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static String describe(Throwable error) {
        Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null ? error.getCause() : error;
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }
}
