package io.kovan.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.util.ArrayList;
import java.util.List;

import org.junit.After;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Webhooks against a receiver started by the test: signed deliveries, retried after failures,
 * in order per record; a delivery that keeps failing is given up and can be sent again.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class WebhookIT extends KovanTestSupport {

    static final String SECRET = "itest-webhook-secret-0123";

    private WebhookReceiver receiver;

    @Override
    @Configuration
    public Option[] config() {
        List<Option> extra = new ArrayList<>();
        extra.add(editConfigurationFilePut("etc/io.kovan.core.webhooks.cfg", "retry.firstSeconds", "1"));
        extra.add(editConfigurationFilePut("etc/io.kovan.core.webhooks.cfg", "retry.maxSeconds", "2"));
        extra.add(editConfigurationFilePut("etc/io.kovan.core.webhooks.cfg", "retry.attempts", "3"));
        extra.add(editConfigurationFilePut("etc/io.kovan.core.webhooks.cfg", "poll.seconds", "1"));
        return baseConfig(extra).toArray(Option[]::new);
    }

    @After
    public void stopReceiver() {
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    public void eventsReachTheReceiverSignedRetriedAndInOrderPerRecord() throws Exception {
        receiver = WebhookReceiver.start();
        // The receiver refuses the first two attempts at this party's creation.
        receiver.failFirst(2, "core.party.created");
        Reply hook = post("/api/core/webhooks", "{\"url\":\"" + receiver.url() + "\",\"events\":[\"core.party.*\"],\"secret\":\"" + SECRET + "\"}");
        assertEquals(hook.body(), 201, hook.status());
        assertFalse("the secret is never shown", hook.body().contains(SECRET));
        long webhook = hook.json().get("id").asLong();

        JsonNode party = post("/api/core/parties", "{\"kind\":\"ORGANIZATION\",\"name\":\"Ordered Ltd\"}").json();
        long id = party.get("id").asLong();
        JsonNode updated = put("/api/core/parties/" + id, "{\"version\":" + party.get("version").asLong()
            + ",\"kind\":\"ORGANIZATION\",\"name\":\"Ordered Ltd\",\"email\":\"one@ordered.com.tr\"}").json();
        assertEquals(200, put("/api/core/parties/" + id, "{\"version\":" + updated.get("version").asLong()
            + ",\"kind\":\"ORGANIZATION\",\"name\":\"Ordered Ltd\",\"email\":\"two@ordered.com.tr\"}").status());
        assertEquals(400, post("/api/core/products", "{\"code\":\"\"}").status());

        List<WebhookReceiver.Received> received = receiver.awaitAccepted(3, 60);
        List<String> arrival = received.stream().filter(r -> r.json().at("/event/data/id").asLong() == id)
            .map(r -> r.event() + (r.accepted() ? "" : " refused")).toList();
        assertEquals("a record's events arrive in order: the updates wait for the creation's retries",
            List.of("core.party.created refused", "core.party.created refused", "core.party.created", "core.party.updated", "core.party.updated"),
            arrival);
        for (WebhookReceiver.Received r : received) {
            assertEquals("signed with the webhook's secret", WebhookReceiver.sign(SECRET, r.body()), r.signature());
            assertEquals(webhook, r.json().get("webhook").asLong());
            assertEquals(r.event(), r.json().at("/event/name").asText());
        }
        assertEquals("the same delivery keeps its id across attempts", 1,
            received.stream().filter(r -> r.event().equals("core.party.created")).map(WebhookReceiver.Received::delivery).distinct().count());

        JsonNode deliveries = get("/api/core/webhooks/" + webhook + "/deliveries").json();
        assertEquals(3, deliveries.get("total").asLong());
        for (JsonNode d : deliveries.get("items")) {
            assertEquals(d.toString(), "DELIVERED", d.get("status").asText());
            assertEquals("core.party:" + id, d.get("documentKey").asText());
        }
        JsonNode creation = deliveries.get("items").get(2);
        assertEquals(creation.toString(), 3, creation.get("attempts").asInt());
        assertEquals(1, get("/api/core/webhooks/" + webhook + "/deliveries?status=delivered&limit=1").json().get("items").size());
        assertEquals(400, get("/api/core/webhooks/" + webhook + "/deliveries?status=LOST").status());

        String list = console("kovan:webhook-list");
        assertTrue(list, list.lines().anyMatch(l -> l.contains(receiver.url()) && l.contains("core.party.*")));
        assertEquals(204, send("DELETE", "/api/core/webhooks/" + webhook, null, "admin", ADMIN_PASSWORD).status());
        assertEquals(404, get("/api/core/webhooks/" + webhook).status());
    }

    @Test
    public void aDeliveryThatKeepsFailingIsGivenUpAndCanBeSentAgain() throws Exception {
        receiver = WebhookReceiver.start();
        receiver.failFirst(1000, "core.product.created");
        long webhook = post("/api/core/webhooks", "{\"url\":\"" + receiver.url() + "\",\"events\":[\"core.product.created\"],\"secret\":\""
            + SECRET + "\"}").json().get("id").asLong();
        long product = post("/api/core/products", "{\"code\":\"HOOK-1\",\"name\":\"Hooked\",\"type\":\"SERVICE\",\"unit\":\"PCS\"}").json()
            .get("id").asLong();

        JsonNode failed = awaitDelivery(webhook, "FAILED");
        assertEquals("three attempts, then given up", 3, failed.get("attempts").asInt());
        assertEquals(503, failed.get("lastStatusCode").asInt());
        assertEquals(3, receiver.received().size());

        receiver.failFirst(0, "core.product.created");
        Reply again = post("/api/core/webhooks/" + webhook + "/deliveries/" + failed.get("id").asLong() + "/redeliver", "");
        assertEquals(again.body(), 200, again.status());
        JsonNode delivered = awaitDelivery(webhook, "DELIVERED");
        assertNull(delivered.get("lastError").textValue());
        assertEquals(product, receiver.awaitAccepted(1, 30).stream().filter(WebhookReceiver.Received::accepted).findFirst().orElseThrow()
            .json().at("/event/data/id").asLong());
        assertEquals(404, post("/api/core/webhooks/" + webhook + "/deliveries/999999/redeliver", "").status());
    }

    @Test
    public void aWrongWebhookIsRefusedNamingTheFieldAndNothingIsKept() throws Exception {
        int before = get("/api/core/webhooks").json().get("total").asInt();
        assertField(post("/api/core/webhooks", "{\"url\":\"ftp://example.com\",\"events\":[\"*\"],\"secret\":\"" + SECRET + "\"}"), "url");
        assertField(post("/api/core/webhooks", "{\"url\":\"http://example.com\",\"events\":[\"*\", \"party created\"],\"secret\":\"" + SECRET + "\"}"),
            "events[1]");
        assertField(post("/api/core/webhooks", "{\"url\":\"http://example.com\",\"events\":[],\"secret\":\"" + SECRET + "\"}"), "events");
        assertField(post("/api/core/webhooks", "{\"url\":\"http://example.com\",\"events\":[\"*\"],\"secret\":\"short\"}"), "secret");
        assertField(post("/api/core/webhooks", "{\"url\":\"http://example.com\",\"events\":[\"*\"],\"secret\":\"" + SECRET + "\",\"color\":1}"),
            "color");
        assertEquals("nothing was kept", before, get("/api/core/webhooks").json().get("total").asInt());
        assertEquals(404, get("/api/core/webhooks/12345").status());
    }

    private static void assertField(Reply reply, String field) {
        assertEquals(reply.body(), 400, reply.status());
        assertTrue(reply.contentType(), reply.contentType().startsWith("application/problem+json"));
        assertTrue(reply.body(), reply.body().contains("\"" + field + "\""));
    }

    private JsonNode awaitDelivery(long webhook, String status) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            JsonNode items = get("/api/core/webhooks/" + webhook + "/deliveries?status=" + status).json().get("items");
            if (items.size() > 0) {
                return items.get(0);
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no " + status + " delivery in 60 s: " + get("/api/core/webhooks/" + webhook + "/deliveries").body());
    }
}
