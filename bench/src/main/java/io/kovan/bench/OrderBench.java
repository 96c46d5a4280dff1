package io.kovan.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Confirms and ships a 1,000-line sales order on a running Kovan with sales and inventory, and
 * prints how long each call took: the confirmation (credit check and 1,000 reservations) and the
 * shipping (1,000 goods issues at current cost, the reservations consumed, the order delivered),
 * each one REST call doing the whole job in one transaction.
 *
 * <pre>
 * java -cp bench/target/kovan-bench-*.jar:bench/target/lib/* io.kovan.bench.OrderBench \
 *   --api http://localhost:8181/api --user admin --password … [--lines 1000] [--warmup 3] [--rounds 5]
 * </pre>
 */
public final class OrderBench {

    public static void main(String[] args) throws Exception {
        Map<String, String> o = Rest.options(args, "password");
        Rest rest = new Rest(o.getOrDefault("api", "http://localhost:8181/api"), o.getOrDefault("user", "admin"), o.get("password"));
        int lines = Integer.parseInt(o.getOrDefault("lines", "1000"));
        int warmup = Integer.parseInt(o.getOrDefault("warmup", "3"));
        int rounds = Integer.parseInt(o.getOrDefault("rounds", "5"));
        String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36);

        long started = System.nanoTime();
        List<Long> products = new ArrayList<>();
        StringBuilder receipt = new StringBuilder("{\"reference\":\"bench\",\"lines\":[");
        for (int i = 0; i < lines; i++) {
            products.add(rest.json("POST", "/core/products", "{\"code\":\"B" + run + "-" + i + "\",\"name\":\"Bench product " + i
                + "\",\"type\":\"STOCKED\",\"unit\":\"PCS\",\"salesPrice\":" + (20 + i % 50) + ",\"standardCost\":10,\"vatRate\":20}").get("id").asLong());
            receipt.append(i == 0 ? "" : ",").append("{\"productId\":").append(products.get(i)).append(",\"quantity\":").append(2 * (warmup + rounds) + 10)
                .append(",\"unitCost\":").append(10 + i % 7).append("}");
        }
        long receiptId = rest.json("POST", "/inventory/receipts", receipt.append("]}").toString()).get("id").asLong();
        rest.send("POST", "/inventory/receipts/" + receiptId + "/post", "");
        long customer = rest.json("POST", "/core/parties", "{\"kind\":\"ORGANIZATION\",\"name\":\"Bench customer " + run + "\",\"roles\":[\"CUSTOMER\"]}")
            .get("id").asLong();
        System.out.printf("seeded %,d products and a %,d-line receipt in %.1f s%n", lines, lines, (System.nanoTime() - started) / 1e9);

        List<Double> confirms = new ArrayList<>();
        List<Double> ships = new ArrayList<>();
        for (int round = 1 - warmup; round <= rounds; round++) {
            StringBuilder order = new StringBuilder("{\"customerId\":" + customer + ",\"lines\":[");
            for (int i = 0; i < lines; i++) {
                order.append(i == 0 ? "" : ",").append("{\"productId\":").append(products.get(i)).append(",\"quantity\":2}");
            }
            JsonNode draft = rest.json("POST", "/sales/orders", order.append("]}").toString());
            long orderId = draft.get("id").asLong();

            long t = System.nanoTime();
            JsonNode confirmed = rest.json("POST", "/sales/orders/" + orderId + "/confirm", "");
            double confirmMillis = (System.nanoTime() - t) / 1e6;
            check(confirmed.get("state").asText().equals("confirmed"), "order not confirmed: " + confirmed.get("state"));

            StringBuilder shipment = new StringBuilder("{\"lines\":[");
            JsonNode orderLines = confirmed.get("lines");
            for (int i = 0; i < orderLines.size(); i++) {
                shipment.append(i == 0 ? "" : ",").append("{\"orderLineId\":").append(orderLines.get(i).get("id").asLong()).append(",\"quantity\":2}");
            }
            long shipmentId = rest.json("POST", "/sales/shipments", shipment.append("]}").toString()).get("id").asLong();
            rest.send("POST", "/sales/shipments/" + shipmentId + "/pick", "");
            rest.send("POST", "/sales/shipments/" + shipmentId + "/pack", "");
            t = System.nanoTime();
            JsonNode shipped = rest.json("POST", "/sales/shipments/" + shipmentId + "/ship", "");
            double shipMillis = (System.nanoTime() - t) / 1e6;
            check(shipped.get("state").asText().equals("shipped"), "shipment not shipped: " + shipped.get("state"));
            check(rest.json("GET", "/sales/orders/" + orderId, null).get("state").asText().equals("delivered"), "order not delivered");
            if (round > 0) {
                confirms.add(confirmMillis);
                ships.add(shipMillis);
            }
            System.out.printf("%s %d: confirm %,d lines %.0f ms, ship %,d lines %.0f ms%n", round > 0 ? "round" : "warm-up", round > 0 ? round
                : round + warmup, lines, confirmMillis, lines, shipMillis);
        }
        JsonNode verify = rest.json("GET", "/inventory/stock/verify", null);
        check(verify.get("sound").asBoolean(), "the ledger does not add up: " + verify);
        System.out.printf("%,d-line order, %d rounds after the warm-up: confirm median %.0f ms (min %.0f, max %.0f); ship median %.0f ms (min %.0f, max %.0f); "
            + "ledger verified%n", lines, rounds, median(confirms), Collections.min(confirms), Collections.max(confirms), median(ships),
            Collections.min(ships), Collections.max(ships));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalStateException(message);
        }
    }
}
