package io.kovan.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.After;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A delivery still pending when Kovan stops (its receiver was down) arrives after the restart:
 * the real distribution, stopped and started with {@code ./kovan}.
 */
public class WebhookRestartIT {

    private static final String PASSWORD = "webhook-restart-Secret";
    private static final String SECRET = "restart-webhook-secret-42";

    private KovanScript kovan;
    private WebhookReceiver receiver;

    @Test
    public void aDeliveryPendingAcrossARestartStillArrives() throws Exception {
        kovan = new KovanScript("webhook-restart");
        kovan.environment.put("KOVAN_ADMIN_PASSWORD", PASSWORD);
        kovan.kovan("start");
        // Nothing listens on the receiver's port yet: every attempt fails to connect.
        int receiverPort = KovanScript.freePort();
        HttpResponse<String> hook = call("POST", "/api/core/webhooks", "{\"url\":\"http://127.0.0.1:" + receiverPort
            + "/hook\",\"events\":[\"core.party.created\"],\"secret\":\"" + SECRET + "\"}");
        assertEquals(hook.body(), 201, hook.statusCode());
        long webhook = KovanTestSupport.JSON.readTree(hook.body()).get("id").asLong();
        assertEquals(201, call("POST", "/api/core/parties", "{\"kind\":\"ORGANIZATION\",\"name\":\"Survivor Ltd\"}").statusCode());
        JsonNode pending = awaitFirstDelivery(webhook, d -> d.get("attempts").asInt() >= 1);
        assertEquals(pending.toString(), "PENDING", pending.get("status").asText());
        assertTrue(pending.toString(), pending.get("lastError").asText().contains("ConnectException"));

        kovan.kovan("stop");
        receiver = WebhookReceiver.start(receiverPort);
        kovan.kovan("start");

        List<WebhookReceiver.Received> received = receiver.awaitAccepted(1, 120);
        WebhookReceiver.Received delivery = received.get(0);
        assertEquals("core.party.created", delivery.event());
        assertEquals("Survivor Ltd", delivery.json().at("/event/data/name").asText());
        assertEquals(WebhookReceiver.sign(SECRET, delivery.body()), delivery.signature());
        JsonNode delivered = awaitFirstDelivery(webhook, d -> d.get("status").asText().equals("DELIVERED"));
        assertTrue(delivered.toString(), delivered.get("attempts").asInt() >= 2);
    }

    private JsonNode awaitFirstDelivery(long webhook, java.util.function.Predicate<JsonNode> condition) throws Exception {
        long deadline = System.nanoTime() + 90_000_000_000L;
        String last = "";
        while (System.nanoTime() < deadline) {
            HttpResponse<String> reply = call("GET", "/api/core/webhooks/" + webhook + "/deliveries", null);
            last = reply.body();
            JsonNode items = KovanTestSupport.JSON.readTree(last).get("items");
            if (items != null && items.size() == 1 && condition.test(items.get(0))) {
                return items.get(0);
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the delivery did not reach the expected state in 90 s: " + last);
    }

    private HttpResponse<String> call(String method, String path, String body) throws Exception {
        return kovan.call(PASSWORD, method, path, body);
    }

    @After
    public void stop() throws Exception {
        if (receiver != null) {
            receiver.close();
        }
        if (kovan != null) {
            kovan.kovan("stop");
        }
    }
}
