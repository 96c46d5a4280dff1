package io.kovan.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The inventory module alone in a running distribution: hot install and removal, the ledger's
 * costs (moving average with a back-dated receipt, FIFO), lots and serials, transfers and counts,
 * available-to-promise with another bundle's expected demand, the reservation race and bad input.
 * Figures are worked out by hand in the comments; every test uses products of its own.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class InventoryIT extends KovanTestSupport {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @Test
    public void installedStoppedAndStartedWhileTheKernelKeepsServing() throws Exception {
        Map<Integer, Integer> histogram = statusesWhile("/api/core/parties", () -> {
            installModule("kovan-inventory", "/api/inventory/warehouses");
            JsonNode warehouses = ok(get("/api/inventory/warehouses"));
            assertEquals("the first start creates the main warehouse", "WH", warehouses.get("items").get(0).get("code").asText());
            assertTrue(console("stock:warehouse-list").contains("Main warehouse"));
            assertTrue(console("kovan:modules").lines().anyMatch(l -> l.startsWith("inventory ") && l.contains("/api/inventory")));
            // The implementation stops; its API bundle stays, as it does beside sales, so this probe's wiring to it holds.
            // (Removing the whole feature while sales runs is SalesInventoryIT's.)
            console("bundle:stop io.kovan.inventory.impl");
            awaitStatus("/api/inventory/warehouses", 404);
            assertEquals("its workflows leave with it", 404, get("/api/core/workflows/inventory.receipt").status());
            console("bundle:start io.kovan.inventory.impl");
            awaitStatus("/api/inventory/warehouses", 200);
            assertEquals("the data survives the module's removal, and no second WH is made", 1,
                ok(get("/api/inventory/warehouses?q=WH")).get("total").asInt());
        });
        int calls = histogram.values().stream().mapToInt(Integer::intValue).sum();
        assertTrue("too few calls to mean anything: " + histogram, calls >= 20);
        assertEquals("every kernel call while inventory came, went and came back: " + histogram, Map.of(200, calls), histogram);
    }

    @Test
    public void theLedgerCostsIssuesAtAverageAndFifoAndTracksLotsAndSerials() throws Exception {
        installModule("kovan-inventory", "/api/inventory/warehouses");
        long wh = mainWarehouse();
        long root = ok(get("/api/inventory/warehouses/" + wh)).get("rootLocationId").asLong();

        // Moving average: 10 @ 100 and 10 @ 130 → 20 at 115; 5 issued cost 575.00.
        long a = product("LED-A", 0);
        receive(a, "10", "100", null, null);
        receive(a, "10", "130", null, null);
        List<InventoryCalls.Move> issued = issue(a, wh, "5");
        assertEquals(1, issued.size());
        assertEquals(new BigDecimal("575.00"), issued.get(0).totalCost().setScale(2));
        assertEquals(new BigDecimal("115.0000"), issued.get(0).unitCost());
        // A receipt dated ten days ago (5 @ 90) joins today's average: (1725 + 450) / 20 = 108.75; the issue keeps its cost.
        receive(a, "5", "90", TODAY.minusDays(10), null);
        JsonNode valuationA = ok(get("/api/inventory/products/" + a));
        assertEquals(new BigDecimal("20.000"), valuationA.get("onHand").decimalValue());
        assertEquals(new BigDecimal("2175.00"), valuationA.get("value").decimalValue());
        assertEquals(new BigDecimal("108.7500"), valuationA.get("averageCost").decimalValue());
        assertEquals(new BigDecimal("575.00"), ok(get("/api/inventory/moves?product=" + a + "&type=ISSUE")).get("items").get(0)
            .get("totalCost").decimalValue().setScale(2));
        // Five days ago only the back-dated receipt had happened.
        assertEquals(new BigDecimal("450.00"), warehouseValue(ok(get("/api/inventory/reports/valuation?date=" + TODAY.minusDays(5))), wh, a));

        // FIFO: 5 @ 10 (two days ago) and 5 @ 20; 7 issued cost 5 × 10 + 2 × 20 = 90.00; 3 @ 20 remain.
        long b = product("LED-B", 0);
        settings(b, "NONE", "FIFO");
        receive(b, "5", "10", TODAY.minusDays(2), null);
        receive(b, "5", "20", null, null);
        assertEquals(new BigDecimal("90.00"), issue(b, wh, "7").get(0).totalCost().setScale(2));
        JsonNode valuationB = ok(get("/api/inventory/products/" + b));
        assertEquals(new BigDecimal("60.00"), valuationB.get("value").decimalValue());
        assertEquals(new BigDecimal("20.0000"), valuationB.get("averageCost").decimalValue());
        assertEquals("costing changes only with nothing on hand", 409, put("/api/inventory/products/" + b,
            "{\"tracking\":\"NONE\",\"costing\":\"AVERAGE\",\"version\":" + valuationB.get("version").asLong() + "}").status());

        // Lots: the issue takes the lot that expires first.
        long c = product("LED-C", 0);
        settings(c, "LOT", "AVERAGE");
        assertEquals("lines[0].lotNumber", problemField(post("/api/inventory/receipts", "{\"lines\":[{\"productId\":" + c
            + ",\"quantity\":1,\"unitCost\":5}]}")));
        receive(c, "4", "5", null, "\"lotNumber\":\"L-LATE\",\"expiryDate\":\"" + TODAY.plusDays(30) + "\"");
        receive(c, "6", "5", null, "\"lotNumber\":\"L-SOON\",\"expiryDate\":\"" + TODAY.plusDays(10) + "\"");
        List<InventoryCalls.Move> fefo = issue(c, wh, "7");
        assertEquals(List.of("L-SOON 6.000", "L-LATE 1.000"), fefo.stream().map(m -> m.lotNumber() + " " + m.quantity().setScale(3)).toList());
        JsonNode lots = ok(get("/api/inventory/stock?product=" + c + "&by=lot")).get("items");
        assertEquals(1, lots.size());
        assertEquals("L-LATE", lots.get(0).get("lotNumber").asText());
        assertEquals(new BigDecimal("3.000"), lots.get(0).get("onHand").decimalValue());

        // Serial numbers: one per unit, never twice in stock.
        long d = product("LED-D", 0);
        settings(d, "SERIAL", "AVERAGE");
        assertEquals("lines[0].serialNumbers", problemField(post("/api/inventory/receipts", "{\"lines\":[{\"productId\":" + d
            + ",\"quantity\":2,\"unitCost\":1000,\"serialNumbers\":[\"SN-1\"]}]}")));
        receive(d, "2", "1000", null, "\"serialNumbers\":[\"SN-1\",\"SN-2\"]");
        long again = created(post("/api/inventory/receipts", "{\"lines\":[{\"productId\":" + d + ",\"quantity\":1,\"unitCost\":1000,"
            + "\"serialNumbers\":[\"SN-1\"]}]}")).get("id").asLong();
        assertEquals(409, post("/api/inventory/receipts/" + again + "/post", "").status());
        assertEquals("a refused posting leaves the receipt a draft", "draft", ok(get("/api/inventory/receipts/" + again)).get("state").asText());
        assertEquals(2, ok(get("/api/inventory/stock?product=" + d + "&by=lot")).get("total").asInt());

        // A transfer inside the warehouse moves goods, not value; a count posts the difference at cost.
        long aisle = created(post("/api/inventory/locations", "{\"warehouseId\":" + wh + ",\"code\":\"LED-A1\",\"name\":\"Aisle 1\"}"))
            .get("id").asLong();
        assertEquals("WH/LED-A1", ok(get("/api/inventory/locations/" + aisle)).get("path").asText());
        long transfer = created(post("/api/inventory/transfers", "{\"fromLocationId\":" + root + ",\"toLocationId\":" + aisle
            + ",\"lines\":[{\"productId\":" + a + ",\"quantity\":3}]}")).get("id").asLong();
        assertEquals("posted", ok(post("/api/inventory/transfers/" + transfer + "/post", "")).get("state").asText());
        Map<String, BigDecimal> byLocation = new TreeMap<>();
        ok(get("/api/inventory/stock?product=" + a + "&by=location")).get("items")
            .forEach(s -> byLocation.put(s.get("locationPath").asText(), s.get("onHand").decimalValue()));
        assertEquals(Map.of("WH", new BigDecimal("17.000"), "WH/LED-A1", new BigDecimal("3.000")), byLocation);
        assertEquals(new BigDecimal("2175.00"), ok(get("/api/inventory/products/" + a)).get("value").decimalValue());
        long count = created(post("/api/inventory/counts", "{\"locationId\":" + aisle + ",\"lines\":[{\"productId\":" + a + ",\"countedQuantity\":2}]}"))
            .get("id").asLong();
        JsonNode counted = ok(post("/api/inventory/counts/" + count + "/post", ""));
        assertEquals(new BigDecimal("3.000"), counted.get("lines").get(0).get("systemQuantity").decimalValue());
        assertEquals(new BigDecimal("-1.000"), counted.get("lines").get(0).get("difference").decimalValue());
        JsonNode countMove = ok(get("/api/inventory/moves?product=" + a + "&type=COUNT")).get("items").get(0);
        assertEquals(new BigDecimal("108.75"), countMove.get("totalCost").decimalValue().setScale(2));
        assertEquals(new BigDecimal("2066.25"), ok(get("/api/inventory/products/" + a)).get("value").decimalValue());

        // Turnover over the last 31 days: COGS 575.00 against an average stock value of (0 + 2066.25) / 2 = 1033.13.
        JsonNode turnover = row(ok(get("/api/inventory/reports/turnover?from=" + TODAY.minusDays(30) + "&to=" + TODAY)), "LED-A");
        assertEquals(new BigDecimal("575.00"), turnover.get("costOfGoodsIssued").decimalValue());
        assertEquals(new BigDecimal("1033.13"), turnover.get("averageValue").decimalValue());
        assertEquals(new BigDecimal("0.56"), turnover.get("turnover").decimalValue());
        assertEquals(new BigDecimal("55.7"), turnover.get("daysOfInventory").decimalValue());
        List<String> slow = new ArrayList<>();
        ok(get("/api/inventory/reports/slow-movers?days=30")).forEach(s -> slow.add(s.get("productCode").asText()));
        assertTrue("never issued: " + slow, slow.contains("LED-D"));
        assertFalse("issued today: " + slow, slow.contains("LED-A"));
        assertTrue(console("stock:report valuation").contains("LED-A"));

        // An adjustment: 2 broken (2 × 108.75 = 217.50 out), 1 found at 100.00: 2,066.25 − 217.50 + 100.00 = 1,948.75 for 18.
        long adjustment = created(post("/api/inventory/adjustments", "{\"locationId\":" + root + ",\"reason\":\"breakage\",\"lines\":["
            + "{\"productId\":" + a + ",\"quantity\":-2},{\"productId\":" + a + ",\"quantity\":1,\"unitCost\":100}]}")).get("id").asLong();
        assertEquals("posted", ok(post("/api/inventory/adjustments/" + adjustment + "/post", "")).get("state").asText());
        JsonNode adjusted = ok(get("/api/inventory/products/" + a));
        assertEquals(new BigDecimal("18.000"), adjusted.get("onHand").decimalValue());
        assertEquals(new BigDecimal("1948.75"), adjusted.get("value").decimalValue());
        assertEquals(2, ok(get("/api/inventory/moves?product=" + a + "&type=ADJUSTMENT")).get("total").asInt());

        JsonNode verified = ok(get("/api/inventory/stock/verify"));
        assertTrue(verified.toString(), verified.get("sound").asBoolean());
        assertTrue(console("stock:verify").contains("Stock is sound"));
    }

    @Test
    public void verifyFindsEveryBalanceItsMovesDoNotExplain() throws Exception {
        installModule("kovan-inventory", "/api/inventory/warehouses");
        long wh = mainWarehouse();
        long root = ok(get("/api/inventory/warehouses/" + wh)).get("rootLocationId").asLong();
        long moved = product("VER-M", 0);
        receive(moved, "10", "4", null, null);
        long unmoved = product("VER-U", 0);
        assertTrue(ok(get("/api/inventory/stock/verify")).get("sound").asBoolean());

        // A balance one more than its moves: the warehouse row, and the company total that no longer sums up.
        assertEquals(1, sqlUpdate("UPDATE KV_INV_STOCK SET ON_HAND = ON_HAND + 1 WHERE PRODUCT_ID = " + moved));
        try {
            assertEquals(List.of("on hand of product " + moved + " in warehouse " + wh + ": the ledger gives 10, 11 is kept",
                "company on hand of product " + moved + ": the ledger gives 11, 10 is kept"), differences());
        } finally {
            sqlUpdate("UPDATE KV_INV_STOCK SET ON_HAND = ON_HAND - 1 WHERE PRODUCT_ID = " + moved);
        }
        // Balances of a product that never moved: no move explains them, and they are found all the same.
        assertEquals(1, sqlUpdate("INSERT INTO KV_INV_STOCK (PRODUCT_ID, WAREHOUSE_ID, ON_HAND, RESERVED) VALUES (" + unmoved + ", " + wh + ", 5, 0)"));
        assertEquals(1, sqlUpdate("INSERT INTO KV_INV_QUANT (PRODUCT_ID, WAREHOUSE_ID, LOCATION_ID, LOT_KEY, QUANTITY) VALUES (" + unmoved + ", " + wh
            + ", " + root + ", 0, 5)"));
        try {
            List<String> found = differences();
            assertTrue(found.toString(), found.contains("on hand of product " + unmoved + " in warehouse " + wh + ": the ledger gives 0, 5 is kept"));
            assertTrue(found.toString(), found.contains("quantity of product " + unmoved + " at location " + root + ", lot key 0: the ledger gives 0, 5 is kept"));
        } finally {
            sqlUpdate("DELETE FROM KV_INV_QUANT WHERE PRODUCT_ID = " + unmoved);
            sqlUpdate("DELETE FROM KV_INV_STOCK WHERE PRODUCT_ID = " + unmoved);
        }
        assertTrue(ok(get("/api/inventory/stock/verify")).get("sound").asBoolean());
    }

    private List<String> differences() throws Exception {
        JsonNode verified = ok(get("/api/inventory/stock/verify"));
        assertFalse(verified.toString(), verified.get("sound").asBoolean());
        List<String> found = new ArrayList<>();
        verified.get("differences").forEach(d -> found.add(d.asText()));
        return found;
    }

    @Test
    public void availableToPromiseCountsReservationsExpectedSupplyAndOtherModulesDemand() throws Exception {
        installModule("kovan-inventory", "/api/inventory/warehouses");
        long wh = mainWarehouse();
        long e = product("ATP-E", 7);
        receive(e, "10", "50", null, null);
        created(post("/api/inventory/reservations", "{\"productId\":" + e + ",\"warehouseId\":" + wh + ",\"quantity\":4,"
            + "\"documentType\":\"itest.order\",\"documentId\":1,\"lineId\":1}"));
        // A draft receipt is expected supply on its date.
        created(post("/api/inventory/receipts", "{\"date\":\"" + TODAY.plusDays(5) + "\",\"lines\":[{\"productId\":" + e + ",\"quantity\":20,\"unitCost\":50}]}"));

        JsonNode six = ok(get("/api/inventory/atp?product=" + e + "&quantity=6&warehouse=" + wh));
        assertEquals(new BigDecimal("6.000"), six.get("availableToPromise").decimalValue());
        assertEquals(TODAY.toString(), six.get("promisedDate").asText());
        assertEquals(TODAY.plusDays(5).toString(), ok(get("/api/inventory/atp?product=" + e + "&quantity=20")).get("promisedDate").asText());
        JsonNode tooMany = ok(get("/api/inventory/atp?product=" + e + "&quantity=30"));
        assertEquals("nothing expected covers 30: the lead time gives the date", TODAY.plusDays(7).toString(), tooMany.get("promisedDate").asText());
        assertTrue(tooMany.get("fromLeadTime").asBoolean());
        JsonNode later = ok(get("/api/inventory/atp?product=" + e + "&quantity=6&date=" + TODAY.plusDays(5)));
        assertEquals(new BigDecimal("20.000"), later.get("expectedSupply").decimalValue().setScale(3));
        assertEquals(new BigDecimal("26.000"), later.get("availableToPromise").decimalValue().setScale(3));

        // Another bundle expects to ship 15 in three days: 6 can be promised only once the receipt is in.
        try (AutoCloseable demand = InventoryCalls.expectDemand(bundleContext, e, wh, TODAY.plusDays(3), "15")) {
            JsonNode withDemand = ok(get("/api/inventory/atp?product=" + e + "&quantity=6&warehouse=" + wh));
            assertEquals(TODAY.plusDays(5).toString(), withDemand.get("promisedDate").asText());
            assertEquals(List.of("6.000", "-9.000", "11.000"), available(withDemand));
        }
        assertEquals("the demand leaves with its provider", TODAY.toString(),
            ok(get("/api/inventory/atp?product=" + e + "&quantity=6&warehouse=" + wh)).get("promisedDate").asText());

        // Projected 10 − 4 + 20 = 26 is below the minimum of 30: order 24 to reach 50, arriving after the 7-day lead time.
        created(post("/api/inventory/reorder-rules", "{\"productId\":" + e + ",\"warehouseId\":" + wh + ",\"minQuantity\":30,\"maxQuantity\":50}"));
        JsonNode suggestion = null;
        for (JsonNode s : ok(get("/api/inventory/reorder-rules/suggestions"))) {
            if (s.get("productId").asLong() == e) {
                suggestion = s;
            }
        }
        assertEquals(new BigDecimal("24.000"), suggestion.get("suggestedQuantity").decimalValue().setScale(3));
        assertEquals(TODAY.plusDays(7).toString(), suggestion.get("expectedArrival").asText());
        assertEquals(409, post("/api/inventory/reorder-rules", "{\"productId\":" + e + ",\"warehouseId\":" + wh
            + ",\"minQuantity\":1,\"maxQuantity\":2}").status());

        assertEquals(new BigDecimal("4.000"), ok(post("/api/inventory/reservations/release", "{\"documentType\":\"itest.order\",\"documentId\":1}"))
            .get("released").decimalValue().setScale(3));
        assertEquals(new BigDecimal("10.000"), ok(get("/api/inventory/stock?product=" + e)).get("items").get(0).get("available").decimalValue());
    }

    @Test
    public void thirtyTwoClientsCompetingForTenUnitsReserveExactlyTen() throws Exception {
        installModule("kovan-inventory", "/api/inventory/warehouses");
        long wh = mainWarehouse();
        long refused = product("RACE-R", 0);
        receive(refused, "10", "1", null, null);
        Map<Integer, Integer> statuses = race(32, i -> post("/api/inventory/reservations", "{\"productId\":" + refused + ",\"warehouseId\":" + wh
            + ",\"quantity\":1,\"documentType\":\"itest.race\",\"documentId\":1,\"lineId\":" + i + "}").status());
        assertEquals("ten reservations, the rest refused: " + statuses, Map.of(201, 10, 409, 22), statuses);
        JsonNode stock = ok(get("/api/inventory/stock?product=" + refused)).get("items").get(0);
        assertEquals(new BigDecimal("10.000"), stock.get("reserved").decimalValue());
        assertEquals(new BigDecimal("0.000"), stock.get("available").decimalValue());

        long partial = product("RACE-P", 0);
        receive(partial, "10", "1", null, null);
        List<BigDecimal> granted = new java.util.concurrent.CopyOnWriteArrayList<>();
        Map<Integer, Integer> partialStatuses = race(32, i -> {
            Reply reply = post("/api/inventory/reservations", "{\"productId\":" + partial + ",\"warehouseId\":" + wh
                + ",\"quantity\":1,\"documentType\":\"itest.backorder\",\"documentId\":1,\"lineId\":" + i + ",\"allowPartial\":true}");
            if (reply.status() == 201) {
                granted.add(reply.json().get("quantity").decimalValue());
            }
            return reply.status();
        });
        assertEquals("with back-orders every client is answered: " + partialStatuses, Map.of(201, 32), partialStatuses);
        assertEquals("and exactly ten units are reserved", 0, new BigDecimal("10").compareTo(granted.stream().reduce(BigDecimal.ZERO, BigDecimal::add)));
        assertEquals(10, granted.stream().filter(q -> q.signum() > 0).count());
        JsonNode verified = ok(get("/api/inventory/stock/verify"));
        assertTrue(verified.toString(), verified.get("sound").asBoolean());
    }

    @Test
    public void theInventoryGuidesEndpointTableIsTheOpenApiDocumentsInventoryPart() throws Exception {
        installModule("kovan-inventory", "/api/inventory/warehouses");
        assertGuideListsTheServedEndpoints("inventory.md", "/api/inventory/");
    }

    @Test
    public void badInputIsRefusedWithTheFieldAndNothingIsWritten() throws Exception {
        installModule("kovan-inventory", "/api/inventory/warehouses");
        long wh = mainWarehouse();
        long p = product("BAD-P", 0);
        long root = ok(get("/api/inventory/warehouses/" + wh)).get("rootLocationId").asLong();
        long service = created(post("/api/core/products", "{\"code\":\"BAD-SVC\",\"name\":\"Installation\",\"type\":\"SERVICE\",\"unit\":\"PCS\"}"))
            .get("id").asLong();
        receive(p, "5", "10", null, null);
        Map<String, Integer> before = counts();
        String[][] cases = {
            {"POST", "/api/inventory/warehouses", "{\"name\":\"No code\"}", "code"},
            {"POST", "/api/inventory/warehouses", "{\"code\":\"W 1\",\"name\":\"Space\"}", "code"},
            {"POST", "/api/inventory/warehouses", "{\"code\":\"W1\",\"name\":\"x\",\"colour\":\"red\"}", null},
            {"POST", "/api/inventory/locations", "{\"code\":\"L1\",\"name\":\"x\"}", "warehouseId"},
            {"POST", "/api/inventory/locations", "{\"code\":\"L1\",\"name\":\"x\",\"parentId\":999999}", "parentId"},
            {"POST", "/api/inventory/receipts", "{\"lines\":[]}", "lines"},
            {"POST", "/api/inventory/receipts", "{\"lines\":[{\"productId\":" + p + ",\"quantity\":0,\"unitCost\":1}]}", "lines[0].quantity"},
            {"POST", "/api/inventory/receipts", "{\"lines\":[{\"productId\":" + p + ",\"quantity\":-2,\"unitCost\":1}]}", "lines[0].quantity"},
            {"POST", "/api/inventory/receipts", "{\"lines\":[{\"productId\":" + p + ",\"quantity\":1.0001,\"unitCost\":1}]}", "lines[0].quantity"},
            {"POST", "/api/inventory/receipts", "{\"lines\":[{\"productId\":" + p + ",\"quantity\":1,\"unitCost\":-1}]}", "lines[0].unitCost"},
            {"POST", "/api/inventory/receipts", "{\"lines\":[{\"productId\":999999,\"quantity\":1}]}", "lines[0].productId"},
            {"POST", "/api/inventory/receipts", "{\"lines\":[{\"productId\":" + service + ",\"quantity\":1}]}", "lines[0].productId"},
            {"POST", "/api/inventory/receipts", "{\"warehouseId\":999999,\"lines\":[{\"productId\":" + p + ",\"quantity\":1}]}", "warehouseId"},
            {"POST", "/api/inventory/receipts", "{\"supplierId\":999999,\"lines\":[{\"productId\":" + p + ",\"quantity\":1}]}", "supplierId"},
            {"POST", "/api/inventory/receipts", "{\"date\":\"yesterday\",\"lines\":[{\"productId\":" + p + ",\"quantity\":1}]}", null},
            {"POST", "/api/inventory/receipts", "{\"lines\":[{\"productId\":" + p + ",\"quantity\":\"lots\"}]}", null},
            {"POST", "/api/inventory/receipts", "{\"lines\":[{\"productId\":" + p + ",\"quantity\":1,\"lotNumber\":\"L1\"}]}", "lines[0].lotNumber"},
            {"POST", "/api/inventory/receipts", "not json", null},
            {"POST", "/api/inventory/transfers", "{\"lines\":[{\"productId\":" + p + ",\"quantity\":1}]}", "fromLocationId"},
            {"POST", "/api/inventory/counts", "{\"lines\":[{\"productId\":" + p + ",\"countedQuantity\":1}]}", "locationId"},
            {"POST", "/api/inventory/adjustments", "{\"locationId\":" + root + ",\"reason\":\"x\",\"lines\":[{\"productId\":" + p + ",\"quantity\":0}]}",
                "lines[0].quantity"},
            {"POST", "/api/inventory/adjustments", "{\"locationId\":" + root + ",\"lines\":[{\"productId\":" + p + ",\"quantity\":1}]}", "reason"},
            {"POST", "/api/inventory/adjustments", "{\"locationId\":" + root + ",\"reason\":\"x\",\"lines\":[{\"productId\":" + p
                + ",\"quantity\":-1,\"unitCost\":5}]}", "lines[0].unitCost"},
            {"POST", "/api/inventory/counts", "{\"locationId\":999999,\"lines\":[{\"productId\":" + p + ",\"countedQuantity\":-1}]}", "locationId"},
            {"POST", "/api/inventory/reservations", "{\"productId\":" + p + ",\"warehouseId\":" + wh + ",\"quantity\":0,\"documentType\":\"x\",\"documentId\":1,"
                + "\"lineId\":1}", "quantity"},
            {"POST", "/api/inventory/reservations", "{\"productId\":" + p + ",\"warehouseId\":" + wh + ",\"quantity\":1,\"documentId\":1,\"lineId\":1}",
                "documentType"},
            {"POST", "/api/inventory/reservations", "{\"productId\":" + service + ",\"warehouseId\":" + wh + ",\"quantity\":1,\"documentType\":\"x\","
                + "\"documentId\":1,\"lineId\":1}", "productId"},
            {"POST", "/api/inventory/reorder-rules", "{\"productId\":" + p + ",\"warehouseId\":" + wh + ",\"minQuantity\":10,\"maxQuantity\":5}", "maxQuantity"},
            {"PUT", "/api/inventory/products/" + p, "{\"tracking\":\"BY_COLOUR\",\"costing\":\"FIFO\",\"version\":0}", null},
            {"GET", "/api/inventory/atp?product=" + p, null, "quantity"},
            {"GET", "/api/inventory/atp?product=" + p + "&quantity=-1", null, "quantity"},
            {"GET", "/api/inventory/atp?product=abc&quantity=1", null, "product"},
            {"GET", "/api/inventory/atp?product=" + service + "&quantity=1", null, "product"},
            {"GET", "/api/inventory/stock?by=shelf", null, "by"},
            {"GET", "/api/inventory/stock?colour=red", null, "colour"},
            {"GET", "/api/inventory/moves?type=THEFT", null, "type"},
            {"GET", "/api/inventory/moves?from=2026-13-01", null, "from"},
            {"GET", "/api/inventory/reports/turnover?from=2026-12-01", null, "to"},
            {"GET", "/api/inventory/reports/turnover?from=2026-12-01&to=2026-11-01", null, "to"},
            {"GET", "/api/inventory/reports/turnover?from=2026-11-01&to=2026-12-01&groupBy=colour", null, "groupBy"},
            {"GET", "/api/inventory/reports/slow-movers?days=-1", null, "days"},
        };
        assertEquals("every bad request is a 400 naming its field", List.of(), wronglyAnswered(cases));
        assertEquals("nothing was written", before, counts());
        assertEquals(404, get("/api/inventory/warehouses/999999").status());
        assertEquals(404, get("/api/inventory/receipts/abc").status());
        assertEquals(404, post("/api/inventory/receipts/999999/post", "").status());
        assertEquals(404, get("/api/inventory/products/999999").status());
        assertEquals(409, post("/api/inventory/warehouses", "{\"code\":\"WH\",\"name\":\"Again\"}").status());
        assertEquals("too little stock", 409, post("/api/inventory/reservations", "{\"productId\":" + p + ",\"warehouseId\":" + wh
            + ",\"quantity\":6,\"documentType\":\"itest.bad\",\"documentId\":1,\"lineId\":1}").status());
        long posted = receive(p, "1", "10", null, null);
        assertEquals("a posted receipt does not change", 409, put("/api/inventory/receipts/" + posted, "{\"version\":1,\"lines\":[{\"productId\":" + p
            + ",\"quantity\":2}]}").status());
        assertEquals(409, post("/api/inventory/receipts/" + posted + "/post", "").status());
        assertEquals(409, post("/api/inventory/receipts/" + posted + "/cancel", "").status());
        try {
            console("stock:atp BAD-P 0");
            throw new AssertionError("a zero quantity is refused on the console too");
        } catch (io.kovan.kernel.api.ValidationException e) {
            assertEquals("quantity: must be greater than zero", e.getMessage());
        }
    }

    // ---- helpers ---------------------------------------------------------------------------

    private long mainWarehouse() throws Exception {
        return ok(get("/api/inventory/warehouses?q=WH")).get("items").get(0).get("id").asLong();
    }

    private long product(String code, int leadTimeDays) throws Exception {
        return created(post("/api/core/products", "{\"code\":\"" + code + "\",\"name\":\"Product " + code + "\",\"type\":\"STOCKED\",\"unit\":\"PCS\","
            + "\"salesPrice\":200,\"standardCost\":100,\"category\":\"itest\",\"leadTimeDays\":" + leadTimeDays + "}")).get("id").asLong();
    }

    private void settings(long product, String tracking, String costing) throws Exception {
        long version = ok(get("/api/inventory/products/" + product)).get("version").asLong();
        ok(put("/api/inventory/products/" + product, "{\"tracking\":\"" + tracking + "\",\"costing\":\"" + costing + "\",\"version\":" + version + "}"));
    }

    /** Creates and posts a one-line receipt into the main warehouse; returns its id. */
    private long receive(long product, String quantity, String unitCost, LocalDate date, String more) throws Exception {
        long id = created(post("/api/inventory/receipts", "{" + (date == null ? "" : "\"date\":\"" + date + "\",") + "\"lines\":[{\"productId\":" + product
            + ",\"quantity\":" + quantity + ",\"unitCost\":" + unitCost + (more == null ? "" : "," + more) + "}]}")).get("id").asLong();
        assertEquals("posted", ok(post("/api/inventory/receipts/" + id + "/post", "")).get("state").asText());
        return id;
    }

    private List<InventoryCalls.Move> issue(long product, long warehouse, String quantity) throws Exception {
        return InventoryCalls.issue(bundleContext, product, warehouse, quantity);
    }

    private static BigDecimal warehouseValue(JsonNode valuation, long warehouse, long product) {
        for (JsonNode w : valuation.get("warehouses")) {
            if (w.get("warehouseId").asLong() == warehouse) {
                for (JsonNode line : w.get("products")) {
                    if (line.get("productId").asLong() == product) {
                        return line.get("value").decimalValue();
                    }
                }
            }
        }
        return null;
    }

    private static JsonNode row(JsonNode report, String key) {
        for (JsonNode r : report.get("rows")) {
            if (r.get("key").asText().equals(key)) {
                return r;
            }
        }
        throw new AssertionError("no row " + key + " in " + report);
    }

    private static List<String> available(JsonNode atp) {
        List<String> list = new ArrayList<>();
        atp.get("timeline").forEach(t -> list.add(t.get("available").decimalValue().setScale(3).toPlainString()));
        return list;
    }

    private Map<String, Integer> counts() throws Exception {
        Map<String, Integer> counts = new TreeMap<>();
        for (String list : List.of("warehouses", "locations", "receipts", "transfers", "counts", "adjustments", "moves", "reservations",
            "reorder-rules")) {
            counts.put(list, ok(get("/api/inventory/" + list + "?limit=1")).get("total").asInt());
        }
        counts.put("audit", ok(get("/api/core/audit/verify")).get("checked").asInt());
        return counts;
    }
}
