package io.kovan.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

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
 * The sales module alone in a running distribution, inventory not installed: quotes priced from
 * price lists and products with their VAT, discounts, costs and margins; conversion to orders;
 * confirmation with the credit check and approval; shipments and returns costed at the standard
 * cost; the reports; the confirmation race; the console; and bad input. Figures are worked out by
 * hand in the comments (company currency TRY, 2 decimals); every test uses products and parties of
 * its own, as the container is shared by the class's tests in no fixed order.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SalesIT extends KovanTestSupport {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    private static final String REP = "sit-rep";
    private static final String REP_PASSWORD = "sit-Rep-Secret-1";
    private static final String MANAGER = "sit-manager";
    private static final String MANAGER_PASSWORD = "sit-Manager-Secret-1";

    @Test
    public void quotesArePricedCostedAndPromisedWithoutInventory() throws Exception {
        installSales();
        assertEquals("inventory is not there", 404, get("/api/inventory/warehouses").status());
        long stocked = product("QT-STK", "STOCKED", "150", "90", "20", 5);
        long service = product("QT-SVC", "SERVICE", "400", "250", "10", 3);
        long book = product("QT-BOOK", "STOCKED", "30", "12.5", "1", 0);
        long customer = customer("Quote Customer Ltd", null, null);

        // Document discount 5 %:
        // QT-STK 3 × 150.0000 = 450.00, −10 % 45.00 → 405.00, −5 % 20.25 → net 384.75, VAT 20 % 76.95, total 461.70;
        //   cost 3 × 90 = 270.00, margin 114.75, 114.75 / 384.75 = 29.82 %; promised 2026-11-20 + 5 days.
        // QT-SVC 2 × 400.0000 = 800.00, −5 % 40.00 → net 760.00, VAT 10 % 76.00, total 836.00; cost 500.00, margin 260.00 = 34.21 %;
        //   a service is promised on the quote's date.
        // QT-BOOK 7 × 12.3450 (given, not the 30 of the product) = 86.415 → 86.42, −2.5 % 2.1605 → 2.16 → 84.26, −5 % 4.213 → 4.21 → net 80.05,
        //   VAT 1 % 0.8005 → 0.80, total 80.85; cost 7 × 12.5 = 87.50, margin −7.45 = −9.31 %; no lead time: the date.
        // Subtotal 405.00 + 800.00 + 84.26 = 1289.26, discount 20.25 + 40.00 + 4.21 = 64.46, net 1224.80, VAT 153.75, total 1378.55;
        // cost 857.50, margin 367.30, 367.30 / 1224.80 = 29.99 %.
        JsonNode q = created(post("/api/sales/quotes", "{\"customerId\":" + customer + ",\"date\":\"2026-11-20\",\"validUntil\":\"2026-12-31\","
            + "\"discountPercent\":5,\"lines\":[{\"productId\":" + stocked + ",\"quantity\":3,\"discountPercent\":10},"
            + "{\"productId\":" + service + ",\"quantity\":2},"
            + "{\"productId\":" + book + ",\"quantity\":7,\"unitPrice\":12.345,\"discountPercent\":2.5}]}"));
        assertTrue(q.get("number").asText(), q.get("number").asText().matches("SQ-2026-\\d{6}"));
        assertEquals("draft", q.get("state").asText());
        assertEquals("TRY", q.get("currency").asText());
        assertEquals(0, BigDecimal.ONE.compareTo(q.get("exchangeRate").decimalValue()));
        assertEquals("admin", q.get("salesperson").asText());
        JsonNode lines = q.get("lines");
        assertEquals(3, lines.size());
        assertLine(lines.get(0), "150.0000", "384.75", "76.95", "461.70", "90.0000", "114.75", "29.82", "2026-11-25");
        assertLine(lines.get(1), "400.0000", "760.00", "76.00", "836.00", "250.0000", "260.00", "34.21", "2026-11-20");
        assertLine(lines.get(2), "12.3450", "80.05", "0.80", "80.85", "12.5000", "-7.45", "-9.31", "2026-11-20");
        assertEquals(List.of("20.00", "10.00", "1.00"), texts(lines, "vatRate"));
        assertEquals("QT-STK", lines.get(0).get("productCode").asText());
        assertEquals("PCS", lines.get(0).get("unit").asText());
        for (JsonNode line : lines) {
            assertTrue("no inventory, no availability: " + line, line.get("availableToPromise").isNull());
        }
        assertAmounts(q, Map.of("subtotal", "1289.26", "discountAmount", "64.46", "netTotal", "1224.80", "vatTotal", "153.75", "total", "1378.55",
            "totalCost", "857.50", "totalMargin", "367.30", "marginPercent", "29.99"));
        assertEquals("2026-11-25", q.get("promisedDate").asText());
        assertEquals("the stored quote reads back the same", q.get("lines"), ok(get("/api/sales/quotes/" + q.get("id").asLong())).get("lines"));

        // The quote's validity defaults to quote.validity.days (30) after its date.
        JsonNode plain = created(post("/api/sales/quotes", "{\"customerId\":" + customer + ",\"lines\":[{\"productId\":" + service + ",\"quantity\":1}]}"));
        assertEquals(TODAY.toString(), plain.get("date").asText());
        assertEquals(TODAY.plusDays(30).toString(), plain.get("validUntil").asText());
        assertEquals(TODAY.toString(), plain.get("lines").get(0).get("promisedDate").asText());

        // In USD at 34.5 TRY: 2 × 10.0000 = 20.00 USD, VAT 4.00, total 24.00; the cost 90 TRY is 90 / 34.5 = 2.6087 USD a unit,
        // 2 × 2.6087 = 5.2174 → 5.22; margin 14.78 = 73.90 %.
        assertEquals(200, post("/api/core/currencies/rates", "{\"from\":\"USD\",\"to\":\"TRY\",\"date\":\"2026-01-01\",\"rate\":34.5}").status());
        long dollars = customer("Dollar Customer Inc", null, "USD");
        JsonNode usd = created(post("/api/sales/quotes", "{\"customerId\":" + dollars + ",\"date\":\"2026-11-20\",\"lines\":[{\"productId\":" + stocked
            + ",\"quantity\":2,\"unitPrice\":10}]}"));
        assertEquals("the customer's currency", "USD", usd.get("currency").asText());
        assertEquals(0, new BigDecimal("34.5").compareTo(usd.get("exchangeRate").decimalValue()));
        assertLine(usd.get("lines").get(0), "10.0000", "20.00", "4.00", "24.00", "2.6087", "14.78", "73.90", "2026-11-25");
        assertAmounts(usd, Map.of("netTotal", "20.00", "vatTotal", "4.00", "total", "24.00", "totalCost", "5.22", "totalMargin", "14.78",
            "marginPercent", "73.90"));
        JsonNode stored = ok(get("/api/sales/quotes/" + usd.get("id").asLong()));
        assertEquals("the quote keeps its rate", 0, new BigDecimal("34.5").compareTo(stored.get("exchangeRate").decimalValue()));

        // A draft quote changes with its version; a sent one no longer does.
        long id = q.get("id").asLong();
        JsonNode changed = ok(put("/api/sales/quotes/" + id, "{\"customerId\":" + customer + ",\"date\":\"2026-11-20\",\"validUntil\":\"2026-12-31\","
            + "\"lines\":[{\"productId\":" + stocked + ",\"quantity\":1}],\"version\":" + q.get("version").asLong() + "}"));
        assertEquals("180.00", changed.get("total").decimalValue().toPlainString());
        // Only a line's description changes: the version still moves on, so the old one is stale.
        JsonNode described = ok(put("/api/sales/quotes/" + id, "{\"customerId\":" + customer + ",\"date\":\"2026-11-20\",\"validUntil\":\"2026-12-31\","
            + "\"lines\":[{\"productId\":" + stocked + ",\"quantity\":1,\"description\":\"Boxed\"}],\"version\":" + changed.get("version").asLong() + "}"));
        assertEquals("Boxed", described.get("lines").get(0).get("description").asText());
        assertEquals(changed.get("version").asLong() + 1, described.get("version").asLong());
        assertEquals(409, put("/api/sales/quotes/" + id, "{\"customerId\":" + customer + ",\"lines\":[{\"productId\":" + stocked
            + ",\"quantity\":1}],\"version\":" + changed.get("version").asLong() + "}").status());
        changed = described;
        assertEquals("a stale version", 409, put("/api/sales/quotes/" + id, "{\"customerId\":" + customer + ",\"lines\":[{\"productId\":" + stocked
            + ",\"quantity\":1}],\"version\":" + q.get("version").asLong() + "}").status());
        assertEquals("sent", ok(post("/api/sales/quotes/" + id + "/send", "")).get("state").asText());
        assertEquals(409, post("/api/sales/quotes/" + id + "/send", "").status());
        assertEquals(409, put("/api/sales/quotes/" + id, "{\"customerId\":" + customer + ",\"lines\":[{\"productId\":" + stocked
            + ",\"quantity\":1}],\"version\":" + changed.get("version").asLong() + "}").status());
        assertEquals("cancelled", ok(post("/api/sales/quotes/" + id + "/cancel", "")).get("state").asText());
        assertEquals(409, post("/api/sales/quotes/" + id + "/convert", "").status());
    }

    @Test
    public void priceListsOfTheCustomersGroupComeFirstWithQuantityBreaksAndValidity() throws Exception {
        installSales();
        long p = product("PL-A", "STOCKED", "100", "40", "20", 0);
        long group = customer("Wholesale Buyer Ltd", null, null);
        long plain = customer("Retail Buyer Ltd", null, null);
        JsonNode settings = ok(put("/api/sales/customers/" + group, "{\"priceGroup\":\"PL-WHOLESALE\",\"salesperson\":\"pl-rep\"}"));
        assertEquals("PL-WHOLESALE", settings.get("priceGroup").asText());
        assertEquals("PL-WHOLESALE", ok(get("/api/sales/customers/" + group)).get("priceGroup").asText());

        // For everyone in 2026: 95 from 1, 90 from 10, 85 from 50. For the group in 2026: 92 from 1, 88 from 20; in 2025: 10.
        // A general list valid only from 2027 offers 1.
        long general = created(post("/api/sales/price-lists", "{\"code\":\"PL-GEN-2026\",\"name\":\"General 2026\",\"currency\":\"TRY\","
            + "\"validFrom\":\"2026-01-01\",\"validTo\":\"2026-12-31\",\"items\":[{\"productId\":" + p + ",\"minQuantity\":1,\"price\":95},"
            + "{\"productId\":" + p + ",\"minQuantity\":10,\"price\":90},{\"productId\":" + p + ",\"minQuantity\":50,\"price\":85}]}")).get("id").asLong();
        created(post("/api/sales/price-lists", "{\"code\":\"PL-WHS-2026\",\"name\":\"Wholesale 2026\",\"currency\":\"TRY\",\"customerGroup\":\"PL-WHOLESALE\","
            + "\"validFrom\":\"2026-01-01\",\"validTo\":\"2026-12-31\",\"items\":[{\"productId\":" + p + ",\"minQuantity\":1,\"price\":92},"
            + "{\"productId\":" + p + ",\"minQuantity\":20,\"price\":88}]}"));
        created(post("/api/sales/price-lists", "{\"code\":\"PL-WHS-2025\",\"name\":\"Wholesale 2025\",\"currency\":\"TRY\",\"customerGroup\":\"PL-WHOLESALE\","
            + "\"validFrom\":\"2025-01-01\",\"validTo\":\"2025-12-31\",\"items\":[{\"productId\":" + p + ",\"minQuantity\":1,\"price\":10}]}"));
        created(post("/api/sales/price-lists", "{\"code\":\"PL-GEN-2027\",\"name\":\"General 2027\",\"currency\":\"TRY\",\"validFrom\":\"2027-01-01\","
            + "\"items\":[{\"productId\":" + p + ",\"minQuantity\":1,\"price\":1}]}"));
        JsonNode list = ok(get("/api/sales/price-lists/" + general));
        assertEquals(3, list.get("items").size());
        assertEquals(2, ok(get("/api/sales/price-lists?customerGroup=PL-WHOLESALE")).get("total").asInt());

        // Everyone: 5 → 95, 10 → 90, 49.5 → 90, 50 → 85 (the largest break not above the quantity).
        assertEquals(List.of("95.0000", "90.0000", "90.0000", "85.0000"), unitPrices(quote(plain, "2026-11-20", p, "5", "10", "49.5", "50")));
        // The group's list comes first even where the general one is cheaper: 5 → 92, 25 → 88, 60 → 88 (not 85).
        assertEquals(List.of("92.0000", "88.0000", "88.0000"), unitPrices(quote(group, "2026-11-20", p, "5", "25", "60")));
        // In 2025 only the group's old list is valid; for everyone else the product's sales price counts.
        assertEquals(List.of("10.0000"), unitPrices(quote(group, "2025-06-01", p, "5")));
        assertEquals(List.of("100.0000"), unitPrices(quote(plain, "2025-06-01", p, "5")));
        // An explicit price wins over every list.
        JsonNode explicit = created(post("/api/sales/quotes", "{\"customerId\":" + group + ",\"date\":\"2026-11-20\",\"lines\":[{\"productId\":" + p
            + ",\"quantity\":60,\"unitPrice\":70}]}"));
        assertEquals(List.of("70.0000"), unitPrices(explicit));
        assertEquals("the customer's salesperson", "pl-rep", explicit.get("salesperson").asText());

        // A list changes with its version; the 90 break goes, so 10 falls back to 95.
        ok(put("/api/sales/price-lists/" + general, "{\"code\":\"PL-GEN-2026\",\"name\":\"General 2026\",\"currency\":\"TRY\",\"validFrom\":\"2026-01-01\","
            + "\"validTo\":\"2026-12-31\",\"items\":[{\"productId\":" + p + ",\"minQuantity\":1,\"price\":95}],\"version\":" + list.get("version").asLong() + "}"));
        assertEquals(409, put("/api/sales/price-lists/" + general, "{\"code\":\"PL-GEN-2026\",\"name\":\"x\",\"currency\":\"TRY\",\"items\":[],\"version\":"
            + list.get("version").asLong() + "}").status());
        assertEquals(List.of("95.0000"), unitPrices(quote(plain, "2026-11-20", p, "10")));
        assertEquals(204, send("DELETE", "/api/sales/price-lists/" + general, null, "admin", ADMIN_PASSWORD).status());
        assertEquals(404, get("/api/sales/price-lists/" + general).status());
        assertEquals(List.of("100.0000"), unitPrices(quote(plain, "2026-11-20", p, "10")));
    }

    @Test
    public void aQuoteConvertsToAnOrderOnceAndAnExpiredOneIsRefused() throws Exception {
        installSales();
        long p = product("CV-A", "STOCKED", "200", "120", "20", 2);
        long customer = customer("Convert Customer Ltd", null, null);
        // 4 × 200 = 800.00, VAT 160.00, total 960.00; cost 480.00.
        JsonNode q = created(post("/api/sales/quotes", "{\"customerId\":" + customer + ",\"lines\":[{\"productId\":" + p + ",\"quantity\":4}]}"));
        long quote = q.get("id").asLong();
        assertEquals("sent", ok(post("/api/sales/quotes/" + quote + "/send", "")).get("state").asText());
        JsonNode order = created(post("/api/sales/quotes/" + quote + "/convert", ""));
        assertTrue(order.get("number").asText(), order.get("number").asText().matches("SO-2026-\\d{6}"));
        assertEquals("draft", order.get("state").asText());
        assertEquals(quote, order.get("quoteId").asLong());
        assertEquals(customer, order.get("customerId").asLong());
        assertAmounts(order, Map.of("netTotal", "800.00", "vatTotal", "160.00", "total", "960.00", "totalCost", "480.00"));
        assertEquals("200.0000", order.get("lines").get(0).get("unitPrice").decimalValue().toPlainString());
        assertEquals(TODAY.plusDays(2).toString(), order.get("lines").get(0).get("promisedDate").asText());
        JsonNode converted = ok(get("/api/sales/quotes/" + quote));
        assertEquals("converted", converted.get("state").asText());
        assertEquals(order.get("id").asLong(), converted.get("orderId").asLong());
        JsonNode flow = ok(get("/api/core/documents/sales.quote/" + quote + "/flow"));
        assertTrue(flow.toString(), hasLink(flow, "sales.quote", quote, "sales.order", order.get("id").asLong()));
        JsonNode own = ok(get("/api/sales/quotes/" + quote + "/documents"));
        assertTrue(own.toString(), hasLink(own, "sales.quote", quote, "sales.order", order.get("id").asLong()));
        assertTrue(hasLink(ok(get("/api/sales/orders/" + order.get("id").asLong() + "/documents")), "sales.quote", quote, "sales.order",
            order.get("id").asLong()));
        assertEquals("a converted quote does not convert again", 409, post("/api/sales/quotes/" + quote + "/convert", "").status());

        // Valid until 2026-11-10, which is past: converting it is a 409, and it is expired.
        JsonNode old = created(post("/api/sales/quotes", "{\"customerId\":" + customer + ",\"date\":\"2026-11-01\",\"validUntil\":\"2026-11-10\","
            + "\"lines\":[{\"productId\":" + p + ",\"quantity\":1}]}"));
        int orders = ok(get("/api/sales/orders?customer=" + customer)).get("total").asInt();
        Reply refused = post("/api/sales/quotes/" + old.get("id").asLong() + "/convert", "");
        assertEquals(refused.body(), 409, refused.status());
        assertEquals("expired", ok(get("/api/sales/quotes/" + old.get("id").asLong())).get("state").asText());
        assertEquals(409, post("/api/sales/quotes/" + old.get("id").asLong() + "/convert", "").status());
        assertEquals("no order came of it", orders, ok(get("/api/sales/orders?customer=" + customer)).get("total").asInt());
    }

    @Test
    public void quoteValidityIsConfiguredAtOnceAndOverdueQuotesExpireAtStart() throws Exception {
        installSales();
        long p = product("CFG-A", "SERVICE", "10", "5", "20", 0);
        long customer = customer("Config Customer Ltd", null, null);
        String body = "{\"customerId\":" + customer + ",\"date\":\"2026-11-20\",\"lines\":[{\"productId\":" + p + ",\"quantity\":1}]}";
        try {
            console("config:property-set -p io.kovan.sales quote.validity.days 10");
            long deadline = System.nanoTime() + 30_000_000_000L;
            String validUntil = null;
            while (System.nanoTime() < deadline && !"2026-11-30".equals(validUntil)) {
                validUntil = created(post("/api/sales/quotes", body)).get("validUntil").asText();
                Thread.sleep(200);
            }
            assertEquals("2026-11-20 + 10 days", "2026-11-30", validUntil);
        } finally {
            console("config:property-set -p io.kovan.sales quote.validity.days 30");
        }
        long deadline = System.nanoTime() + 30_000_000_000L;
        String validUntil = null;
        while (System.nanoTime() < deadline && !"2026-12-20".equals(validUntil)) {
            validUntil = created(post("/api/sales/quotes", body)).get("validUntil").asText();
            Thread.sleep(200);
        }
        assertEquals("back to 30 days", "2026-12-20", validUntil);

        // Valid until yesterday and still a draft: the next start of the module expires it, and a valid one stays.
        long overdue = created(post("/api/sales/quotes", "{\"customerId\":" + customer + ",\"date\":\"" + TODAY.minusDays(5) + "\",\"validUntil\":\""
            + TODAY.minusDays(1) + "\",\"lines\":[{\"productId\":" + p + ",\"quantity\":1}]}")).get("id").asLong();
        long valid = created(post("/api/sales/quotes", "{\"customerId\":" + customer + ",\"validUntil\":\"" + TODAY + "\",\"lines\":[{\"productId\":"
            + p + ",\"quantity\":1}]}")).get("id").asLong();
        assertEquals("draft", ok(get("/api/sales/quotes/" + overdue)).get("state").asText());
        console("bundle:restart io.kovan.sales.impl");
        awaitStatus("/api/sales/quotes", 200);
        deadline = System.nanoTime() + 30_000_000_000L;
        String state = null;
        while (System.nanoTime() < deadline && !"expired".equals(state)) {
            Reply reply = get("/api/sales/quotes/" + overdue);
            state = reply.status() == 200 ? reply.json().get("state").asText() : null;
            Thread.sleep(200);
        }
        assertEquals("expired", state);
        assertEquals("valid through today", "draft", ok(get("/api/sales/quotes/" + valid)).get("state").asText());
        List<String> transitions = new ArrayList<>();
        ok(get("/api/core/workflows/sales.quote/" + overdue + "/history")).forEach(h -> transitions.add(h.get("transition").asText()));
        assertEquals(List.of("expire"), transitions);
    }

    @Test
    public void ordersConfirmWithoutReservationsAndTheCreditLimitNeedsAManager() throws Exception {
        installSales();
        users();
        long p = product("OR-A", "STOCKED", "100", "60", "20", 0);
        long customer = customer("Order Customer Ltd", null, null);
        JsonNode order = created(post("/api/sales/orders", "{\"customerId\":" + customer + ",\"requestedDate\":\"2026-12-24\","
            + "\"lines\":[{\"productId\":" + p + ",\"quantity\":5}]}"));
        long id = order.get("id").asLong();
        assertEquals("2026-12-24", order.get("requestedDate").asText());
        JsonNode confirmed = ok(post("/api/sales/orders/" + id + "/confirm", ""));
        assertEquals("confirmed", confirmed.get("state").asText());
        JsonNode line = confirmed.get("lines").get(0);
        assertEquals("nothing is reserved without inventory", "0.000", line.get("reservedQuantity").decimalValue().toPlainString());
        assertEquals("0.000", line.get("deliveredQuantity").decimalValue().toPlainString());
        assertEquals("5.000", line.get("openQuantity").decimalValue().toPlainString());
        assertTrue(confirmed.get("approvalReason").isNull());
        assertEquals("0.000", ok(get("/api/sales/orders/" + id)).get("lines").get(0).get("reservedQuantity").decimalValue().toPlainString());
        assertEquals("confirmed once", 409, post("/api/sales/orders/" + id + "/confirm", "").status());
        assertEquals("a confirmed order no longer changes", 409, put("/api/sales/orders/" + id, "{\"customerId\":" + customer
            + ",\"lines\":[{\"productId\":" + p + ",\"quantity\":1}],\"version\":" + confirmed.get("version").asLong() + "}").status());
        assertEquals("cancelled", ok(post("/api/sales/orders/" + id + "/cancel", "")).get("state").asText());
        assertEquals(409, post("/api/sales/orders/" + id + "/cancel", "").status());

        // Limit 1000 TRY; 10 × 100 = 1000.00 + 20 % VAT = 1200.00 is over it: the salesperson's confirmation holds the order.
        long careful = customer("Credit Limited Ltd", "1000", "TRY");
        long big = created(post("/api/sales/orders", "{\"customerId\":" + careful + ",\"lines\":[{\"productId\":" + p + ",\"quantity\":10}]}"))
            .get("id").asLong();
        Reply held = send("POST", "/api/sales/orders/" + big + "/confirm", "", REP, REP_PASSWORD);
        assertEquals(held.body(), 200, held.status());
        assertEquals("pending-approval", held.json().get("state").asText());
        assertTrue(held.json().toString(), held.json().get("approvalReason").asText().length() > 0);
        assertEquals("a salesperson may not approve", 403, send("POST", "/api/sales/orders/" + big + "/approve", "", REP, REP_PASSWORD).status());
        assertEquals("pending-approval", ok(get("/api/sales/orders/" + big)).get("state").asText());
        Reply approved = send("POST", "/api/sales/orders/" + big + "/approve", "", MANAGER, MANAGER_PASSWORD);
        assertEquals(approved.body(), 200, approved.status());
        assertEquals("confirmed", approved.json().get("state").asText());
        assertEquals("approved once", 409, send("POST", "/api/sales/orders/" + big + "/approve", "", MANAGER, MANAGER_PASSWORD).status());
        // 1 × 100 + VAT = 120.00 on top of the confirmed 1200.00 is over the limit again; one that keeps within it confirms.
        long small = created(post("/api/sales/orders", "{\"customerId\":" + careful + ",\"lines\":[{\"productId\":" + p + ",\"quantity\":1}]}"))
            .get("id").asLong();
        assertEquals("pending-approval", ok(send("POST", "/api/sales/orders/" + small + "/confirm", "", REP, REP_PASSWORD)).get("state").asText());
        long other = customer("Credit Roomy Ltd", "1000", "TRY");
        long within = created(post("/api/sales/orders", "{\"customerId\":" + other + ",\"lines\":[{\"productId\":" + p + ",\"quantity\":8}]}"))
            .get("id").asLong();
        assertEquals("960.00 is within 1000", "confirmed", ok(send("POST", "/api/sales/orders/" + within + "/confirm", "", REP, REP_PASSWORD))
            .get("state").asText());
        // A limit of 100 USD is 3450.00 TRY at 34.5: 3 × 30 USD + 20 % = 108.00 USD = 3726.00 TRY is over it, 2 × 30 + 20 % = 72.00 USD = 2484.00 is not.
        assertEquals(200, post("/api/core/currencies/rates", "{\"from\":\"USD\",\"to\":\"TRY\",\"date\":\"2026-01-01\",\"rate\":34.5}").status());
        long dollars = customer("Credit Dollar Inc", "100", "USD");
        long over = created(post("/api/sales/orders", "{\"customerId\":" + dollars + ",\"lines\":[{\"productId\":" + p + ",\"quantity\":3,"
            + "\"unitPrice\":30}]}")).get("id").asLong();
        assertEquals("pending-approval", ok(send("POST", "/api/sales/orders/" + over + "/confirm", "", REP, REP_PASSWORD)).get("state").asText());
        long under = created(post("/api/sales/orders", "{\"customerId\":" + dollars + ",\"lines\":[{\"productId\":" + p + ",\"quantity\":2,"
            + "\"unitPrice\":30}]}")).get("id").asLong();
        JsonNode usd = ok(send("POST", "/api/sales/orders/" + under + "/confirm", "", REP, REP_PASSWORD));
        assertEquals("confirmed", usd.get("state").asText());
        assertEquals("USD", usd.get("currency").asText());
        // In the report, in TRY at the order's rate: net 60.00 USD = 2070.00; cost 2 × (60 / 34.5 = 1.7391) × 34.5 = 119.9979 → 120.00;
        // margin 1950.00 = 94.20 %.
        JsonNode byCustomer = ok(get("/api/sales/reports/sales?from=" + TODAY + "&to=" + TODAY + "&groupBy=customer"));
        assertEquals("TRY", byCustomer.get("currency").asText());
        assertRow(row(byCustomer, String.valueOf(dollars)), "Credit Dollar Inc", 1, "2.000", "2070.00", "120.00", "1950.00", "94.20");
        // A pending order can be cancelled.
        assertEquals("cancelled", ok(post("/api/sales/orders/" + small + "/cancel", "")).get("state").asText());

        // Once goods have left, the order no longer cancels.
        long shippedOne = confirmedOrder(customer, p, "5");
        long line2 = ok(get("/api/sales/orders/" + shippedOne)).get("lines").get(0).get("id").asLong();
        long shipment = created(post("/api/sales/shipments", "{\"lines\":[{\"orderLineId\":" + line2 + ",\"quantity\":2}]}")).get("id").asLong();
        assertEquals("while on an unshipped shipment", 409, post("/api/sales/orders/" + shippedOne + "/cancel", "").status());
        ship(shipment);
        assertEquals("after a delivery", 409, post("/api/sales/orders/" + shippedOne + "/cancel", "").status());
        assertEquals("partially-delivered", ok(get("/api/sales/orders/" + shippedOne)).get("state").asText());
    }

    @Test
    public void shipmentsWithoutInventoryCostTheStandardCostAndDeliverTheOrders() throws Exception {
        installSales();
        long p = product("SH-A", "STOCKED", "100", "37.35", "20", 0);
        long service = product("SH-S", "SERVICE", "500", "200", "20", 0);
        long c1 = customer("Shipping Customer One", null, null);
        long c2 = customer("Shipping Customer Two", null, null);
        JsonNode order = created(post("/api/sales/orders", "{\"customerId\":" + c1 + ",\"lines\":[{\"productId\":" + p + ",\"quantity\":10},"
            + "{\"productId\":" + service + ",\"quantity\":1}]}"));
        long o1 = order.get("id").asLong();
        long goods = order.get("lines").get(0).get("id").asLong();
        long work = order.get("lines").get(1).get("id").asLong();
        assertEquals("a draft order does not ship", 409, post("/api/sales/shipments", "{\"lines\":[{\"orderLineId\":" + goods + ",\"quantity\":1}]}")
            .status());
        ok(post("/api/sales/orders/" + o1 + "/confirm", ""));

        // 4 of 10: 4 × 37.35 = 149.40, no stock moves.
        JsonNode first = created(post("/api/sales/shipments", "{\"lines\":[{\"orderLineId\":" + goods + ",\"quantity\":4}]}"));
        long s1 = first.get("id").asLong();
        assertTrue(first.get("number").asText(), first.get("number").asText().matches("SH-2026-\\d{6}"));
        assertEquals("draft", first.get("state").asText());
        assertEquals(c1, first.get("customerId").asLong());
        assertEquals("TRY", first.get("currency").asText());
        assertEquals("a draft does not ship", 409, post("/api/sales/shipments/" + s1 + "/ship", "").status());
        assertEquals("picked", ok(post("/api/sales/shipments/" + s1 + "/pick", "")).get("state").asText());
        assertEquals(409, post("/api/sales/shipments/" + s1 + "/pick", "").status());
        assertEquals("packed", ok(post("/api/sales/shipments/" + s1 + "/pack", "")).get("state").asText());
        JsonNode shipped = ok(post("/api/sales/shipments/" + s1 + "/ship", ""));
        assertEquals("shipped", shipped.get("state").asText());
        assertEquals(TODAY.toString(), shipped.get("shippedDate").asText());
        JsonNode sl = shipped.get("lines").get(0);
        assertEquals("37.3500", sl.get("unitCost").decimalValue().toPlainString());
        assertEquals(0, new BigDecimal("149.40").compareTo(sl.get("costAmount").decimalValue()));
        assertEquals(0, new BigDecimal("149.40").compareTo(shipped.get("totalCost").decimalValue()));
        assertEquals("no stock moves without inventory", 0, sl.get("moveIds").size());
        assertEquals(o1, sl.get("orderId").asLong());
        assertEquals(order.get("number").asText(), sl.get("orderNumber").asText());
        assertEquals("SH-A", sl.get("productCode").asText());
        assertEquals(409, post("/api/sales/shipments/" + s1 + "/cancel", "").status());
        JsonNode partly = ok(get("/api/sales/orders/" + o1));
        assertEquals("partially-delivered", partly.get("state").asText());
        assertEquals("4.000", partly.get("lines").get(0).get("deliveredQuantity").decimalValue().toPlainString());
        assertEquals("6.000", partly.get("lines").get(0).get("openQuantity").decimalValue().toPlainString());
        assertTrue(hasLink(ok(get("/api/sales/orders/" + o1 + "/documents")), "sales.order", o1, "sales.shipment", s1));

        // 6 are left: 7 is too many, also while 3 wait on a draft shipment.
        assertEquals(409, post("/api/sales/shipments", "{\"lines\":[{\"orderLineId\":" + goods + ",\"quantity\":7}]}").status());
        long waiting = created(post("/api/sales/shipments", "{\"lines\":[{\"orderLineId\":" + goods + ",\"quantity\":3}]}")).get("id").asLong();
        assertEquals(409, post("/api/sales/shipments", "{\"lines\":[{\"orderLineId\":" + goods + ",\"quantity\":4}]}").status());
        assertEquals("cancelled", ok(post("/api/sales/shipments/" + waiting + "/cancel", "")).get("state").asText());

        // The rest, 6 × 37.35 = 224.10, and the service at its 200.00: 424.10; the order is delivered.
        JsonNode second = created(post("/api/sales/shipments", "{\"lines\":[{\"orderLineId\":" + goods + ",\"quantity\":6},"
            + "{\"orderLineId\":" + work + ",\"quantity\":1}]}"));
        JsonNode rest = ship(second.get("id").asLong());
        assertEquals(0, new BigDecimal("224.10").compareTo(rest.get("lines").get(0).get("costAmount").decimalValue()));
        assertEquals(0, new BigDecimal("200.00").compareTo(rest.get("lines").get(1).get("costAmount").decimalValue()));
        assertEquals(0, new BigDecimal("424.10").compareTo(rest.get("totalCost").decimalValue()));
        JsonNode delivered = ok(get("/api/sales/orders/" + o1));
        assertEquals("delivered", delivered.get("state").asText());
        assertEquals(List.of("0.000", "0.000"), texts(delivered.get("lines"), "openQuantity"));
        assertEquals("nothing is left", 409, post("/api/sales/shipments", "{\"lines\":[{\"orderLineId\":" + goods + ",\"quantity\":0.001}]}").status());
        assertEquals(2, ok(get("/api/sales/shipments?order=" + o1 + "&state=shipped")).get("total").asInt());

        // Two orders of one customer go on one shipment; lines of two customers' orders do not.
        long o2 = confirmedOrder(c1, p, "2");
        long o3 = confirmedOrder(c1, p, "3");
        long o4 = confirmedOrder(c2, p, "1");
        long l2 = firstLine(o2);
        long l3 = firstLine(o3);
        long l4 = firstLine(o4);
        JsonNode both = created(post("/api/sales/shipments", "{\"lines\":[{\"orderLineId\":" + l2 + ",\"quantity\":2},{\"orderLineId\":" + l3
            + ",\"quantity\":3}]}"));
        assertEquals(c1, both.get("customerId").asLong());
        JsonNode bothShipped = ship(both.get("id").asLong());
        // 5 × 37.35 = 186.75
        assertEquals(0, new BigDecimal("186.75").compareTo(bothShipped.get("totalCost").decimalValue()));
        assertEquals("delivered", ok(get("/api/sales/orders/" + o2)).get("state").asText());
        assertEquals("delivered", ok(get("/api/sales/orders/" + o3)).get("state").asText());
        assertEquals("lines[1].orderLineId", problemField(post("/api/sales/shipments", "{\"lines\":[{\"orderLineId\":" + l4 + ",\"quantity\":1},"
            + "{\"orderLineId\":" + firstLine(confirmedOrder(c1, p, "1")) + ",\"quantity\":1}]}")));
        assertEquals("the refused mix wrote nothing", 0, ok(get("/api/sales/shipments?customer=" + c2)).get("total").asInt());
    }

    @Test
    public void returnsComeBackAtTheShippedCostUpToWhatShipped() throws Exception {
        installSales();
        long p = product("RT-A", "STOCKED", "100", "10", "20", 0);
        long customer = customer("Return Customer Ltd", null, null);
        long order = confirmedOrder(customer, p, "5");
        long orderLine = firstLine(order);
        long draft = created(post("/api/sales/shipments", "{\"lines\":[{\"orderLineId\":" + orderLine + ",\"quantity\":1}]}")).get("id").asLong();
        long draftLine = ok(get("/api/sales/shipments/" + draft)).get("lines").get(0).get("id").asLong();
        assertEquals("nothing shipped yet", 409, post("/api/sales/returns", "{\"shipmentId\":" + draft + ",\"lines\":[{\"shipmentLineId\":" + draftLine
            + ",\"quantity\":1}]}").status());
        ok(post("/api/sales/shipments/" + draft + "/cancel", ""));
        JsonNode shipment = ship(created(post("/api/sales/shipments", "{\"lines\":[{\"orderLineId\":" + orderLine + ",\"quantity\":5}]}")).get("id").asLong());
        long shipmentId = shipment.get("id").asLong();
        long line = shipment.get("lines").get(0).get("id").asLong();

        // 2 of 5 back at 10.0000: 20.00.
        JsonNode r1 = created(post("/api/sales/returns", "{\"shipmentId\":" + shipmentId + ",\"reason\":\"damaged\",\"lines\":[{\"shipmentLineId\":" + line
            + ",\"quantity\":2}]}"));
        assertTrue(r1.get("number").asText(), r1.get("number").asText().matches("RT-2026-\\d{6}"));
        assertEquals("received", r1.get("state").asText());
        assertEquals(customer, r1.get("customerId").asLong());
        assertEquals("10.0000", r1.get("lines").get(0).get("unitCost").decimalValue().toPlainString());
        assertEquals(0, new BigDecimal("20.00").compareTo(r1.get("lines").get(0).get("costAmount").decimalValue()));
        assertEquals(0, new BigDecimal("20.00").compareTo(r1.get("totalCost").decimalValue()));
        assertEquals(orderLine, r1.get("lines").get(0).get("orderLineId").asLong());
        assertEquals(0, r1.get("lines").get(0).get("moveIds").size());
        JsonNode ol = ok(get("/api/sales/orders/" + order)).get("lines").get(0);
        assertEquals("2.000", ol.get("returnedQuantity").decimalValue().toPlainString());
        assertEquals("delivered stays", "5.000", ol.get("deliveredQuantity").decimalValue().toPlainString());
        assertEquals("2.000", ok(get("/api/sales/shipments/" + shipmentId)).get("lines").get(0).get("returnedQuantity").decimalValue().toPlainString());

        // 3 are left to return: 4 is too many; 3 come back; then nothing more.
        assertEquals(409, post("/api/sales/returns", "{\"shipmentId\":" + shipmentId + ",\"lines\":[{\"shipmentLineId\":" + line + ",\"quantity\":4}]}")
            .status());
        created(post("/api/sales/returns", "{\"shipmentId\":" + shipmentId + ",\"lines\":[{\"shipmentLineId\":" + line + ",\"quantity\":3}]}"));
        assertEquals(409, post("/api/sales/returns", "{\"shipmentId\":" + shipmentId + ",\"lines\":[{\"shipmentLineId\":" + line
            + ",\"quantity\":0.001}]}").status());
        assertEquals("5.000", ok(get("/api/sales/orders/" + order)).get("lines").get(0).get("returnedQuantity").decimalValue().toPlainString());
        assertEquals(2, ok(get("/api/sales/returns?shipment=" + shipmentId)).get("total").asInt());
        assertEquals(2, ok(get("/api/sales/returns?customer=" + customer)).get("total").asInt());
        assertEquals(200, get("/api/sales/returns/" + r1.get("id").asLong()).status());
        assertTrue(hasLink(ok(get("/api/core/documents/sales.shipment/" + shipmentId + "/flow")), "sales.shipment", shipmentId, "sales.return",
            r1.get("id").asLong()));
    }

    @Test
    public void theReportsAddUpTheOrdersAndShipmentsOfThisTest() throws Exception {
        installSales();
        long a = product("RP-A", "STOCKED", "50", "30", "20", 3);
        long b = product("RP-B", "STOCKED", "80", "50", "10", 0);
        long customer = customer("Report Customer Ltd", null, null);
        // R1 of 2026-11-20: RP-A 10 × 50 = 500.00; RP-B 2 × 80 = 160.00 − 10 % = 144.00. Promised 2026-11-23 and 2026-11-20.
        JsonNode r1 = created(post("/api/sales/orders", "{\"customerId\":" + customer + ",\"date\":\"2026-11-20\",\"lines\":[{\"productId\":" + a
            + ",\"quantity\":10},{\"productId\":" + b + ",\"quantity\":2,\"discountPercent\":10}]}"));
        // R2 of 2026-11-21: RP-A 4 × 55 = 220.00, promised 2026-11-24.
        JsonNode r2 = created(post("/api/sales/orders", "{\"customerId\":" + customer + ",\"date\":\"2026-11-21\",\"lines\":[{\"productId\":" + a
            + ",\"quantity\":4,\"unitPrice\":55}]}"));
        // A draft order does not count.
        created(post("/api/sales/orders", "{\"customerId\":" + customer + ",\"date\":\"2026-11-21\",\"lines\":[{\"productId\":" + a + ",\"quantity\":100}]}"));
        ok(post("/api/sales/orders/" + r1.get("id").asLong() + "/confirm", ""));
        ok(post("/api/sales/orders/" + r2.get("id").asLong() + "/confirm", ""));
        long r1a = r1.get("lines").get(0).get("id").asLong();
        long r1b = r1.get("lines").get(1).get("id").asLong();
        long r2a = r2.get("lines").get(0).get("id").asLong();
        ship(created(post("/api/sales/shipments", "{\"lines\":[{\"orderLineId\":" + r1a + ",\"quantity\":6}]}")).get("id").asLong());
        ship(created(post("/api/sales/shipments", "{\"lines\":[{\"orderLineId\":" + r2a + ",\"quantity\":4}]}")).get("id").asLong());

        // By product, RP-A: 2 orders, 14, net 500 + 220 = 720.00; cost: R1 shipped 6 × 30 = 180 + 4 undelivered × 30 = 120, R2 shipped 4 × 30 = 120:
        // 420.00; margin 300.00 = 41.67 %. RP-B: 1 order, 2, net 144.00, cost 2 × 50 = 100.00, margin 44.00 = 30.56 %.
        JsonNode byProduct = ok(get("/api/sales/reports/sales?from=2026-11-20&to=2026-11-21&groupBy=product"));
        assertEquals("TRY", byProduct.get("currency").asText());
        assertRow(row(byProduct, String.valueOf(a)), "RP-A", 2, "14.000", "720.00", "420.00", "300.00", "41.67");
        assertRow(row(byProduct, String.valueOf(b)), "RP-B", 1, "2.000", "144.00", "100.00", "44.00", "30.56");
        // By customer: 2 orders, 16, net 864.00, cost 520.00, margin 344.00 = 39.81 %.
        JsonNode byCustomer = ok(get("/api/sales/reports/sales?from=2026-11-20&to=2026-11-21&groupBy=customer"));
        assertRow(row(byCustomer, String.valueOf(customer)), "Report Customer Ltd", 2, "16.000", "864.00", "520.00", "344.00", "39.81");
        // Only R2's date: RP-A 1 order, 4, 220.00, cost 120.00, margin 100.00 = 45.45 %.
        assertRow(row(ok(get("/api/sales/reports/sales?from=2026-11-21&to=2026-11-21&groupBy=product")), String.valueOf(a)), "RP-A", 1, "4.000",
            "220.00", "120.00", "100.00", "45.45");

        // Open: R1's RP-A 4 of 10 and RP-B 2, nothing reserved without inventory.
        List<String> open = new ArrayList<>();
        for (JsonNode l : ok(get("/api/sales/reports/open-orders"))) {
            if (l.get("customerId").asLong() == customer) {
                open.add(l.get("productCode").asText() + " " + l.get("quantity").decimalValue().toPlainString() + " "
                    + l.get("deliveredQuantity").decimalValue().toPlainString() + " " + l.get("openQuantity").decimalValue().toPlainString() + " "
                    + l.get("reservedQuantity").decimalValue().toPlainString() + " " + l.get("promisedDate").asText() + " "
                    + l.get("customerName").asText());
            }
        }
        assertEquals(List.of("RP-B 2.000 0.000 2.000 0.000 2026-11-20 Report Customer Ltd", "RP-A 10.000 6.000 4.000 0.000 2026-11-23 Report Customer Ltd"),
            open);

        // Shipped today (2026-12-01 or later): R1's RP-A promised 2026-11-23, R2's 2026-11-24; an order of today ships on time.
        long onTime = confirmedOrder(customer, b, "1");
        ship(created(post("/api/sales/shipments", "{\"lines\":[{\"orderLineId\":" + firstLine(onTime) + ",\"quantity\":1}]}")).get("id").asLong());
        JsonNode delivery = ok(get("/api/sales/reports/delivery-performance?from=" + TODAY + "&to=" + TODAY));
        Map<Long, Long> daysLate = new TreeMap<>();
        int late = 0;
        for (JsonNode l : delivery.get("lines")) {
            if (l.get("customerId").asLong() == customer) {
                daysLate.put(l.get("orderId").asLong(), l.get("daysLate").asLong());
            }
            late += l.get("daysLate").asLong() > 0 ? 1 : 0;
        }
        long r1Late = java.time.temporal.ChronoUnit.DAYS.between(LocalDate.parse("2026-11-23"), TODAY);
        long r2Late = java.time.temporal.ChronoUnit.DAYS.between(LocalDate.parse("2026-11-24"), TODAY);
        assertEquals(Map.of(r1.get("id").asLong(), r1Late, r2.get("id").asLong(), r2Late, onTime, 0L), daysLate);
        assertEquals(delivery.get("lines").size(), delivery.get("lineCount").asInt());
        assertEquals(late, delivery.get("late").asInt());
        assertEquals(delivery.get("lineCount").asInt() - late, delivery.get("onTime").asInt());
        assertEquals(0, ok(get("/api/sales/reports/delivery-performance?from=2020-01-01&to=2020-01-31")).get("lineCount").asInt());
    }

    @Test
    public void eightClientsConfirmingOneOrderConfirmItOnce() throws Exception {
        installSales();
        long p = product("RACE-A", "STOCKED", "100", "60", "20", 0);
        long customer = customer("Race Customer Ltd", "100000", "TRY");
        JsonNode order = created(post("/api/sales/orders", "{\"customerId\":" + customer + ",\"lines\":[{\"productId\":" + p + ",\"quantity\":7}]}"));
        long id = order.get("id").asLong();
        Map<Integer, Integer> statuses = race(8, i -> post("/api/sales/orders/" + id + "/confirm", "").status());
        assertEquals("one confirmation, seven refusals: " + statuses, Map.of(200, 1, 409, 7), statuses);
        JsonNode confirmed = ok(get("/api/sales/orders/" + id));
        assertEquals("confirmed", confirmed.get("state").asText());
        assertEquals("one write", order.get("version").asLong() + 1, confirmed.get("version").asLong());
        assertEquals(texts(order.get("lines"), "quantity"), texts(confirmed.get("lines"), "quantity"));
        assertEquals(texts(order.get("lines"), "netAmount"), texts(confirmed.get("lines"), "netAmount"));
        assertEquals(texts(order.get("lines"), "id"), texts(confirmed.get("lines"), "id"));
        int confirmations = 0;
        for (JsonNode step : ok(get("/api/core/workflows/sales.order/" + id + "/history"))) {
            confirmations += "confirmed".equals(step.get("to").asText()) ? 1 : 0;
        }
        assertEquals("the workflow moved once", 1, confirmations);
    }

    @Test
    public void theConsoleListsConfirmsAndReportsWithTheRestPermissions() throws Exception {
        installSales();
        long p = product("CON-A", "STOCKED", "100", "60", "20", 0);
        long customer = customer("Console Customer Ltd", null, null);
        JsonNode order = created(post("/api/sales/orders", "{\"customerId\":" + customer + ",\"lines\":[{\"productId\":" + p + ",\"quantity\":3}]}"));
        String number = order.get("number").asText();
        String list = console("sales:order-list --customer " + customer);
        assertTrue(list, list.lines().anyMatch(l -> l.contains(number) && l.contains("draft") && l.contains("360.00") && l.contains("TRY")));
        assertTrue(list, list.contains("1 of 1 orders"));
        String confirmed = console("sales:order-confirm " + number);
        assertTrue(confirmed, confirmed.contains(number + " is confirmed"));
        assertEquals("confirmed", ok(get("/api/sales/orders/" + order.get("id").asLong())).get("state").asText());
        assertTrue(console("sales:order-confirm " + number).contains("draft"));
        assertTrue(console("sales:order-list --state confirmed --customer " + customer).contains(number));
        // 3 × 100 = 300.00, cost 180.00, margin 120.00 = 40.00 %.
        String report = console("sales:report --group-by product sales");
        assertTrue(report, report.lines().anyMatch(l -> l.contains("CON-A") && l.contains("3.000") && l.contains("300.00") && l.contains("180.00")
            && l.contains("120.00") && l.contains("40.00")));
        assertTrue(console("sales:report open-orders").lines().anyMatch(l -> l.contains(number) && l.contains("CON-A")));
        assertTrue(console("sales:quote-list --limit 5").length() > 0);

        JsonNode second = created(post("/api/sales/orders", "{\"customerId\":" + customer + ",\"lines\":[{\"productId\":" + p + ",\"quantity\":1}]}"));
        for (String[] c : new String[][] {{"no-such-role", "sales:order-list"}, {"viewer", "sales:order-confirm " + second.get("number").asText()},
            {"shipping-clerk", "sales:order-confirm " + second.get("number").asText()}, {"shipping-clerk", "sales:report sales"},
            {"salesperson", "sales:shipment-ship SH-2026-999999"}}) {
            try {
                consoleAs("sit-console", List.of(c[0]), c[1]);
                fail(c[1] + " as " + c[0] + " should be forbidden");
            } catch (io.kovan.kernel.api.security.ForbiddenException e) {
                // as the REST call would be
            }
        }
        assertEquals("draft", ok(get("/api/sales/orders/" + second.get("id").asLong())).get("state").asText());
        assertTrue(consoleAs("sit-console", List.of("salesperson"), "sales:order-list --customer " + customer).contains(number));
    }

    @Test
    public void theSalesGuidesEndpointTableIsTheOpenApiDocumentsSalesPart() throws Exception {
        installSales();
        assertGuideListsTheServedEndpoints("sales.md", "/api/sales/");
    }

    @Test
    public void badInputIsRefusedWithTheFieldAndNothingIsWritten() throws Exception {
        installSales();
        long p = product("BAD-A", "STOCKED", "100", "60", "20", 0);
        long noPrice = created(post("/api/core/products", "{\"code\":\"BAD-NOPRICE\",\"name\":\"No price\",\"type\":\"STOCKED\",\"unit\":\"PCS\"}"))
            .get("id").asLong();
        long customer = customer("Bad Input Customer", null, null);
        long draftOrder = created(post("/api/sales/orders", "{\"customerId\":" + customer + ",\"lines\":[{\"productId\":" + p + ",\"quantity\":1}]}"))
            .get("id").asLong();
        long order = confirmedOrder(customer, p, "5");
        long orderLine = firstLine(order);
        JsonNode shipment = ship(created(post("/api/sales/shipments", "{\"lines\":[{\"orderLineId\":" + orderLine + ",\"quantity\":2}]}")).get("id").asLong());
        long shipmentId = shipment.get("id").asLong();
        long shipmentLine = shipment.get("lines").get(0).get("id").asLong();
        long quote = created(post("/api/sales/quotes", "{\"customerId\":" + customer + ",\"lines\":[{\"productId\":" + p + ",\"quantity\":1}]}"))
            .get("id").asLong();
        String line = "\"lines\":[{\"productId\":" + p + ",\"quantity\":1}]";
        Map<String, Integer> before = counts();
        String[][] cases = {
            {"POST", "/api/sales/quotes", "{" + line + "}", "customerId"},
            {"POST", "/api/sales/quotes", "{\"customerId\":999999," + line + "}", "customerId"},
            {"POST", "/api/sales/quotes", "{\"customerId\":" + customer + ",\"lines\":[]}", "lines"},
            {"POST", "/api/sales/quotes", "{\"customerId\":" + customer + "}", "lines"},
            {"POST", "/api/sales/quotes", "{\"customerId\":" + customer + ",\"lines\":[{\"productId\":" + p + "}]}", "lines[0].quantity"},
            {"POST", "/api/sales/quotes", "{\"customerId\":" + customer + ",\"lines\":[{\"productId\":" + p + ",\"quantity\":0}]}", "lines[0].quantity"},
            {"POST", "/api/sales/quotes", "{\"customerId\":" + customer + ",\"lines\":[{\"productId\":" + p + ",\"quantity\":-1}]}", "lines[0].quantity"},
            {"POST", "/api/sales/quotes", "{\"customerId\":" + customer + ",\"lines\":[{\"productId\":" + p + ",\"quantity\":1.0001}]}", "lines[0].quantity"},
            {"POST", "/api/sales/quotes", "{\"customerId\":" + customer + ",\"lines\":[{\"productId\":" + p + ",\"quantity\":1},{\"productId\":999999,"
                + "\"quantity\":1}]}", "lines[1].productId"},
            {"POST", "/api/sales/quotes", "{\"customerId\":" + customer + ",\"lines\":[{\"quantity\":1}]}", "lines[0].productId"},
            {"POST", "/api/sales/quotes", "{\"customerId\":" + customer + ",\"lines\":[{\"productId\":" + p + ",\"quantity\":1,\"vatRate\":18}]}",
                "lines[0].vatRate"},
            {"POST", "/api/sales/quotes", "{\"customerId\":" + customer + ",\"lines\":[{\"productId\":" + p + ",\"quantity\":1,\"unitPrice\":-5}]}",
                "lines[0].unitPrice"},
            {"POST", "/api/sales/quotes", "{\"customerId\":" + customer + ",\"lines\":[{\"productId\":" + p + ",\"quantity\":1,\"discountPercent\":101}]}",
                "lines[0].discountPercent"},
            {"POST", "/api/sales/quotes", "{\"customerId\":" + customer + ",\"discountPercent\":-1," + line + "}", "discountPercent"},
            {"POST", "/api/sales/quotes", "{\"customerId\":" + customer + ",\"lines\":[{\"productId\":" + noPrice + ",\"quantity\":1}]}", "lines[0].unitPrice"},
            {"POST", "/api/sales/quotes", "{\"customerId\":" + customer + ",\"currency\":\"XXX\"," + line + "}", "currency"},
            {"POST", "/api/sales/quotes", "{\"customerId\":" + customer + ",\"date\":\"2026-11-20\",\"validUntil\":\"2026-11-19\"," + line + "}", "validUntil"},
            {"POST", "/api/sales/quotes", "{\"customerId\":" + customer + ",\"date\":\"2026-02-30\"," + line + "}", null},
            {"POST", "/api/sales/quotes", "{\"customerId\":" + customer + ",\"date\":\"tomorrow\"," + line + "}", null},
            {"POST", "/api/sales/quotes", "{\"customerId\":" + customer + ",\"lines\":[{\"productId\":" + p + ",\"quantity\":\"many\"}]}", null},
            {"POST", "/api/sales/quotes", "{\"customerId\":" + customer + ",\"colour\":\"red\"," + line + "}", null},
            {"POST", "/api/sales/quotes", "not json", null},
            {"PUT", "/api/sales/quotes/" + quote, "{\"customerId\":" + customer + "," + line + "}", "version"},
            {"POST", "/api/sales/orders", "{\"customerId\":999999," + line + "}", "customerId"},
            {"POST", "/api/sales/orders", "{\"customerId\":" + customer + ",\"lines\":[{\"productId\":" + p + ",\"quantity\":0}]}", "lines[0].quantity"},
            {"POST", "/api/sales/orders", "{\"customerId\":" + customer + ",\"lines\":[{\"productId\":999999,\"quantity\":1}]}", "lines[0].productId"},
            {"POST", "/api/sales/orders", "{\"customerId\":" + customer + ",\"lines\":[{\"productId\":" + p + ",\"quantity\":1,\"vatRate\":18}]}",
                "lines[0].vatRate"},
            {"POST", "/api/sales/orders", "{\"customerId\":" + customer + ",\"requestedDate\":\"2026-13-01\"," + line + "}", null},
            {"PUT", "/api/sales/orders/" + draftOrder, "{\"customerId\":" + customer + ",\"lines\":[{\"productId\":" + p + ",\"quantity\":-3}],\"version\":0}",
                "lines[0].quantity"},
            {"POST", "/api/sales/shipments", "{\"lines\":[]}", "lines"},
            {"POST", "/api/sales/shipments", "{\"lines\":[{\"quantity\":1}]}", "lines[0].orderLineId"},
            {"POST", "/api/sales/shipments", "{\"lines\":[{\"orderLineId\":999999,\"quantity\":1}]}", "lines[0].orderLineId"},
            {"POST", "/api/sales/shipments", "{\"lines\":[{\"orderLineId\":" + orderLine + ",\"quantity\":0}]}", "lines[0].quantity"},
            {"POST", "/api/sales/shipments", "{\"lines\":[{\"orderLineId\":" + orderLine + "}]}", "lines[0].quantity"},
            {"POST", "/api/sales/shipments", "{\"lines\":[{\"orderLineId\":" + orderLine + ",\"quantity\":1},{\"orderLineId\":" + orderLine
                + ",\"quantity\":1}]}", "lines[1].orderLineId"},
            {"POST", "/api/sales/returns", "{\"lines\":[{\"shipmentLineId\":" + shipmentLine + ",\"quantity\":1}]}", "shipmentId"},
            {"POST", "/api/sales/returns", "{\"shipmentId\":999999,\"lines\":[{\"shipmentLineId\":" + shipmentLine + ",\"quantity\":1}]}", "shipmentId"},
            {"POST", "/api/sales/returns", "{\"shipmentId\":" + shipmentId + ",\"lines\":[{\"shipmentLineId\":999999,\"quantity\":1}]}",
                "lines[0].shipmentLineId"},
            {"POST", "/api/sales/returns", "{\"shipmentId\":" + shipmentId + ",\"lines\":[{\"shipmentLineId\":" + shipmentLine + ",\"quantity\":-1}]}",
                "lines[0].quantity"},
            {"POST", "/api/sales/returns", "{\"shipmentId\":" + shipmentId + ",\"lines\":[]}", "lines"},
            {"POST", "/api/sales/price-lists", "{\"name\":\"No code\",\"currency\":\"TRY\",\"items\":[]}", "code"},
            {"POST", "/api/sales/price-lists", "{\"code\":\"BAD-PL\",\"name\":\"x\",\"currency\":\"XXX\",\"items\":[]}", "currency"},
            {"POST", "/api/sales/price-lists", "{\"code\":\"BAD-PL\",\"name\":\"x\",\"currency\":\"TRY\",\"validFrom\":\"2026-12-01\",\"validTo\":\"2026-11-01\","
                + "\"items\":[]}", "validTo"},
            {"POST", "/api/sales/price-lists", "{\"code\":\"BAD-PL\",\"name\":\"x\",\"currency\":\"TRY\",\"items\":[{\"productId\":999999,\"price\":1}]}",
                "items[0].productId"},
            {"POST", "/api/sales/price-lists", "{\"code\":\"BAD-PL\",\"name\":\"x\",\"currency\":\"TRY\",\"items\":[{\"productId\":" + p + ",\"price\":-1}]}",
                "items[0].price"},
            {"POST", "/api/sales/price-lists", "{\"code\":\"BAD-PL\",\"name\":\"x\",\"currency\":\"TRY\",\"items\":[{\"productId\":" + p
                + ",\"minQuantity\":-1,\"price\":1}]}", "items[0].minQuantity"},
            {"PUT", "/api/sales/customers/" + customer, "{\"partyId\":" + (customer + 1) + ",\"priceGroup\":\"X\"}", "partyId"},
            {"GET", "/api/sales/quotes?colour=red", null, "colour"},
            {"GET", "/api/sales/quotes?from=2026-13-01", null, "from"},
            {"GET", "/api/sales/quotes?customer=abc", null, "customer"},
            {"GET", "/api/sales/quotes?sort=colour", null, "sort"},
            {"GET", "/api/sales/orders?to=yesterday", null, "to"},
            {"GET", "/api/sales/orders?colour=red", null, "colour"},
            {"GET", "/api/sales/shipments?order=abc", null, "order"},
            {"GET", "/api/sales/returns?sort=total", null, "sort"},
            {"GET", "/api/sales/price-lists?colour=red", null, "colour"},
            {"GET", "/api/sales/reports/sales?groupBy=colour", null, "groupBy"},
            {"GET", "/api/sales/reports/sales?from=2026-13-01", null, "from"},
            {"GET", "/api/sales/reports/open-orders?customer=1", null, "customer"},
            {"GET", "/api/sales/reports/delivery-performance?to=someday", null, "to"},
        };
        assertEquals("every bad request is a 400 naming its field", List.of(), wronglyAnswered(cases));
        assertEquals("nothing was written", before, counts());

        for (String path : List.of("/api/sales/quotes/999999", "/api/sales/quotes/abc", "/api/sales/orders/999999", "/api/sales/shipments/999999",
            "/api/sales/returns/999999", "/api/sales/price-lists/999999", "/api/sales/customers/999999", "/api/sales/quotes/999999/documents",
            "/api/sales/orders/999999/documents")) {
            assertEquals(path, 404, get(path).status());
        }
        for (String path : List.of("/api/sales/quotes/999999/send", "/api/sales/quotes/999999/convert", "/api/sales/orders/999999/confirm",
            "/api/sales/orders/999999/approve", "/api/sales/orders/999999/cancel", "/api/sales/shipments/999999/pick", "/api/sales/shipments/999999/ship")) {
            assertEquals(path, 404, post(path, "").status());
        }
        assertEquals(404, put("/api/sales/orders/999999", "{\"customerId\":" + customer + "," + line + ",\"version\":0}").status());
        assertEquals(404, send("DELETE", "/api/sales/price-lists/999999", null, "admin", ADMIN_PASSWORD).status());
        assertEquals("a confirmed order does not confirm again", 409, post("/api/sales/orders/" + order + "/confirm", "").status());
        assertEquals("only pending orders are approved", 409, post("/api/sales/orders/" + draftOrder + "/approve", "").status());
        assertEquals("a shipped shipment does not ship again", 409, post("/api/sales/shipments/" + shipmentId + "/ship", "").status());
        assertEquals(409, post("/api/sales/shipments/" + shipmentId + "/pack", "").status());
        assertEquals("too much to return", 409, post("/api/sales/returns", "{\"shipmentId\":" + shipmentId + ",\"lines\":[{\"shipmentLineId\":"
            + shipmentLine + ",\"quantity\":3}]}").status());
        assertEquals("too much to ship", 409, post("/api/sales/shipments", "{\"lines\":[{\"orderLineId\":" + orderLine + ",\"quantity\":4}]}").status());
        assertEquals("a stale version", 409, put("/api/sales/orders/" + draftOrder, "{\"customerId\":" + customer + "," + line + ",\"version\":99}").status());
        created(post("/api/sales/price-lists", "{\"code\":\"BAD-PL-TAKEN\",\"name\":\"x\",\"currency\":\"TRY\",\"items\":[]}"));
        assertEquals("a taken code", 409, post("/api/sales/price-lists", "{\"code\":\"BAD-PL-TAKEN\",\"name\":\"y\",\"currency\":\"TRY\",\"items\":[]}")
            .status());
        Map<String, Integer> after = counts();
        after.put("price-lists", after.get("price-lists") - 1);
        before.remove("audit");
        after.remove("audit");
        assertEquals("the refused state changes wrote nothing either", before, after);
    }

    // ---- helpers ---------------------------------------------------------------------------

    private void installSales() throws Exception {
        installModule("kovan-sales", "/api/sales/quotes");
    }

    private void users() throws Exception {
        for (String[] user : new String[][] {{REP, REP_PASSWORD, "salesperson"}, {MANAGER, MANAGER_PASSWORD, "sales-manager"}}) {
            Reply created = post("/api/core/users", "{\"name\":\"" + user[0] + "\",\"password\":\"" + user[1] + "\",\"roles\":[\"" + user[2] + "\"]}");
            assertTrue(created.body(), created.status() == 201 || created.status() == 409);
        }
    }

    private long product(String code, String type, String price, String cost, String vat, int leadTimeDays) throws Exception {
        return created(post("/api/core/products", "{\"code\":\"" + code + "\",\"name\":\"Product " + code + "\",\"type\":\"" + type + "\",\"unit\":\"PCS\","
            + "\"salesPrice\":" + price + ",\"standardCost\":" + cost + ",\"vatRate\":" + vat + ",\"leadTimeDays\":" + leadTimeDays + "}")).get("id").asLong();
    }

    private long customer(String name, String creditLimit, String currency) throws Exception {
        return created(post("/api/core/parties", "{\"kind\":\"ORGANIZATION\",\"name\":\"" + name + "\",\"roles\":[\"CUSTOMER\"]"
            + (creditLimit == null ? "" : ",\"creditLimit\":" + creditLimit) + (currency == null ? "" : ",\"currency\":\"" + currency + "\"") + "}"))
            .get("id").asLong();
    }

    /** A quote of one line per quantity of the product, priced from the lists. */
    private JsonNode quote(long customer, String date, long product, String... quantities) throws Exception {
        List<String> lines = new ArrayList<>();
        for (String q : quantities) {
            lines.add("{\"productId\":" + product + ",\"quantity\":" + q + "}");
        }
        return created(post("/api/sales/quotes", "{\"customerId\":" + customer + ",\"date\":\"" + date + "\",\"lines\":[" + String.join(",", lines) + "]}"));
    }

    private long confirmedOrder(long customer, long product, String quantity) throws Exception {
        long id = created(post("/api/sales/orders", "{\"customerId\":" + customer + ",\"lines\":[{\"productId\":" + product + ",\"quantity\":" + quantity
            + "}]}")).get("id").asLong();
        assertEquals("confirmed", ok(post("/api/sales/orders/" + id + "/confirm", "")).get("state").asText());
        return id;
    }

    private long firstLine(long order) throws Exception {
        return ok(get("/api/sales/orders/" + order)).get("lines").get(0).get("id").asLong();
    }

    /** Picks, packs and ships a shipment; its answer. */
    private JsonNode ship(long shipment) throws Exception {
        ok(post("/api/sales/shipments/" + shipment + "/pick", ""));
        ok(post("/api/sales/shipments/" + shipment + "/pack", ""));
        JsonNode shipped = ok(post("/api/sales/shipments/" + shipment + "/ship", ""));
        assertEquals("shipped", shipped.get("state").asText());
        return shipped;
    }

    private static void assertLine(JsonNode line, String unitPrice, String net, String vat, String total, String unitCost, String margin,
        String marginPercent, String promised) {
        assertEquals(line.toString(), List.of(unitPrice, net, vat, total, unitCost, margin, marginPercent, promised),
            List.of(plain(line, "unitPrice"), plain(line, "netAmount"), plain(line, "vatAmount"), plain(line, "totalAmount"), plain(line, "unitCost"),
                plain(line, "margin"), plain(line, "marginPercent"), line.get("promisedDate").asText()));
    }

    private static void assertAmounts(JsonNode document, Map<String, String> expected) {
        Map<String, String> actual = new TreeMap<>();
        expected.keySet().forEach(k -> actual.put(k, plain(document, k)));
        assertEquals(document.toString(), new TreeMap<>(expected), actual);
    }

    private static void assertRow(JsonNode row, String name, int orders, String quantity, String net, String cost, String margin, String percent) {
        assertEquals(row.toString(), List.of(name, String.valueOf(orders), quantity, net, cost, margin, percent), List.of(row.get("name").asText(),
            row.get("orders").asText(), plain(row, "quantity"), plain(row, "netAmount"), plain(row, "cost"), plain(row, "margin"), plain(row, "marginPercent")));
    }

    private static String plain(JsonNode node, String field) {
        JsonNode value = node.get(field);
        assertNotNull(field + " in " + node, value);
        return value.isNull() ? null : value.decimalValue().toPlainString();
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> list = new ArrayList<>();
        array.forEach(n -> list.add(n.get(field).isNumber() ? n.get(field).decimalValue().toPlainString() : n.get(field).asText()));
        return list;
    }

    private static List<String> unitPrices(JsonNode quote) {
        return texts(quote.get("lines"), "unitPrice");
    }

    private static JsonNode row(JsonNode report, String key) {
        for (JsonNode r : report.get("rows")) {
            if (r.get("key").asText().equals(key)) {
                return r;
            }
        }
        throw new AssertionError("no row " + key + " in " + report);
    }

    private static boolean hasLink(JsonNode flow, String fromType, long fromId, String toType, long toId) {
        for (JsonNode link : flow.get("links")) {
            if (link.get("fromType").asText().equals(fromType) && link.get("fromId").asLong() == fromId && link.get("toType").asText().equals(toType)
                && link.get("toId").asLong() == toId) {
                return true;
            }
        }
        return false;
    }

    private Map<String, Integer> counts() throws Exception {
        Map<String, Integer> counts = new TreeMap<>();
        for (String list : List.of("quotes", "orders", "shipments", "returns", "price-lists")) {
            counts.put(list, ok(get("/api/sales/" + list + "?limit=1")).get("total").asInt());
        }
        counts.put("audit", ok(get("/api/core/audit/verify")).get("checked").asInt());
        return counts;
    }
}
