package io.kovan.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.MethodSorters;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Finance with sales and inventory: the whole chain quote → order → two shipments → one invoice
 * → partial and full collection → return and credit note, every journal entry, the trial
 * balance, the statement and the ageing asserted to the kuruş (the chain runs first, so the
 * books hold nothing else); sales' credit check counting unpaid invoices; and 16 clients
 * invoicing shipments and paying at once, no shipment line invoiced twice and the ledger balanced;
 * services invoiced on order and goods as they ship, each line once, also while a service ships;
 * stock counts and adjustments booked at the ledger's cost.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class FinanceSalesIT extends FinanceTestSupport {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @Override
    protected void finance() throws Exception {
        installModule("kovan-sales", "/api/sales/quotes");
        installModule("kovan-inventory", "/api/inventory/warehouses");
        installModule("kovan-finance", "/api/finance/accounts");
    }

    @Test
    public void a1TheChainFromQuoteToCollectionAndCreditNoteIsBookedToTheKurus() throws Exception {
        finance();
        long supplier = party("Zincir Tedarik A.Ş.", "SUPPLIER", "5555555553");
        long customer = party("Zincir Müşteri Ltd. Şti.", "CUSTOMER", "4444444444");
        long valve = product("CHAIN-VALVE", "STOCKED", null, "150", "100", "20");
        // Bought: 10 valves at 100 → 153 D 1,000.00, 191 D 200.00, 320 C 1,200.00; received into stock at the same cost.
        JsonNode bought = created(post("/api/finance/invoices", "{\"kind\":\"SUPPLIER_INVOICE\",\"partyId\":" + supplier + ",\"post\":true,"
            + "\"lines\":[{\"productId\":" + valve + ",\"quantity\":10,\"unitPrice\":100}]}"));
        assertEquals(List.of("320 C 1200.00", "153 D 1000.00", "191 D 200.00"), entryLines(bought.get("journalEntryId").asLong()));
        ok(post("/api/inventory/receipts/" + created(post("/api/inventory/receipts", "{\"lines\":[{\"productId\":" + valve + ",\"quantity\":10,"
            + "\"unitCost\":100}]}")).get("id").asLong() + "/post", ""));

        // Quote 4 at 150: net 600.00, VAT 120.00, total 720.00, margin 200.00 at the average cost of 100.
        JsonNode quote = created(post("/api/sales/quotes", "{\"customerId\":" + customer + ",\"lines\":[{\"productId\":" + valve + ",\"quantity\":4}]}"));
        assertAmounts(quote, Map.of("netTotal", "600.00", "vatTotal", "120.00", "total", "720.00", "totalMargin", "200.00"));
        JsonNode order = created(post("/api/sales/quotes/" + quote.get("id").asLong() + "/convert", ""));
        JsonNode line = ok(post("/api/sales/orders/" + order.get("id").asLong() + "/confirm", "")).get("lines").get(0);
        long first = ship("{\"lines\":[{\"orderLineId\":" + line.get("id").asLong() + ",\"quantity\":3}]}");
        long second = ship("{\"lines\":[{\"orderLineId\":" + line.get("id").asLong() + ",\"quantity\":1}]}");
        // Shipping posts the cost of goods at the moves' cost: 3 × 100 and 1 × 100.
        assertEquals(List.of("621 D 300.00", "153 C 300.00"), sourceLines("sales.shipment", first));
        assertEquals(List.of("621 D 100.00", "153 C 100.00"), sourceLines("sales.shipment", second));

        // Both shipments on one invoice, posted: 120 D 720.00; 600 C 450.00 and 150.00; 391 C 120.00.
        JsonNode invoice = created(post("/api/finance/invoices/from-shipments", "{\"shipmentIds\":[" + first + "," + second + "],\"post\":true}"));
        long invoiceId = invoice.get("id").asLong();
        assertAmounts(invoice, Map.of("netTotal", "600.00", "vatTotal", "120.00", "total", "720.00", "openAmount", "720.00"));
        assertEquals(List.of("120 D 720.00", "600 C 450.00", "600 C 150.00", "391 C 120.00"), entryLines(invoice.get("journalEntryId").asLong()));
        assertEquals("invoiced once", 409, post("/api/finance/invoices/from-shipments", "{\"shipmentIds\":[" + first + "]}").status());

        // 300.00 collected by bank transfer, then the remaining 420.00 in cash.
        JsonNode partial = created(post("/api/finance/payments", "{\"direction\":\"INCOMING\",\"partyId\":" + customer + ",\"amount\":300,"
            + "\"accountCode\":\"102\",\"allocations\":[{\"invoiceId\":" + invoiceId + ",\"amount\":300}]}"));
        assertEquals(List.of("102 D 300.00", "120 C 300.00"), entryLines(partial.get("journalEntryId").asLong()));
        assertEquals("posted", ok(get("/api/finance/invoices/" + invoiceId)).get("state").asText());
        JsonNode ageing = ok(get("/api/finance/reports/ageing?date=" + TODAY));
        assertAmounts(ageing.get("total"), Map.of("notDue", "420.00", "total", "420.00"));
        JsonNode full = created(post("/api/finance/payments", "{\"direction\":\"INCOMING\",\"partyId\":" + customer + ",\"amount\":420,"
            + "\"accountCode\":\"100\",\"allocations\":[{\"invoiceId\":" + invoiceId + ",\"amount\":420}]}"));
        assertEquals(List.of("100 D 420.00", "120 C 420.00"), entryLines(full.get("journalEntryId").asLong()));
        assertEquals("paid", ok(get("/api/finance/invoices/" + invoiceId)).get("state").asText());

        // One valve comes back from the first shipment: stock 153 D 100.00 / 621 C 100.00; credit note 610 D 150.00, 391 D 30.00 / 120 C 180.00.
        long shipmentLine = ok(get("/api/sales/shipments/" + first)).get("lines").get(0).get("id").asLong();
        long returned = created(post("/api/sales/returns", "{\"shipmentId\":" + first + ",\"lines\":[{\"shipmentLineId\":" + shipmentLine
            + ",\"quantity\":1}]}")).get("id").asLong();
        assertEquals(List.of("621 C 100.00", "153 D 100.00"), sourceLines("sales.return", returned));
        JsonNode credit = created(post("/api/finance/invoices/from-return", "{\"returnId\":" + returned + ",\"post\":true}"));
        assertEquals("CREDIT_NOTE", credit.get("kind").asText());
        assertEquals(invoiceId, credit.get("creditedInvoiceId").asLong());
        assertEquals(List.of("120 C 180.00", "610 D 150.00", "391 D 30.00"), entryLines(credit.get("journalEntryId").asLong()));
        assertEquals("credited once", 409, post("/api/finance/invoices/from-return", "{\"returnId\":" + returned + "}").status());

        // The trial balance holds exactly this chain: every account, and debits = credits = 3,320.00.
        JsonNode tb = ok(get("/api/finance/reports/trial-balance?from=" + TODAY.withDayOfYear(1) + "&to=" + TODAY));
        assertTrue(tb.get("balanced").asBoolean());
        assertAmounts(tb, Map.of("totalDebit", "3320.00", "totalCredit", "3320.00"));
        Map<String, String> expected = new TreeMap<>(Map.of("100", "420.00", "102", "300.00", "120", "-180.00", "153", "700.00", "191", "200.00",
            "320", "-1200.00", "391", "-90.00", "600", "-600.00", "610", "150.00", "621", "300.00"));
        assertEquals(expected, closing(tb));
        // The customer's statement: 720.00 owed, 300.00 and 420.00 paid, 180.00 credited → 180.00 in the customer's favour.
        JsonNode statement = ok(get("/api/finance/reports/statement?party=" + customer + "&from=" + TODAY + "&to=" + TODAY));
        List<String> rows = new ArrayList<>();
        statement.get("lines").forEach(l -> rows.add(l.get("debit").decimalValue().toPlainString() + "/" + l.get("credit").decimalValue().toPlainString()
            + "=" + l.get("balance").decimalValue().toPlainString()));
        assertEquals(List.of("720.00/0.00=720.00", "0.00/300.00=420.00", "0.00/420.00=0.00", "0.00/180.00=-180.00"), rows);
        assertAmounts(ok(get("/api/finance/reports/ageing?date=" + TODAY)).get("total"), Map.of("notDue", "-180.00", "total", "-180.00"));
        JsonNode income = ok(get("/api/finance/reports/income-statement?from=" + TODAY + "&to=" + TODAY)).get("totals");
        assertAmounts(income, Map.of("NET_SALES", "450.00", "GROSS_PROFIT", "150.00", "NET_PROFIT", "150.00"));
        assertTrue(console("finance:report --from " + TODAY + " --to " + TODAY + " income-statement").contains("NET_PROFIT 150.00 TRY"));
        JsonNode balance = ok(get("/api/finance/reports/balance-sheet?date=" + TODAY)).get("totals");
        assertAmounts(balance, Map.of("ASSETS", "1440.00", "LIABILITIES_AND_EQUITY", "1440.00"));
        JsonNode margin = ok(get("/api/finance/reports/gross-margin?groupBy=customer&from=" + TODAY + "&to=" + TODAY)).get("rows").get(0);
        assertAmounts(margin, Map.of("revenue", "450.00", "cost", "300.00", "margin", "150.00", "marginPercent", "33.33"));

        // Cash came only from the customer: 300.00 by bank, 420.00 in cash.
        JsonNode cash = ok(get("/api/finance/reports/cash-flow?from=" + TODAY + "&to=" + TODAY));
        assertAmounts(cash, Map.of("openingCash", "0.00", "netChange", "720.00", "closingCash", "720.00"));
        Map<String, String> byCategory = new TreeMap<>();
        cash.get("lines").forEach(l -> byCategory.put(l.get("category").asText(), l.get("inflow").decimalValue().toPlainString() + "/"
            + l.get("outflow").decimalValue().toPlainString()));
        assertEquals(Map.of("CUSTOMERS", "720.00/0.00", "SUPPLIERS", "0.00/0.00", "FINANCING", "0.00/0.00", "INVESTING", "0.00/0.00",
            "OTHER_OPERATING", "0.00/0.00"), byCategory);
        Reply chart = get("/api/finance/reports/cash-flow?from=" + TODAY + "&to=" + TODAY + "&format=png");
        assertEquals(200, chart.status());
        assertTrue(chart.contentType(), chart.contentType().startsWith("image/png"));

        // The flow from the quote reaches the order, both shipments, the return, the invoice, the credit note and both collections.
        Set<String> flow = new TreeSet<>();
        ok(get("/api/core/documents/sales.quote/" + quote.get("id").asLong() + "/flow")).get("documents")
            .forEach(d -> flow.add(d.get("type").asText()));
        assertEquals(Set.of("sales.quote", "sales.order", "sales.shipment", "sales.return", "finance.invoice", "finance.payment"), flow);
        assertEquals(9, ok(get("/api/core/documents/sales.quote/" + quote.get("id").asLong() + "/flow")).get("documents").size());
        assertTrue(ok(get("/api/finance/credit-exposure/" + customer)).get("receivables").decimalValue().compareTo(new BigDecimal("-180")) == 0);
    }

    @Test
    public void b1SalesCreditCheckCountsTheUnpaidInvoices() throws Exception {
        finance();
        long customer = created(post("/api/core/parties", "{\"kind\":\"ORGANIZATION\",\"name\":\"Limitli Alıcı A.Ş.\",\"roles\":[\"CUSTOMER\"],"
            + "\"creditLimit\":1000,\"currency\":\"TRY\"}")).get("id").asLong();
        long item = product("LIMIT-SVC", "SERVICE", null, "100", "10", "0");
        // 900.00 unpaid: an order of 200.00 passes the 1,000.00 limit and waits for approval.
        created(post("/api/finance/invoices", "{\"kind\":\"CUSTOMER_INVOICE\",\"partyId\":" + customer + ",\"post\":true,\"lines\":[{\"productId\":" + item
            + ",\"quantity\":9}]}"));
        JsonNode exposure = ok(get("/api/finance/credit-exposure/" + customer));
        assertAmounts(exposure, Map.of("receivables", "900.00", "openOrders", "0.00", "total", "900.00"));
        long orderId = created(post("/api/sales/orders", "{\"customerId\":" + customer + ",\"lines\":[{\"productId\":" + item + ",\"quantity\":2}]}"))
            .get("id").asLong();
        Reply held = send("POST", "/api/sales/orders/" + orderId + "/confirm", "", "fsit-rep", "fsit-Rep-Secret-1");
        if (held.status() == 401) {
            created(post("/api/core/users", "{\"name\":\"fsit-rep\",\"password\":\"fsit-Rep-Secret-1\",\"roles\":[\"salesperson\"]}"));
            held = send("POST", "/api/sales/orders/" + orderId + "/confirm", "", "fsit-rep", "fsit-Rep-Secret-1");
        }
        assertEquals(held.body(), 200, held.status());
        assertEquals("pending-approval", held.json().get("state").asText());
    }

    @Test
    public void c1SixteenClientsInvoicingAndPayingAtOnceInvoiceNoShipmentLineTwice() throws Exception {
        finance();
        long customer = party("Eşzamanlı Alıcı Ltd.", "CUSTOMER", "1234567890");
        long product = product("RACE-SVC", "SERVICE", null, "100", "10", "0");
        List<Long> shipments = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            long orderId = created(post("/api/sales/orders", "{\"customerId\":" + customer + ",\"lines\":[{\"productId\":" + product + ",\"quantity\":1}]}"))
                .get("id").asLong();
            JsonNode l = ok(post("/api/sales/orders/" + orderId + "/confirm", "")).get("lines").get(0);
            shipments.add(ship("{\"lines\":[{\"orderLineId\":" + l.get("id").asLong() + ",\"quantity\":1}]}"));
        }
        long payable = created(post("/api/finance/invoices", "{\"kind\":\"CUSTOMER_INVOICE\",\"partyId\":" + customer + ",\"post\":true,\"lines\":["
            + "{\"description\":\"Hizmet\",\"quantity\":1,\"unitPrice\":500,\"vatRate\":0}]}")).get("id").asLong();
        // Clients 1–8 invoice two neighbouring shipments each; clients 9–16 pay 100.00 each against the 500.00 invoice.
        Map<Integer, Integer> statuses = race(16, client -> client <= 8
            ? post("/api/finance/invoices/from-shipments", "{\"post\":true,\"shipmentIds\":[" + shipments.get(client % 4) + ","
                + shipments.get((client + 1) % 4) + "]}").status()
            : post("/api/finance/payments", "{\"direction\":\"INCOMING\",\"partyId\":" + customer + ",\"amount\":100,\"accountCode\":\"100\","
                + "\"allocations\":[{\"invoiceId\":" + payable + ",\"amount\":100}]}").status());
        assertTrue("only 201 and 409: " + statuses, Set.of(201, 409).containsAll(statuses.keySet()));
        // A client whose shipments overlap a winner's is refused whole; what no winner took is invoiced now, and nothing twice.
        Reply rest = post("/api/finance/invoices/from-shipments", "{\"post\":true,\"shipmentIds\":" + shipments + "}");
        assertTrue(rest.body(), rest.status() == 201 || rest.status() == 409);
        Map<Long, Integer> timesInvoiced = new HashMap<>();
        for (JsonNode i : ok(get("/api/finance/invoices?party=" + customer + "&limit=500")).get("items")) {
            for (JsonNode l : i.get("lines")) {
                if (!l.get("sourceLineId").isNull() && !"cancelled".equals(i.get("state").asText())) {
                    timesInvoiced.merge(l.get("sourceLineId").asLong(), 1, Integer::sum);
                }
            }
        }
        assertEquals("each of the 4 shipment lines on exactly one invoice: " + timesInvoiced, 4, timesInvoiced.size());
        assertTrue(timesInvoiced.toString(), timesInvoiced.values().stream().allMatch(n -> n == 1));
        JsonNode paid = ok(get("/api/finance/invoices/" + payable));
        assertEquals("paid", paid.get("state").asText());
        assertAmounts(paid, Map.of("paidAmount", "500.00"));
        assertEquals("five of the eight payments fit", 5, ok(get("/api/finance/payments?party=" + customer)).get("total").asInt());
        assertTrue(ok(get("/api/finance/reports/trial-balance")).get("balanced").asBoolean());
    }

    @Test
    public void d1ServicesAreInvoicedOnOrderAndGoodsAsTheyShipEachLineOnce() throws Exception {
        finance();
        long customer = party("Hizmet Alan A.Ş.", "CUSTOMER", "3333333339");
        long install = product("ORD-INSTALL", "SERVICE", null, "500", "0", "20");
        long training = product("ORD-TRAINING", "SERVICE", null, "300", "0", "20");
        long valve = product("ORD-VALVE", "STOCKED", null, "150", "100", "20");
        ok(post("/api/inventory/receipts/" + created(post("/api/inventory/receipts", "{\"lines\":[{\"productId\":" + valve + ",\"quantity\":5,"
            + "\"unitCost\":100}]}")).get("id").asLong() + "/post", ""));
        long orderId = created(post("/api/sales/orders", "{\"customerId\":" + customer + ",\"lines\":[{\"productId\":" + valve + ",\"quantity\":2},"
            + "{\"productId\":" + install + ",\"quantity\":2,\"discountPercent\":10},{\"productId\":" + training + ",\"quantity\":1}]}")).get("id").asLong();
        assertEquals("a draft order is not invoiced", 409, post("/api/finance/invoices/from-order", "{\"orderId\":" + orderId + "}").status());
        JsonNode lines = ok(post("/api/sales/orders/" + orderId + "/confirm", "")).get("lines");
        long valveLine = lines.get(0).get("id").asLong();
        long installLine = lines.get(1).get("id").asLong();
        long trainingLine = lines.get(2).get("id").asLong();
        // The customer owes 1,800.00 from here on, whatever step the money is at: on order, delivered, invoiced.
        exposure(customer, "0.00", "0.00", "1800.00");

        // The training is delivered first, so it waits for its shipment's invoice; the valves are goods. Only the installation is invoiced on order:
        // 2 × 500 less 10 % = 900.00, VAT 180.00 → 120 D 1,080.00 / 600 C 900.00, 391 C 180.00.
        long trainingShipment = ship("{\"lines\":[{\"orderLineId\":" + trainingLine + ",\"quantity\":1}]}");
        exposure(customer, "0.00", "360.00", "1440.00");
        JsonNode onOrder = created(post("/api/finance/invoices/from-order", "{\"orderId\":" + orderId + ",\"post\":true}"));
        assertEquals(1, onOrder.get("lines").size());
        JsonNode billed = onOrder.get("lines").get(0);
        assertEquals("sales.order", billed.get("sourceType").asText());
        assertEquals(installLine, billed.get("sourceLineId").asLong());
        assertAmounts(onOrder, Map.of("netTotal", "900.00", "vatTotal", "180.00", "total", "1080.00"));
        assertEquals(List.of("120 D 1080.00", "600 C 900.00", "391 C 180.00"), entryLines(onOrder.get("journalEntryId").asLong()));
        // Sales still counts the undelivered installation as open: the unbilled column nets it out.
        exposure(customer, "1080.00", "-720.00", "1440.00");
        Reply again = post("/api/finance/invoices/from-order", "{\"orderId\":" + orderId + "}");
        assertEquals(again.body(), 409, again.status());
        assertTrue(again.body(), again.json().get("detail").asText().contains("no service line left"));

        // The rest ships. Invoicing both shipments bills the training and the valves (300.00 + 2 × 150.00), not the installation again.
        long rest = ship("{\"lines\":[{\"orderLineId\":" + valveLine + ",\"quantity\":2},{\"orderLineId\":" + installLine + ",\"quantity\":2}]}");
        exposure(customer, "1080.00", "720.00", "0.00");
        JsonNode delivered = created(post("/api/finance/invoices/from-shipments", "{\"shipmentIds\":[" + trainingShipment + "," + rest + "],\"post\":true}"));
        Set<String> codes = new TreeSet<>();
        delivered.get("lines").forEach(l -> codes.add(l.get("productCode").asText()));
        assertEquals(Set.of("ORD-TRAINING", "ORD-VALVE"), codes);
        assertAmounts(delivered, Map.of("netTotal", "600.00", "vatTotal", "120.00", "total", "720.00"));
        exposure(customer, "1800.00", "0.00", "0.00");
        assertEquals(409, post("/api/finance/invoices/from-shipments", "{\"shipmentIds\":[" + rest + "]}").status());
        long invoicesInFlow = 0;
        for (JsonNode d : ok(get("/api/core/documents/sales.order/" + orderId + "/flow")).get("documents")) {
            invoicesInFlow += "finance.invoice".equals(d.get("type").asText()) ? 1 : 0;
        }
        assertEquals(2, invoicesInFlow);

        // Bad input: a 400 naming the field, a 404 for an unknown order; nothing written.
        int invoices = ok(get("/api/finance/invoices?party=" + customer)).get("total").asInt();
        Reply missing = post("/api/finance/invoices/from-order", "{\"post\":true}");
        assertEquals(missing.body(), 400, missing.status());
        assertTrue(missing.body(), missing.body().contains("orderId"));
        assertEquals(400, post("/api/finance/invoices/from-order", "{\"orderId\":\"SO-1\"}").status());
        assertEquals(404, post("/api/finance/invoices/from-order", "{\"orderId\":987654321}").status());
        assertEquals(invoices, ok(get("/api/finance/invoices?party=" + customer)).get("total").asInt());
    }

    @Test
    public void e1AServiceShippedWhileItIsInvoicedOnOrderIsInvoicedOnce() throws Exception {
        finance();
        long customer = party("Yarışan Hizmet Ltd.", "CUSTOMER", "2222222224");
        long service = product("RACE-INSTALL", "SERVICE", null, "200", "0", "20");
        for (int round = 0; round < 3; round++) {
            long orderId = created(post("/api/sales/orders", "{\"customerId\":" + customer + ",\"lines\":[{\"productId\":" + service + ",\"quantity\":1}]}"))
                .get("id").asLong();
            long orderLine = ok(post("/api/sales/orders/" + orderId + "/confirm", "")).get("lines").get(0).get("id").asLong();
            long shipment = created(post("/api/sales/shipments", "{\"lines\":[{\"orderLineId\":" + orderLine + ",\"quantity\":1}]}")).get("id").asLong();
            ok(post("/api/sales/shipments/" + shipment + "/pick", ""));
            ok(post("/api/sales/shipments/" + shipment + "/pack", ""));
            long shipmentLine = ok(get("/api/sales/shipments/" + shipment)).get("lines").get(0).get("id").asLong();
            // Clients 1–4 invoice the order; client 5 ships the line and invoices the shipment.
            Map<Integer, Integer> statuses = race(5, client -> {
                if (client <= 4) {
                    return post("/api/finance/invoices/from-order", "{\"orderId\":" + orderId + ",\"post\":true}").status();
                }
                assertEquals(200, post("/api/sales/shipments/" + shipment + "/ship", "").status());
                return post("/api/finance/invoices/from-shipments", "{\"shipmentIds\":[" + shipment + "],\"post\":true}").status();
            });
            assertTrue("only 201 and 409: " + statuses, Set.of(201, 409).containsAll(statuses.keySet()));
            assertEquals("one invoice: " + statuses, Integer.valueOf(1), statuses.get(201));
            int times = 0;
            for (JsonNode i : ok(get("/api/finance/invoices?party=" + customer + "&limit=500")).get("items")) {
                for (JsonNode l : i.get("lines")) {
                    boolean ofThisLine = "sales.order".equals(l.get("sourceType").asText()) && l.get("sourceLineId").asLong() == orderLine
                        || "sales.shipment".equals(l.get("sourceType").asText()) && l.get("sourceLineId").asLong() == shipmentLine;
                    times += ofThisLine && !"cancelled".equals(i.get("state").asText()) ? 1 : 0;
                }
            }
            assertEquals("round " + round + ": the service line on exactly one invoice", 1, times);
        }
        assertTrue(ok(get("/api/finance/reports/trial-balance")).get("balanced").asBoolean());
    }

    @Test
    public void f1StockCountsAndAdjustmentsBookTheirValueSoTheBooksKeepTheLedgersStock() throws Exception {
        finance();
        long gasket = product("CNT-GASKET", "STOCKED", null, "20", "12.5", "20");
        long receipt = created(post("/api/inventory/receipts", "{\"lines\":[{\"productId\":" + gasket + ",\"quantity\":10,\"unitCost\":12.5}]}"))
            .get("id").asLong();
        JsonNode received = ok(post("/api/inventory/receipts/" + receipt + "/post", ""));
        assertEquals("a receipt waits for its supplier invoice", List.of(), sourceLines("inventory.receipt", receipt));
        long warehouse = received.get("warehouseId").asLong();
        long root = ok(get("/api/inventory/warehouses/" + warehouse)).get("rootLocationId").asLong();
        // Counted 8 of 10: 2 × 12.50 short → 689 D 25.00 / 153 C 25.00.
        long count = created(post("/api/inventory/counts", "{\"locationId\":" + root + ",\"lines\":[{\"productId\":" + gasket + ",\"countedQuantity\":8}]}"))
            .get("id").asLong();
        ok(post("/api/inventory/counts/" + count + "/post", ""));
        assertEquals(List.of("153 C 25.00", "689 D 25.00"), sourceLines("inventory.count", count));
        // Three found: + 3 × 12.50 → 153 D 37.50 / 679 C 37.50.
        long found = created(post("/api/inventory/adjustments", "{\"locationId\":" + root + ",\"reason\":\"found\",\"lines\":[{\"productId\":" + gasket
            + ",\"quantity\":3}]}")).get("id").asLong();
        ok(post("/api/inventory/adjustments/" + found + "/post", ""));
        assertEquals(List.of("153 D 37.50", "679 C 37.50"), sourceLines("inventory.adjustment", found));
        // The counts moved 153 by exactly the ledger's change in value: 11 × 12.50 − 10 × 12.50.
        BigDecimal moved = BigDecimal.ZERO;
        for (String line : List.of("inventory.count", "inventory.adjustment")) {
            for (String l : sourceLines(line, line.endsWith("count") ? count : found)) {
                if (l.startsWith("153 ")) {
                    BigDecimal amount = new BigDecimal(l.substring(6));
                    moved = moved.add(l.charAt(4) == 'D' ? amount : amount.negate());
                }
            }
        }
        assertEquals(new BigDecimal("12.50"), moved);
    }

    /** The customer's credit exposure, each part exactly; the total is their sum. */
    private void exposure(long customer, String receivables, String unbilled, String openOrders) throws Exception {
        BigDecimal total = new BigDecimal(receivables).add(new BigDecimal(unbilled)).add(new BigDecimal(openOrders));
        assertAmounts(ok(get("/api/finance/credit-exposure/" + customer)), Map.of("receivables", receivables, "unbilled", unbilled, "openOrders", openOrders,
            "total", total.toPlainString()));
    }

    /** Creates the shipment, picks, packs and ships it; its id. */
    private long ship(String body) throws Exception {
        long id = created(post("/api/sales/shipments", body)).get("id").asLong();
        ok(post("/api/sales/shipments/" + id + "/pick", ""));
        ok(post("/api/sales/shipments/" + id + "/pack", ""));
        assertEquals("shipped", ok(post("/api/sales/shipments/" + id + "/ship", "")).get("state").asText());
        return id;
    }
}
