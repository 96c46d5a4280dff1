package io.kovan.itests;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Order-to-cash chains over the REST API for the reliability suite (issue 7), in a container or
 * against a distribution of its own: quote → order → confirm → ship what was reserved → invoice →
 * collect, and the variations a real sales desk makes (a cancelled order, a part payment, a
 * return with its credit note, a receipt of more stock). Every reply is counted by status; what a
 * client was told succeeded is kept, so a test can look for it after a crash; whatever is not a
 * success or a clear 409 is a violation.
 */
final class OrderToCash {

    /** Sends one request: a path under the server, a body or null. */
    @FunctionalInterface
    interface Http {
        KovanTestSupport.Reply send(String method, String path, String body) throws Exception;
    }

    /** A step answered with a 409: the chain ends there, as a client would end it. */
    static final class Refused extends Exception {
        Refused(String step, KovanTestSupport.Reply reply) {
            super(step + " → " + reply.status() + " " + reply.body(), null, false, false);
        }
    }

    /** A document a client was told exists (a 2xx naming it). */
    record Acknowledged(String kind, long id, String number) {
    }

    private final Http http;
    final Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
    final List<String> violations = Collections.synchronizedList(new ArrayList<>());
    final List<Acknowledged> acknowledged = Collections.synchronizedList(new ArrayList<>());
    /** The 409s, by step and the start of their detail. */
    final Map<String, AtomicLong> refusedBecause = new ConcurrentHashMap<>();

    OrderToCash(Http http) {
        this.http = http;
    }

    long requests() {
        return statuses.values().stream().mapToLong(AtomicLong::get).sum();
    }

    long refusals() {
        AtomicLong conflicts = statuses.get(409);
        return conflicts == null ? 0 : conflicts.get();
    }

    // ---- master data -----------------------------------------------------------------------

    long customer(String name) throws Exception {
        return call("customer", "POST", "/api/core/parties", "{\"kind\":\"ORGANIZATION\",\"name\":\"" + name + "\",\"roles\":[\"CUSTOMER\"]}")
            .get("id").asLong();
    }

    long product(String code, String price, String cost) throws Exception {
        return call("product", "POST", "/api/core/products", "{\"code\":\"" + code + "\",\"name\":\"Reliability " + code
            + "\",\"type\":\"STOCKED\",\"unit\":\"PCS\",\"salesPrice\":" + price + ",\"standardCost\":" + cost + ",\"vatRate\":20}").get("id").asLong();
    }

    /** Receives and posts {@code quantity} of each product. */
    void receive(Map<Long, Integer> quantities, String cost) throws Exception {
        StringBuilder lines = new StringBuilder();
        quantities.forEach((product, quantity) -> lines.append(lines.length() == 0 ? "" : ",").append("{\"productId\":").append(product)
            .append(",\"quantity\":").append(quantity).append(",\"unitCost\":").append(cost).append('}'));
        JsonNode receipt = call("receipt", "POST", "/api/inventory/receipts", "{\"reference\":\"reliability\",\"lines\":[" + lines + "]}");
        JsonNode posted = call("receipt post", "POST", "/api/inventory/receipts/" + receipt.get("id").asLong() + "/post", "");
        acknowledge("inventory.receipt", posted);
    }

    // ---- the chain -------------------------------------------------------------------------

    /** How a chain ends. */
    enum Shape {
        /** Collected in full. */
        PAID,
        /** Half collected, the rest left open. */
        PART_PAID,
        /** Confirmed, then cancelled: its reservations go back. */
        CANCELLED,
        /** Collected, then one piece comes back and is credited. */
        RETURNED;

        static Shape random() {
            int dice = ThreadLocalRandom.current().nextInt(100);
            return dice < 55 ? PAID : dice < 75 ? PART_PAID : dice < 90 ? CANCELLED : RETURNED;
        }
    }

    /** One chain for {@code customer} over {@code lines} (product → quantity). */
    void chain(long customer, Map<Long, Integer> lines, Shape shape) throws Exception {
        StringBuilder quoteLines = new StringBuilder();
        lines.forEach((product, quantity) -> quoteLines.append(quoteLines.length() == 0 ? "" : ",").append("{\"productId\":").append(product)
            .append(",\"quantity\":").append(quantity).append('}'));
        JsonNode quote = call("quote", "POST", "/api/sales/quotes", "{\"customerId\":" + customer + ",\"lines\":[" + quoteLines + "]}");
        acknowledge("sales.quote", quote);
        JsonNode order = call("convert", "POST", "/api/sales/quotes/" + quote.get("id").asLong() + "/convert", "");
        acknowledge("sales.order", order);
        long orderId = order.get("id").asLong();
        JsonNode confirmed = call("confirm", "POST", "/api/sales/orders/" + orderId + "/confirm", "");
        StringBuilder shipmentLines = new StringBuilder();
        for (JsonNode line : confirmed.get("lines")) {
            BigDecimal reserved = line.get("reservedQuantity").decimalValue();
            if (reserved.signum() > 0) {
                shipmentLines.append(shipmentLines.length() == 0 ? "" : ",").append("{\"orderLineId\":").append(line.get("id").asLong())
                    .append(",\"quantity\":").append(reserved.toPlainString()).append('}');
            }
        }
        if (shape == Shape.CANCELLED || shipmentLines.length() == 0) {
            // Nothing to ship (the stock went to others) or the customer changed its mind.
            call("cancel", "POST", "/api/sales/orders/" + orderId + "/cancel", "");
            return;
        }
        JsonNode shipment = call("shipment", "POST", "/api/sales/shipments", "{\"lines\":[" + shipmentLines + "]}");
        long shipmentId = shipment.get("id").asLong();
        call("pick", "POST", "/api/sales/shipments/" + shipmentId + "/pick", "");
        call("pack", "POST", "/api/sales/shipments/" + shipmentId + "/pack", "");
        JsonNode shipped = call("ship", "POST", "/api/sales/shipments/" + shipmentId + "/ship", "");
        acknowledge("sales.shipment", shipped);
        JsonNode invoice = call("invoice", "POST", "/api/finance/invoices/from-shipments", "{\"shipmentIds\":[" + shipmentId + "],\"post\":true}");
        acknowledge("finance.invoice", invoice);
        BigDecimal total = invoice.get("total").decimalValue();
        BigDecimal amount = shape == Shape.PART_PAID ? total.divide(BigDecimal.valueOf(2), 2, RoundingMode.DOWN) : total;
        JsonNode payment = call("collect", "POST", "/api/finance/payments", "{\"direction\":\"INCOMING\",\"partyId\":" + customer + ",\"amount\":"
            + amount.toPlainString() + ",\"accountCode\":\"100\",\"allocations\":[{\"invoiceId\":" + invoice.get("id").asLong() + ",\"amount\":"
            + amount.toPlainString() + "}]}");
        acknowledge("finance.payment", payment);
        if (shape == Shape.RETURNED) {
            JsonNode first = shipped.get("lines").get(0);
            JsonNode returned = call("return", "POST", "/api/sales/returns", "{\"shipmentId\":" + shipmentId + ",\"reason\":\"damaged\",\"lines\":[{"
                + "\"shipmentLineId\":" + first.get("id").asLong() + ",\"quantity\":1}]}");
            acknowledge("sales.return", returned);
            JsonNode credit = call("credit note", "POST", "/api/finance/invoices/from-return", "{\"returnId\":" + returned.get("id").asLong()
                + ",\"post\":true}");
            acknowledge("finance.invoice", credit);
        }
    }

    /** A random order of one to three of {@code products}, one to three pieces each. */
    static Map<Long, Integer> randomLines(List<Long> products) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        Map<Long, Integer> lines = new TreeMap<>();
        int count = 1 + random.nextInt(Math.min(3, products.size()));
        while (lines.size() < count) {
            lines.put(products.get(random.nextInt(products.size())), 1 + random.nextInt(3));
        }
        return lines;
    }

    // ---- load ------------------------------------------------------------------------------

    /**
     * {@code clients} threads run random chains on the shared customers and products (and now and
     * then receive eight more of a product) until {@code seconds} pass or {@code stop} is set. A
     * lost connection is a violation, unless {@code connectionLossEnds} (a crash test kills the
     * server): then it ends that client. Returns the chains that ran to their end.
     */
    long load(int clients, int seconds, List<Long> customers, List<Long> products, boolean connectionLossEnds,
              java.util.concurrent.atomic.AtomicBoolean stop) throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicLong chains = new AtomicLong();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(clients);
        try {
            List<java.util.concurrent.Future<?>> running = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                running.add(pool.submit(() -> {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    while (System.nanoTime() < deadline && !stop.get()) {
                        try {
                            if (random.nextInt(100) < 6) {
                                receive(Map.of(products.get(random.nextInt(products.size())), 8), "7.50");
                            } else {
                                chain(customers.get(random.nextInt(customers.size())), randomLines(products), Shape.random());
                                chains.incrementAndGet();
                            }
                        } catch (Refused refused) {
                            // counted; the client starts its next chain
                        } catch (java.io.IOException lost) {
                            if (connectionLossEnds) {
                                return null;
                            }
                            violations.add("connection lost: " + lost);
                        }
                    }
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> client : running) {
                client.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return chains.get();
    }

    // ---- replies ---------------------------------------------------------------------------

    /** Sends a request; a 2xx gives its body, a 409 problem ends the chain, anything else is a violation too. */
    private JsonNode call(String step, String method, String path, String body) throws Exception {
        KovanTestSupport.Reply reply = http.send(method, path, body);
        statuses.computeIfAbsent(reply.status(), s -> new AtomicLong()).incrementAndGet();
        if (reply.status() >= 200 && reply.status() < 300) {
            return reply.body() == null || reply.body().isEmpty() ? null : reply.json();
        }
        if (reply.status() != 409 || !reply.contentType().startsWith("application/problem+json") || reply.json().path("detail").asText().isEmpty()) {
            violations.add(method + " " + path + " (" + step + ") → " + reply.status() + " " + reply.contentType() + " " + reply.body());
        } else {
            String detail = reply.json().get("detail").asText().replaceAll("\\d+", "N");
            refusedBecause.computeIfAbsent(step + ": " + detail.substring(0, Math.min(90, detail.length())), k -> new AtomicLong()).incrementAndGet();
        }
        throw new Refused(step, reply);
    }

    private void acknowledge(String kind, JsonNode document) {
        acknowledged.add(new Acknowledged(kind, document.get("id").asLong(), document.path("number").asText(null)));
    }
}
