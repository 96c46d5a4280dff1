package io.kovan.itests;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;

/**
 * A webhook receiver for the tests, on the JDK's HTTP server: it records every request, and
 * answers 503 to the first attempts at the events it is told to refuse.
 */
final class WebhookReceiver implements AutoCloseable {

    record Received(String event, String delivery, String signature, String body, boolean accepted) {
        JsonNode json() {
            try {
                return KovanTestSupport.JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> refusals = new ConcurrentHashMap<>();

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    static WebhookReceiver start() throws IOException {
        return start(0);
    }

    static WebhookReceiver start(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        WebhookReceiver receiver = new WebhookReceiver(server);
        server.createContext("/hook", exchange -> {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            String event = exchange.getRequestHeaders().getFirst("X-Kovan-Event");
            AtomicInteger refuse = receiver.refusals.get(event == null ? "" : event);
            boolean accepted = refuse == null || refuse.getAndDecrement() <= 0;
            receiver.received.add(new Received(event, exchange.getRequestHeaders().getFirst("X-Kovan-Delivery"),
                exchange.getRequestHeaders().getFirst("X-Kovan-Signature"), body, accepted));
            exchange.sendResponseHeaders(accepted ? 204 : 503, -1);
            exchange.close();
        });
        server.start();
        return receiver;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** Answers 503 to the next {@code times} deliveries of the event. */
    void failFirst(int times, String event) {
        refusals.put(event, new AtomicInteger(times));
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    /** Waits until {@code count} deliveries were accepted; returns every request received, in arrival order. */
    List<Received> awaitAccepted(int count, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (received.stream().filter(Received::accepted).count() >= count) {
                return received();
            }
            Thread.sleep(100);
        }
        throw new AssertionError(count + " accepted deliveries expected within " + seconds + " s, received: " + received);
    }

    /** What the signature header must say: {@code sha256=} and the hex HMAC-SHA256 of the body. */
    static String sign(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
