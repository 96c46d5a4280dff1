package io.kovan.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Sales and inventory together: a quote with live availability, promised dates and margins
 * through order, reservation, two shipments and a return, every figure worked out by hand; 32
 * confirmations racing for 10 units, refused and back-ordered; and inventory installed into, and
 * removed from, a running sales system that already has orders. REST and console only.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SalesInventoryIT extends KovanTestSupport {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @Test
    public void fromQuoteToReturnStockCostsMarginsAndTheFlowAddUp() throws Exception {
        both();
        long valve = product("SCN-VALVE", "STOCKED", "150", "80", "20", 10);
        long fitting = product("SCN-FIT", "STOCKED", "12", "7", "10", 3);
        long install = product("SCN-INSTALL", "SERVICE", "500", "200", "20", 0);
        // Valve: 6 @ 100 and 4 @ 125 → 10 on hand worth 1,100.00, average 110. Fitting: 20 @ 7.50 → 150.00.
        receive(valve, "6", "100");
        receive(valve, "4", "125");
        receive(fitting, "20", "7.50");
        long customer = customer("Scenario Tesisat A.Ş.");

        // Lines: 8 valves at 180 less 10 %, 30 fittings at 12, one installation at 500; 5 % off the document.
        // Valve: 1,440.00 − 144.00 = 1,296.00; − 64.80 = 1,231.20 net; VAT 20 % 246.24; cost 8 × 110 = 880.00; margin 351.20 = 28.53 %.
        // Fitting: 360.00; − 18.00 = 342.00 net; VAT 10 % 34.20; cost 30 × 7.50 = 225.00; margin 117.00 = 34.21 %.
        // Installation: 500.00; − 25.00 = 475.00 net; VAT 20 % 95.00; standard cost 200.00; margin 275.00 = 57.89 %.
        JsonNode quote = created(post("/api/sales/quotes", "{\"customerId\":" + customer + ",\"discountPercent\":5,\"lines\":["
            + "{\"productId\":" + valve + ",\"quantity\":8,\"unitPrice\":180,\"discountPercent\":10},"
            + "{\"productId\":" + fitting + ",\"quantity\":30,\"unitPrice\":12},"
            + "{\"productId\":" + install + ",\"quantity\":1,\"unitPrice\":500}]}"));
        assertAmounts(quote, Map.of("subtotal", "2156.00", "discountAmount", "107.80", "netTotal", "2048.20", "vatTotal", "375.44",
            "total", "2423.64", "totalCost", "1305.00", "totalMargin", "743.20", "marginPercent", "36.29"));
        JsonNode[] q = lines(quote);
        assertAmounts(q[0], Map.of("netAmount", "1231.20", "vatAmount", "246.24", "totalAmount", "1477.44", "unitCost", "110.0000",
            "margin", "351.20", "marginPercent", "28.53", "availableToPromise", "10.000"));
        assertEquals(TODAY.toString(), q[0].get("promisedDate").asText());
        assertAmounts(q[1], Map.of("netAmount", "342.00", "vatAmount", "34.20", "unitCost", "7.5000", "margin", "117.00",
            "marginPercent", "34.21", "availableToPromise", "20.000"));
        assertEquals("30 fittings with 20 on hand and none expected: the 3-day lead time", TODAY.plusDays(3).toString(),
            q[1].get("promisedDate").asText());
        assertAmounts(q[2], Map.of("netAmount", "475.00", "unitCost", "200.0000", "margin", "275.00", "marginPercent", "57.89"));
        assertTrue("a service has no availability", q[2].get("availableToPromise").isNull());
        assertEquals(TODAY.plusDays(3).toString(), quote.get("promisedDate").asText());

        // Convert and confirm: 8 valves and the 20 fittings there are reserved, 10 fittings back-ordered.
        JsonNode order = created(post("/api/sales/quotes/" + quote.get("id").asLong() + "/convert", ""));
        long orderId = order.get("id").asLong();
        assertEquals("2423.64", order.get("total").decimalValue().toPlainString());
        JsonNode confirmed = ok(post("/api/sales/orders/" + orderId + "/confirm", ""));
        assertEquals("confirmed", confirmed.get("state").asText());
        JsonNode[] o = lines(confirmed);
        assertQuantities(o[0], "8", "0", "0");
        assertQuantities(o[1], "20", "10", "0");
        assertQuantities(o[2], "0", "0", "0");
        assertStock(valve, "10", "8");
        assertStock(fitting, "20", "20");
        // The back-order is demand inventory sees: no fitting can be promised before the lead time.
        JsonNode atp = ok(get("/api/inventory/atp?product=" + fitting + "&quantity=1&date=" + TODAY.plusDays(3)));
        assertEquals(0, new BigDecimal("10").compareTo(atp.get("expectedDemand").decimalValue()));
        assertEquals(TODAY.plusDays(3).toString(), atp.get("promisedDate").asText());
        assertTrue(atp.get("fromLeadTime").asBoolean());
        assertExpectedDemand(fitting, "10");

        // First shipment: 5 valves, the 20 fittings, the installation. Costs: 5 × 110 = 550.00; 150.00 (all the fittings); 200.00.
        JsonNode first = ship(post("/api/sales/shipments", "{\"lines\":[" + shipLine(o[0], "5") + "," + shipLine(o[1], "20") + ","
            + shipLine(o[2], "1") + "]}"));
        JsonNode[] s1 = lines(first);
        assertAmounts(s1[0], Map.of("costAmount", "550.00"));
        assertAmounts(s1[1], Map.of("costAmount", "150.00"));
        assertAmounts(s1[2], Map.of("costAmount", "200.00"));
        JsonNode partly = ok(get("/api/sales/orders/" + orderId));
        assertEquals("partially-delivered", partly.get("state").asText());
        assertExpectedDemand(fitting, "10");
        assertQuantities(lines(partly)[0], "3", "0", "5");
        assertStock(valve, "5", "3");
        assertStock(fitting, "0", "0");
        assertEquals(409, post("/api/sales/shipments", "{\"lines\":[" + shipLine(o[0], "4") + "]}").status());

        // Ten more fittings arrive at 8.00; the rest ships: 3 valves 330.00 (reserved), 10 fittings 80.00 (unreserved, just received).
        receive(fitting, "10", "8");
        JsonNode second = ship(post("/api/sales/shipments", "{\"lines\":[" + shipLine(o[0], "3") + "," + shipLine(o[1], "10") + "]}"));
        assertAmounts(lines(second)[0], Map.of("costAmount", "330.00"));
        assertAmounts(lines(second)[1], Map.of("costAmount", "80.00"));
        JsonNode delivered = ok(get("/api/sales/orders/" + orderId));
        assertEquals("delivered", delivered.get("state").asText());
        assertQuantities(lines(delivered)[0], "0", "0", "8");
        assertQuantities(lines(delivered)[1], "0", "0", "30");
        JsonNode listed = ok(get("/api/sales/orders?customer=" + delivered.get("customerId").asLong() + "&limit=40")).get("items");
        JsonNode inList = null;
        for (JsonNode item : listed) {
            inList = item.get("id").asLong() == orderId ? item : inList;
        }
        assertQuantities(lines(inList)[1], "0", "0", "30");
        assertExpectedDemand(fitting, "0");
        assertStock(valve, "2", "0");
        assertStock(fitting, "0", "0");
        assertAmounts(ok(get("/api/inventory/products/" + valve)), Map.of("value", "220.00"));

        // One valve comes back against the first shipment, at the 110.00 it left at.
        JsonNode returned = created(post("/api/sales/returns", "{\"shipmentId\":" + first.get("id").asLong() + ",\"reason\":\"damaged box\","
            + "\"lines\":[{\"shipmentLineId\":" + s1[0].get("id").asLong() + ",\"quantity\":1}]}"));
        assertAmounts(lines(returned)[0], Map.of("costAmount", "110.00"));
        assertStock(valve, "3", "0");
        assertAmounts(ok(get("/api/inventory/products/" + valve)), Map.of("value", "330.00", "averageCost", "110.0000"));
        assertEquals(0, BigDecimal.ONE.compareTo(lines(ok(get("/api/sales/orders/" + orderId)))[0].get("returnedQuantity").decimalValue()));
        assertEquals("only 4 of the first shipment's 5 valves can still come back", 409, post("/api/sales/returns", "{\"shipmentId\":"
            + first.get("id").asLong() + ",\"lines\":[{\"shipmentLineId\":" + s1[0].get("id").asLong() + ",\"quantity\":5}]}").status());

        // The ledger: every sales move is sourced to its shipment or return, and every balance is its moves' sum.
        List<String> moves = new ArrayList<>();
        ok(get("/api/inventory/moves?product=" + valve + "&limit=500")).get("items").forEach(m -> moves.add(m.get("type").asText() + " "
            + m.get("quantity").decimalValue().stripTrailingZeros().toPlainString() + " " + m.get("totalCost").decimalValue().setScale(2).toPlainString()
            + " " + m.get("sourceType").asText()));
        assertEquals(List.of("RECEIPT 6 600.00 inventory.receipt", "RECEIPT 4 500.00 inventory.receipt", "ISSUE 5 550.00 sales.shipment",
            "ISSUE 3 330.00 sales.shipment", "RETURN 1 110.00 sales.return"), moves);
        assertTrue(ok(get("/api/inventory/stock/verify")).get("sound").asBoolean());

        // The document flow from the quote reaches the order, both shipments and the return.
        Set<String> flow = new TreeSet<>();
        ok(get("/api/core/documents/sales.quote/" + quote.get("id").asLong() + "/flow")).get("documents")
            .forEach(d -> flow.add(d.get("number").asText().replaceAll("-\\d{4}-\\d+$", "") + " " + d.get("state").asText()));
        assertEquals(Set.of("SQ converted", "SO delivered", "SH shipped", "RT received"), flow);
        assertEquals(5, ok(get("/api/core/documents/sales.quote/" + quote.get("id").asLong() + "/flow")).get("documents").size());

        // The sales report reads the same documents: net 2,048.20; cost from the shipments 880 + 230 + 200 = 1,310.00.
        JsonNode report = ok(get("/api/sales/reports/sales?groupBy=customer&from=" + TODAY + "&to=" + TODAY));
        JsonNode row = null;
        for (JsonNode r : report.get("rows")) {
            if (r.get("key").asText().equals(String.valueOf(customer))) {
                row = r;
            }
        }
        assertAmounts(row, Map.of("netAmount", "2048.20", "cost", "1310.00", "margin", "738.20"));
        assertTrue(console("sales:order-list --customer " + customer).contains(order.get("number").asText()));
        // The customer's timeline shows the quote, the order, the shipments and the return.
        Set<String> kinds = new TreeSet<>();
        ok(get("/api/core/parties/" + customer + "/timeline")).get("items").forEach(e -> kinds.add(e.get("module").asText() + "/"
            + e.get("kind").asText()));
        assertTrue(kinds.toString(), kinds.containsAll(Set.of("sales/quote", "sales/order", "sales/shipment", "sales/return")));
    }

    /**
     * A 24-line order confirmed and shipped in one call each, which inventory does set-wise:
     * the moves must be the ones a line-by-line issue makes, from lots by expiry and from the
     * fuller location first, one product on two lines, and a shortage still refuses the lot.
     */
    @Test
    public void aLongShipmentTakesFromLotsAndLocationsLineByLineAndAShortageWritesNothing() throws Exception {
        both();
        shortage("BACKORDER");
        String run = "LS" + System.nanoTime() % 100000 + "-";
        long wh = ok(get("/api/inventory/warehouses?q=WH")).get("items").get(0).get("id").asLong();
        long aisle = created(post("/api/inventory/locations", "{\"warehouseId\":" + wh + ",\"code\":\"" + run + "A\",\"name\":\"Aisle\"}"))
            .get("id").asLong();
        List<Long> plain = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            plain.add(product(run + i, "STOCKED", "50", "1", "20", 0));
            receive(plain.get(i - 1), "10", i + ".25");
        }
        // Split: 4 in the warehouse's root, 6 in the aisle, all at 10 → 8 shipped take the aisle's 6, then 2 from the root.
        long split = product(run + "SPLIT", "STOCKED", "50", "1", "20", 0);
        receive(split, "4", "10");
        ok(post("/api/inventory/receipts/" + created(post("/api/inventory/receipts", "{\"locationId\":" + aisle + ",\"lines\":[{\"productId\":"
            + split + ",\"quantity\":6,\"unitCost\":10}]}")).get("id").asLong() + "/post", ""));
        // Lots: 5 expiring late at 20, 5 expiring early at 30 → average 25; 7 shipped: the early 5 (125.00), then 2 late (50.00).
        long lots = product(run + "LOT", "STOCKED", "50", "1", "20", 0);
        long version = ok(get("/api/inventory/products/" + lots)).get("version").asLong();
        ok(put("/api/inventory/products/" + lots, "{\"tracking\":\"LOT\",\"costing\":\"AVERAGE\",\"version\":" + version + "}"));
        for (String[] lot : new String[][] {{"LATE", "60", "20"}, {"EARLY", "30", "30"}}) {
            ok(post("/api/inventory/receipts/" + created(post("/api/inventory/receipts", "{\"lines\":[{\"productId\":" + lots + ",\"quantity\":5,"
                + "\"unitCost\":" + lot[2] + ",\"lotNumber\":\"" + run + lot[0] + "\",\"expiryDate\":\"" + TODAY.plusDays(Long.parseLong(lot[1]))
                + "\"}]}")).get("id").asLong() + "/post", ""));
        }
        // Twice on the order: 2 @ 1 and 3 @ 2 received, worth 8.00, average 1.60; 2 shipped cost 3.20, the other 3 empty it: 4.80.
        long twice = product(run + "TWICE", "STOCKED", "50", "1", "20", 0);
        receive(twice, "2", "1");
        receive(twice, "3", "2");

        StringBuilder orderLines = new StringBuilder();
        plain.forEach(p -> orderLines.append("{\"productId\":").append(p).append(",\"quantity\":3},"));
        orderLines.append("{\"productId\":").append(split).append(",\"quantity\":8},{\"productId\":").append(lots).append(",\"quantity\":7},")
            .append("{\"productId\":").append(twice).append(",\"quantity\":2},{\"productId\":").append(twice).append(",\"quantity\":3}");
        long customer = customer("Long Order A.Ş.");
        long orderId = created(post("/api/sales/orders", "{\"customerId\":" + customer + ",\"lines\":[" + orderLines + "]}")).get("id").asLong();
        JsonNode[] o = lines(ok(post("/api/sales/orders/" + orderId + "/confirm", "")));
        assertEquals(24, o.length);
        for (JsonNode line : o) {
            assertQuantities(line, line.get("quantity").decimalValue().toPlainString(), "0", "0");
        }
        assertStock(twice, "5", "5");
        assertStock(split, "10", "8");

        JsonNode shipped = ship(post("/api/sales/shipments", "{\"lines\":[" + String.join(",", java.util.Arrays.stream(o)
            .map(l -> shipLine(l, l.get("quantity").decimalValue().toPlainString())).toList()) + "]}"));
        Map<Long, String> expected = new TreeMap<>();
        for (int i = 1; i <= 20; i++) {
            expected.put(plain.get(i - 1), "WH 3 " + new BigDecimal(i + ".25").multiply(new BigDecimal(3)).setScale(2));
        }
        expected.put(split, "WH 2 20.00 | WH/" + run + "A 6 60.00");
        expected.put(lots, "WH " + run + "EARLY 5 125.00 | WH " + run + "LATE 2 50.00");
        expected.put(twice, "WH 2 3.20 | WH 3 4.80");
        Map<Long, String> paths = new java.util.HashMap<>();
        ok(get("/api/inventory/locations?warehouse=" + wh + "&limit=500")).get("items").forEach(l -> paths.put(l.get("id").asLong(), l.get("path").asText()));
        Map<Long, List<String>> moves = new TreeMap<>();
        ok(get("/api/inventory/moves?sourceType=sales.shipment&source=" + shipped.get("id").asLong() + "&limit=500")).get("items").forEach(m -> moves.computeIfAbsent(m.get("productId").asLong(), p -> new ArrayList<>()).add(paths.get(m.get("fromLocationId").asLong())
                + (m.get("lotNumber").isNull() ? "" : " " + m.get("lotNumber").asText()) + " "
                + m.get("quantity").decimalValue().stripTrailingZeros().toPlainString() + " " + m.get("totalCost").decimalValue().setScale(2)));
        Map<Long, String> actual = new TreeMap<>();
        moves.forEach((p, list) -> actual.put(p, String.join(" | ", list.stream().sorted().toList())));
        assertEquals(expected, actual);
        assertStock(twice, "0", "0");
        assertStock(split, "2", "0");
        assertAmounts(ok(get("/api/inventory/products/" + twice)), Map.of("value", "0.00"));
        assertAmounts(ok(get("/api/inventory/products/" + lots)), Map.of("value", "75.00"));
        assertAmounts(ok(get("/api/inventory/products/" + plain.get(0))), Map.of("value", "8.75", "averageCost", "1.2500"));
        assertEquals("delivered", ok(get("/api/sales/orders/" + orderId)).get("state").asText());

        // 5 ordered with 2 on hand: 2 reserved, 3 back-ordered; shipping all 5 with a line of plain goods is refused whole.
        long scarce = product(run + "SCARCE", "STOCKED", "50", "1", "20", 0);
        receive(scarce, "2", "4");
        long scarceOrder = created(post("/api/sales/orders", "{\"customerId\":" + customer + ",\"lines\":["
            + "{\"productId\":" + plain.get(0) + ",\"quantity\":1},{\"productId\":" + scarce + ",\"quantity\":5}]}")).get("id").asLong();
        JsonNode[] b = lines(ok(post("/api/sales/orders/" + scarceOrder + "/confirm", "")));
        assertQuantities(b[1], "2", "3", "0");
        assertExpectedDemand(scarce, "3");
        long draft = created(post("/api/sales/shipments", "{\"lines\":[" + shipLine(b[0], "1") + "," + shipLine(b[1], "5") + "]}")).get("id").asLong();
        ok(post("/api/sales/shipments/" + draft + "/pick", ""));
        ok(post("/api/sales/shipments/" + draft + "/pack", ""));
        int movesBefore = ok(get("/api/inventory/moves?limit=1")).get("total").asInt();
        Reply refused = post("/api/sales/shipments/" + draft + "/ship", "");
        assertEquals(refused.body(), 409, refused.status());
        assertTrue(refused.body(), refused.body().contains(run + "SCARCE"));
        assertEquals(movesBefore, ok(get("/api/inventory/moves?limit=1")).get("total").asInt());
        assertStock(plain.get(0), "7", "1");
        assertStock(scarce, "2", "2");
        assertEquals("packed", ok(get("/api/sales/shipments/" + draft)).get("state").asText());
        assertTrue(ok(get("/api/inventory/stock/verify")).get("sound").asBoolean());

        // Cancelled, the order is no longer demand, and its reservation is released.
        ok(post("/api/sales/shipments/" + draft + "/cancel", ""));
        assertExpectedDemand(scarce, "3");
        assertEquals("cancelled", ok(post("/api/sales/orders/" + scarceOrder + "/cancel", "")).get("state").asText());
        assertExpectedDemand(scarce, "0");
        assertStock(scarce, "2", "0");
    }

    /**
     * One-step delivery: {@code POST /api/sales/shipments?ship=true} picks, packs and ships in one
     * transaction, through the workflow; refused, it leaves no shipment, no number and no stock move.
     */
    @Test
    public void aShipmentShipsInOneStepAndARefusedOneWritesNothing() throws Exception {
        both();
        shortage("BACKORDER");
        String run = "OS" + System.nanoTime() % 100000 + "-";
        long customer = customer("One Step Ltd.");
        long plenty = product(run + "PLENTY", "STOCKED", "50", "1", "20", 0);
        receive(plenty, "5", "10");
        long scarce = product(run + "SCARCE", "STOCKED", "50", "1", "20", 0);
        receive(scarce, "2", "4");
        long orderId = created(post("/api/sales/orders", "{\"customerId\":" + customer + ",\"lines\":["
            + "{\"productId\":" + plenty + ",\"quantity\":3},{\"productId\":" + scarce + ",\"quantity\":5}]}")).get("id").asLong();
        JsonNode[] lines = lines(ok(post("/api/sales/orders/" + orderId + "/confirm", "")));

        Reply wrongFlag = post("/api/sales/shipments?ship=yes", "{\"lines\":[" + shipLine(lines[0], "3") + "]}");
        assertEquals(wrongFlag.body(), 400, wrongFlag.status());
        assertTrue(wrongFlag.body(), wrongFlag.body().contains("\"ship\""));

        JsonNode shipped = created(post("/api/sales/shipments?ship=true", "{\"lines\":[" + shipLine(lines[0], "3") + "]}"));
        assertEquals("shipped", shipped.get("state").asText());
        assertEquals(TODAY.toString(), shipped.get("shippedDate").asText());
        assertAmounts(lines(shipped)[0], Map.of("costAmount", "30.00"));
        List<String> steps = new ArrayList<>();
        ok(get("/api/core/workflows/sales.shipment/" + shipped.get("id").asLong() + "/history"))
            .forEach(h -> steps.add(h.get("from").asText() + ">" + h.get("to").asText()));
        assertEquals(List.of("draft>picked", "picked>packed", "packed>shipped"), steps);
        List<String> audited = new ArrayList<>();
        ok(get("/api/core/audit?entity=sales.shipment&id=" + shipped.get("id").asLong())).forEach(a -> audited.add(a.get("action").asText()
            + (a.get("action").asText().equals("updated") ? " " + a.get("changes").get("state").get("before").asText() + ">"
            + a.get("changes").get("state").get("after").asText() : "")));
        assertEquals("every step in the audit trail, as when taken one by one",
            List.of("linked", "created", "transition pick", "updated draft>picked", "transition pack", "updated picked>packed", "transition ship",
                "updated packed>shipped"), audited);
        List<String> events = new ArrayList<>();
        try (java.sql.Connection c = dataSource().getConnection(); java.sql.PreparedStatement q = c.prepareStatement(
            "SELECT EVENT_NAME FROM KV_OUTBOX WHERE EVENT_NAME LIKE 'sales.shipment.%' AND PAYLOAD LIKE ? ORDER BY ID")) {
            q.setString(1, "%\"id\":" + shipped.get("id").asLong() + ",%");
            try (java.sql.ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    events.add(rs.getString(1));
                }
            }
        }
        assertEquals("every step's event, as when taken one by one", List.of("sales.shipment.created", "sales.shipment.picked",
            "sales.shipment.packed", "sales.shipment.shipped"), events);
        assertStock(plenty, "2", "0");
        assertEquals("partially-delivered", ok(get("/api/sales/orders/" + orderId)).get("state").asText());

        // 5 of the scarce product with 2 there: the goods issue refuses it, and nothing of the shipment stays.
        int shipments = ok(get("/api/sales/shipments?limit=1")).get("total").asInt();
        int moves = ok(get("/api/inventory/moves?limit=1")).get("total").asInt();
        Reply refused = post("/api/sales/shipments?ship=true", "{\"lines\":[" + shipLine(lines[1], "5") + "]}");
        assertEquals(refused.body(), 409, refused.status());
        assertEquals(shipments, ok(get("/api/sales/shipments?limit=1")).get("total").asInt());
        assertEquals(moves, ok(get("/api/inventory/moves?limit=1")).get("total").asInt());
        assertStock(scarce, "2", "2");
        JsonNode next = created(post("/api/sales/shipments?ship=true", "{\"lines\":[" + shipLine(lines[1], "2") + "]}"));
        assertEquals("the refused shipment took no number", number(shipped) + 1, number(next));
        assertStock(scarce, "0", "0");
    }

    private static long number(JsonNode document) {
        String n = document.get("number").asText();
        return Long.parseLong(n.substring(n.lastIndexOf('-') + 1));
    }

    @Test
    public void thirtyTwoConfirmationsCompetingForTenUnitsAreRefusedOrBackOrderedAndAddUp() throws Exception {
        both();
        long customer = customer("Race Alıcı Ltd.");
        try {
            shortage("REFUSE");
            long refused = product("RACE-REFUSE", "STOCKED", "10", "5", "20", 0);
            receive(refused, "10", "5");
            List<Long> orders = orders(customer, refused, 32);
            Map<Integer, Integer> statuses = race(orders.size(),
                client -> post("/api/sales/orders/" + orders.get(client - 1) + "/confirm", "").status());
            assertEquals("ten confirmed, the rest refused: " + statuses, Map.of(200, 10, 409, 22), statuses);
            assertStock(refused, "10", "10");
            assertEquals(10, ok(get("/api/sales/orders?customer=" + customer + "&state=confirmed&limit=500")).get("total").asInt());
            assertEquals("a refused confirmation leaves its order a draft", 22,
                ok(get("/api/sales/orders?customer=" + customer + "&state=draft&limit=500")).get("total").asInt());

            shortage("BACKORDER");
            long backordered = product("RACE-BACK", "STOCKED", "10", "5", "20", 0);
            receive(backordered, "10", "5");
            List<Long> more = orders(customer, backordered, 32);
            Map<Integer, Integer> all = race(more.size(),
                client -> post("/api/sales/orders/" + more.get(client - 1) + "/confirm", "").status());
            assertEquals("every confirmation goes through: " + all, Map.of(200, 32), all);
            BigDecimal reserved = BigDecimal.ZERO;
            BigDecimal backorder = BigDecimal.ZERO;
            for (long id : more) {
                JsonNode line = lines(ok(get("/api/sales/orders/" + id)))[0];
                reserved = reserved.add(line.get("reservedQuantity").decimalValue());
                backorder = backorder.add(line.get("backorderQuantity").decimalValue());
            }
            assertEquals("exactly the ten units there are reserved", 0, BigDecimal.TEN.compareTo(reserved));
            assertEquals("and the other 22 back-ordered", 0, new BigDecimal("22").compareTo(backorder));
            assertStock(backordered, "10", "10");
            assertTrue(ok(get("/api/inventory/stock/verify")).get("sound").asBoolean());
        } finally {
            shortage("BACKORDER");
        }
    }

    /**
     * An order line shipped in two halves, and 16 clients each returning one piece against either
     * half at once: every return the line allows goes through, the rest are 409, and the order
     * line's returned quantity, which both shipments share, loses none of them.
     */
    @Test
    public void sixteenReturnsAgainstTwoShipmentsOfOneLineLoseNoQuantity() throws Exception {
        both();
        long product = product("RACE-RETURN", "STOCKED", "30", "10", "20", 0);
        receive(product, "10", "10");
        JsonNode order = confirmedOrder(customer("Race İade Ltd."), product, "10");
        JsonNode line = lines(order)[0];
        long[] shipmentLines = new long[2];
        long[] shipments = new long[2];
        for (int half = 0; half < 2; half++) {
            JsonNode shipped = ship(post("/api/sales/shipments", "{\"lines\":[" + shipLine(line, "5") + "]}"));
            shipments[half] = shipped.get("id").asLong();
            shipmentLines[half] = lines(shipped)[0].get("id").asLong();
        }
        assertStock(product, "0", "0");
        Map<Integer, Integer> statuses = race(16, client -> post("/api/sales/returns", "{\"shipmentId\":" + shipments[client % 2]
            + ",\"lines\":[{\"shipmentLineId\":" + shipmentLines[client % 2] + ",\"quantity\":1}]}").status());
        assertEquals("five returns per half, the rest refused: " + statuses, Map.of(201, 10, 409, 6), statuses);
        JsonNode after = lines(ok(get("/api/sales/orders/" + order.get("id").asLong())))[0];
        assertEquals("every accepted return counted on the order line", 0, BigDecimal.TEN.compareTo(after.get("returnedQuantity").decimalValue()));
        for (long shipment : shipments) {
            assertEquals(0, new BigDecimal("5").compareTo(lines(ok(get("/api/sales/shipments/" + shipment)))[0].get("returnedQuantity").decimalValue()));
        }
        assertStock(product, "10", "0");
        assertTrue(ok(get("/api/inventory/stock/verify")).get("sound").asBoolean());
    }

    @Test
    public void inventoryComesIntoAndLeavesARunningSalesSystemWithOrders() throws Exception {
        installModule("kovan-sales", "/api/sales/quotes");
        if (get("/api/inventory/warehouses").status() == 200) {
            console("feature:uninstall kovan-inventory");
            awaitStatus("/api/inventory/warehouses", 404);
        }
        long customer = customer("Hot Swap Dağıtım");
        long product = product("SWAP-1", "STOCKED", "40", "25", "20", 2);
        Map<Integer, Integer> histogram = statusesWhile("/api/sales/orders?limit=1", () -> {
            // Sales alone: no availability, the lead time promises, nothing reserved.
            JsonNode before = confirmedOrder(customer, product, "2");
            assertTrue(lines(before)[0].get("availableToPromise").isNull());
            assertEquals(TODAY.plusDays(2).toString(), lines(before)[0].get("promisedDate").asText());
            assertQuantities(lines(before)[0], "0", "0", "0");

            installModule("kovan-inventory", "/api/inventory/warehouses");
            receive(product, "5", "30");
            // The order confirmed before inventory came ships from its stock, at its cost.
            JsonNode shipped = ship(post("/api/sales/shipments", "{\"lines\":[" + shipLine(lines(before)[0], "2") + "]}"));
            assertAmounts(lines(shipped)[0], Map.of("costAmount", "60.00"));
            assertStock(product, "3", "0");
            JsonNode reserving = confirmedOrder(customer, product, "1");
            assertQuantities(lines(reserving)[0], "1", "0", "0");
            assertEquals(0, new BigDecimal("2").compareTo(lines(created(post("/api/sales/quotes", "{\"customerId\":" + customer
                + ",\"lines\":[{\"productId\":" + product + ",\"quantity\":1}]}")))[0].get("availableToPromise").decimalValue()));

            console("feature:uninstall kovan-inventory");
            awaitStatus("/api/inventory/warehouses", 404);
            // Sales carries on: quotes without availability, orders confirmed without reservation.
            JsonNode after = confirmedOrder(customer, product, "1");
            assertTrue(lines(after)[0].get("availableToPromise").isNull());
            assertEquals(200, get("/api/sales/orders/" + reserving.get("id").asLong()).status());

            // The order that holds a reservation ships while inventory is away: no goods issue, the standard cost counts.
            JsonNode shippedAway = ship(post("/api/sales/shipments", "{\"lines\":[" + shipLine(lines(reserving)[0], "1") + "]}"));
            assertAmounts(lines(shippedAway)[0], Map.of("costAmount", "25.00"));

            installModule("kovan-inventory", "/api/inventory/warehouses");
            // Back, inventory still holds that reservation until sales gives it back for the line it shipped meanwhile.
            awaitReserved(product, "0");
            assertStock(product, "3", "0");
        });
        int calls = histogram.values().stream().mapToInt(Integer::intValue).sum();
        assertTrue("too few calls to mean anything: " + histogram, calls >= 20);
        assertEquals("every sales call while inventory came and went: " + histogram, Map.of(200, calls), histogram);
    }

    // ---- helpers ---------------------------------------------------------------------------

    private void both() throws Exception {
        installModule("kovan-sales", "/api/sales/quotes");
        installModule("kovan-inventory", "/api/inventory/warehouses");
    }

    /** Sets how a confirmation meets a shortage, and waits until sales answers by it. */
    private void shortage(String mode) throws Exception {
        console("config:property-set --pid io.kovan.sales confirm.shortage " + mode);
        long customer = customer("Shortage Probe " + mode);
        long product = product("PROBE-" + mode + "-" + System.nanoTime() % 100000, "STOCKED", "1", "1", "20", 0);
        for (int attempt = 0; attempt < 100; attempt++) {
            JsonNode order = created(post("/api/sales/orders", "{\"customerId\":" + customer + ",\"lines\":[{\"productId\":" + product
                + ",\"quantity\":1}]}"));
            Reply confirm = post("/api/sales/orders/" + order.get("id").asLong() + "/confirm", "");
            boolean refusing = confirm.status() == 409;
            if (confirm.status() == 200) {
                ok(post("/api/sales/orders/" + order.get("id").asLong() + "/cancel", ""));
            }
            if (refusing == mode.equals("REFUSE")) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("sales did not take confirm.shortage = " + mode);
    }

    private JsonNode confirmedOrder(long customer, long product, String quantity) throws Exception {
        long id = created(post("/api/sales/orders", "{\"customerId\":" + customer + ",\"lines\":[{\"productId\":" + product + ",\"quantity\":"
            + quantity + "}]}")).get("id").asLong();
        JsonNode confirmed = ok(post("/api/sales/orders/" + id + "/confirm", ""));
        assertEquals("confirmed", confirmed.get("state").asText());
        return confirmed;
    }

    private List<Long> orders(long customer, long product, int count) throws Exception {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(created(post("/api/sales/orders", "{\"customerId\":" + customer + ",\"lines\":[{\"productId\":" + product
                + ",\"quantity\":1}]}")).get("id").asLong());
        }
        return ids;
    }

    /** Creates the shipment the reply holds, then picks, packs and ships it. */
    private JsonNode ship(Reply draft) throws Exception {
        long id = created(draft).get("id").asLong();
        ok(post("/api/sales/shipments/" + id + "/pick", ""));
        ok(post("/api/sales/shipments/" + id + "/pack", ""));
        JsonNode shipped = ok(post("/api/sales/shipments/" + id + "/ship", ""));
        assertEquals("shipped", shipped.get("state").asText());
        return shipped;
    }

    private static String shipLine(JsonNode orderLine, String quantity) {
        return "{\"orderLineId\":" + orderLine.get("id").asLong() + ",\"quantity\":" + quantity + "}";
    }

    private long product(String code, String type, String price, String cost, String vat, int leadTime) throws Exception {
        return created(post("/api/core/products", "{\"code\":\"" + code + "\",\"name\":\"Product " + code + "\",\"type\":\"" + type
            + "\",\"unit\":\"PCS\",\"salesPrice\":" + price + ",\"standardCost\":" + cost + ",\"vatRate\":" + vat + ",\"leadTimeDays\":" + leadTime
            + "}")).get("id").asLong();
    }

    private long customer(String name) throws Exception {
        return created(post("/api/core/parties", "{\"kind\":\"ORGANIZATION\",\"name\":\"" + name + "\",\"roles\":[\"CUSTOMER\"]}")).get("id").asLong();
    }

    private void receive(long product, String quantity, String unitCost) throws Exception {
        long id = created(post("/api/inventory/receipts", "{\"lines\":[{\"productId\":" + product + ",\"quantity\":" + quantity + ",\"unitCost\":"
            + unitCost + "}]}")).get("id").asLong();
        ok(post("/api/inventory/receipts/" + id + "/post", ""));
    }

    private void assertStock(long product, String onHand, String reserved) throws Exception {
        JsonNode items = ok(get("/api/inventory/stock?product=" + product + "&nonZero=false")).get("items");
        assertEquals(items.toString(), 1, items.size());
        assertEquals("on hand of " + product, 0, new BigDecimal(onHand).compareTo(items.get(0).get("onHand").decimalValue()));
        assertEquals("reserved of " + product, 0, new BigDecimal(reserved).compareTo(items.get(0).get("reserved").decimalValue()));
    }

    /** Sales reconciles its reservations off the start-up thread: polls until the product's reserved stock is {@code reserved}. */
    private void awaitReserved(long product, String reserved) throws Exception {
        for (int i = 0; i < 150; i++) {
            Reply stock = get("/api/inventory/stock?product=" + product + "&nonZero=false");
            if (stock.status() == 200 && stock.json().get("items").size() == 1
                && new BigDecimal(reserved).compareTo(stock.json().get("items").get(0).get("reserved").decimalValue()) == 0) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("reserved stock of product " + product + " did not become " + reserved + " within 30 s");
    }

    /** What inventory expects sales to take of the product that is not reserved: the confirmed orders' back-orders. */
    private void assertExpectedDemand(long product, String quantity) throws Exception {
        JsonNode atp = ok(get("/api/inventory/atp?product=" + product + "&quantity=1&date=" + TODAY.plusYears(1)));
        assertEquals("expected demand of product " + product + ": " + atp, 0, new BigDecimal(quantity).compareTo(atp.get("expectedDemand").decimalValue()));
    }

    private static void assertQuantities(JsonNode line, String reserved, String backorder, String delivered) {
        assertEquals("reserved " + line, 0, new BigDecimal(reserved).compareTo(line.get("reservedQuantity").decimalValue()));
        assertEquals("back-ordered " + line, 0, new BigDecimal(backorder).compareTo(line.get("backorderQuantity").decimalValue()));
        assertEquals("delivered " + line, 0, new BigDecimal(delivered).compareTo(line.get("deliveredQuantity").decimalValue()));
    }

    /** Each field equals the amount exactly, scale included (amounts come at the currency's decimals). */
    private static void assertAmounts(JsonNode node, Map<String, String> expected) {
        assertTrue("no such row", node != null);
        Map<String, String> actual = new TreeMap<>();
        expected.keySet().forEach(k -> actual.put(k, node.get(k) == null || node.get(k).isNull() ? null : node.get(k).decimalValue().toPlainString()));
        assertEquals(node.toString(), new TreeMap<>(expected), actual);
    }

    private static JsonNode[] lines(JsonNode document) {
        List<JsonNode> list = new ArrayList<>();
        document.get("lines").forEach(list::add);
        return list.toArray(JsonNode[]::new);
    }
}
