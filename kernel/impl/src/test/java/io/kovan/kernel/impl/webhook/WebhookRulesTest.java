package io.kovan.kernel.impl.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.kovan.kernel.api.event.DomainEvent;

class WebhookRulesTest {

    @Test
    void theWaitDoublesAfterEachFailureUpToTheCap() {
        assertEquals(10, WebhookDispatcher.backoffSeconds(1, 10, 3600));
        assertEquals(20, WebhookDispatcher.backoffSeconds(2, 10, 3600));
        assertEquals(80, WebhookDispatcher.backoffSeconds(4, 10, 3600));
        assertEquals(3600, WebhookDispatcher.backoffSeconds(20, 10, 3600));
        assertEquals(3600, WebhookDispatcher.backoffSeconds(500, 10, 3600), "no overflow after many attempts");
    }

    @Test
    void theSignatureIsTheHexHmacSha256OfTheBody() {
        // RFC 4231, test case 2: key "Jefe", data "what do ya want for nothing?".
        assertEquals("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
            WebhookDispatcher.signature("Jefe", "what do ya want for nothing?"));
    }

    @Test
    void eventsOfOneRecordShareAKeyAndEventsWithoutAnIdStandAlone() {
        DomainEvent created = new DomainEvent(7, "core.party.created", Map.of("id", 42), Instant.EPOCH, "admin");
        DomainEvent updated = new DomainEvent(9, "core.party.updated", Map.of("id", 42), Instant.EPOCH, "admin");
        DomainEvent other = new DomainEvent(8, "core.product.created", Map.of("id", 42), Instant.EPOCH, "admin");
        DomainEvent anonymous = new DomainEvent(10, "core.rate.imported", Map.of(), Instant.EPOCH, "admin");
        assertEquals("core.party:42", WebhookStore.documentKey(created));
        assertEquals(WebhookStore.documentKey(created), WebhookStore.documentKey(updated));
        assertEquals("core.product:42", WebhookStore.documentKey(other));
        assertEquals("event:10", WebhookStore.documentKey(anonymous));
    }

    @Test
    void onlyAbsoluteHttpUrlsAreReceivers() {
        assertTrue(WebhookStore.isHttpUrl("https://hooks.example.com/kovan"));
        assertTrue(WebhookStore.isHttpUrl("http://127.0.0.1:9000/in"));
        assertFalse(WebhookStore.isHttpUrl("ftp://example.com/x"));
        assertFalse(WebhookStore.isHttpUrl("/relative"));
        assertFalse(WebhookStore.isHttpUrl("http://"));
        assertFalse(WebhookStore.isHttpUrl("not a url"));
    }
}
