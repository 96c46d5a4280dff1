package io.kovan.itests;

import static org.junit.Assert.assertEquals;
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
 * Finance alone: the uniform chart loaded at first start, journal entries posted, refused when
 * unbalanced, reversed to zero and refused in a closed period; customer and supplier invoices
 * posted by the rules (one of them overridden as data); collections allocated in part and in
 * full, never beyond, also by 16 clients at once; the statement, ageing, VAT, gross margin and
 * credit exposure from the same postings, worked out by hand; PDF and e-Fatura XML; bad input.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FinanceIT extends FinanceTestSupport {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @Test
    public void theUniformChartIsThereAndManualEntriesBalanceReverseAndRespectClosedPeriods() throws Exception {
        finance();
        JsonNode receivables = ok(get("/api/finance/accounts/by-code/120"));
        assertEquals("Alıcılar", receivables.get("name").asText());
        assertEquals("ASSET", receivables.get("type").asText());
        assertTrue(receivables.get("postable").asBoolean());
        assertEquals("12", receivables.get("parentCode").asText());
        assertTrue("a group takes no postings", !ok(get("/api/finance/accounts/by-code/12")).get("postable").asBoolean());
        assertEquals("Hesaplanan KDV", ok(get("/api/finance/accounts/by-code/391")).get("name").asText());
        Map<String, String> rules = new TreeMap<>();
        ok(get("/api/finance/posting-rules")).forEach(r -> rules.put(r.get("purpose").asText() + "/" + r.get("matchKind").asText(),
            r.get("accountCode").asText()));
        assertEquals("120", rules.get("RECEIVABLE/DEFAULT"));
        assertEquals("600", rules.get("REVENUE/DEFAULT"));
        assertEquals("621", rules.get("COGS/DEFAULT"));

        // A sub-account under 102 Bankalar makes 102 a heading.
        long akbank = created(post("/api/finance/accounts", "{\"code\":\"102.01\",\"name\":\"Akbank TL\",\"type\":\"ASSET\",\"parentId\":"
            + ok(get("/api/finance/accounts/by-code/102")).get("id").asLong() + "}")).get("id").asLong();
        assertTrue(!ok(get("/api/finance/accounts/by-code/102")).get("postable").asBoolean());
        // The BANK rule still names 102: a payment through the default bank is refused until the rule names the new account.
        long customer = party("Banka Kuralı Ltd.", "CUSTOMER", "5555555553");
        String viaBank = "{\"direction\":\"INCOMING\",\"partyId\":" + customer + ",\"amount\":1}";
        Reply headingRule = post("/api/finance/payments", viaBank);
        assertEquals(headingRule.body(), 409, headingRule.status());
        JsonNode bankRule = null;
        for (JsonNode r : ok(get("/api/finance/posting-rules"))) {
            if (r.get("purpose").asText().equals("BANK")) {
                bankRule = r;
            }
        }
        ok(put("/api/finance/posting-rules/" + bankRule.get("id").asLong(), "{\"purpose\":\"BANK\",\"matchKind\":\"DEFAULT\",\"accountId\":" + akbank
            + ",\"version\":" + bankRule.get("version").asLong() + "}"));
        assertEquals("102.01", created(post("/api/finance/payments", viaBank)).get("accountCode").asText());

        LocalDate day = TODAY.minusDays(1);
        JsonNode capital = created(post("/api/finance/journal-entries", "{\"date\":\"" + day + "\",\"description\":\"Sermaye\",\"post\":true,"
            + "\"lines\":[{\"accountId\":" + akbank + ",\"debit\":100000},{\"accountCode\":\"100\",\"debit\":5000},{\"accountCode\":\"500\",\"credit\":105000}]}"));
        assertEquals("posted", capital.get("state").asText());
        assertTrue(capital.get("number").asText(), capital.get("number").asText().matches("JE-" + day.getYear() + "-\\d{6}"));
        assertEquals("105000.00", capital.get("totalDebit").decimalValue().toPlainString());

        // A draft changes; once posted it does not, and its reversal nets it to zero.
        JsonNode draft = created(post("/api/finance/journal-entries", "{\"date\":\"" + day + "\",\"lines\":[{\"accountCode\":\"770\",\"debit\":250},"
            + "{\"accountCode\":\"100\",\"credit\":250}]}"));
        assertEquals("draft", draft.get("state").asText());
        assertTrue(draft.get("number").isNull());
        JsonNode changed = ok(put("/api/finance/journal-entries/" + draft.get("id").asLong(), "{\"date\":\"" + day + "\",\"description\":\"Kırtasiye\","
            + "\"version\":" + draft.get("version").asLong() + ",\"lines\":[{\"accountCode\":\"770\",\"debit\":300},{\"accountCode\":\"100\",\"credit\":300}]}"));
        assertEquals("300.00", changed.get("totalCredit").decimalValue().toPlainString());
        JsonNode posted = ok(post("/api/finance/journal-entries/" + draft.get("id").asLong() + "/post", ""));
        assertEquals("posted", posted.get("state").asText());
        assertEquals(409, put("/api/finance/journal-entries/" + draft.get("id").asLong(), "{\"version\":" + posted.get("version").asLong()
            + ",\"lines\":[{\"accountCode\":\"770\",\"debit\":1},{\"accountCode\":\"100\",\"credit\":1}]}").status());
        JsonNode reversal = ok(post("/api/finance/journal-entries/" + draft.get("id").asLong() + "/reverse", ""));
        assertEquals(draft.get("id").asLong(), reversal.get("reversalOfId").asLong());
        assertEquals("reversed", ok(get("/api/finance/journal-entries/" + draft.get("id").asLong())).get("state").asText());
        assertEquals("reversed once", 409, post("/api/finance/journal-entries/" + draft.get("id").asLong() + "/reverse", "").status());
        JsonNode tb = ok(get("/api/finance/reports/trial-balance?from=" + day + "&to=" + day));
        assertTrue(tb.get("balanced").asBoolean());
        Map<String, String> closing = closing(tb);
        assertEquals("the reversed expense nets to zero", "0.00", closing.get("770"));
        assertEquals("5000.00", closing.get("100"));
        assertEquals("100000.00", closing.get("102.01"));
        assertEquals("-105000.00", closing.get("500"));
        assertTrue(console("finance:trial-balance --from " + day + " --to " + day).contains("Akbank TL"));
        // The ledger of the heading 10 Hazır Değerler is its accounts' together: 100 Kasa and 102.01 (below 102).
        JsonNode ledger = ok(get("/api/finance/reports/general-ledger?account=" + ok(get("/api/finance/accounts/by-code/10")).get("id").asLong()
            + "&from=" + day + "&to=" + day));
        assertAmounts(ledger, Map.of("openingBalance", "0.00", "closingBalance", "105000.00"));

        // June 2025 closed: nothing posts into it, not even a reversal dated there; reopened, it takes postings again.
        long june = 0;
        for (JsonNode p : ok(post("/api/finance/periods/years/2025", ""))) {
            if (p.get("month").asInt() == 6) {
                june = p.get("id").asLong();
            }
        }
        assertEquals("closed", ok(post("/api/finance/periods/" + june + "/close", "")).get("state").asText());
        int entries = ok(get("/api/finance/journal-entries?limit=1")).get("total").asInt();
        String juneEntry = "{\"date\":\"2025-06-15\",\"post\":true,\"lines\":[{\"accountCode\":\"770\",\"debit\":10},{\"accountCode\":\"100\",\"credit\":10}]}";
        Reply refused = post("/api/finance/journal-entries", juneEntry);
        assertEquals(refused.body(), 409, refused.status());
        assertTrue(refused.body(), refused.body().contains("2025-06"));
        assertEquals("nothing written", entries, ok(get("/api/finance/journal-entries?limit=1")).get("total").asInt());
        assertEquals(409, post("/api/finance/journal-entries/" + capital.get("id").asLong() + "/reverse?date=2025-06-30", "").status());
        assertEquals(409, post("/api/finance/periods/" + june + "/close", "").status());
        assertTrue(console("finance:period-close --reopen 2025-06").contains("open"));
        assertEquals("posted", created(post("/api/finance/journal-entries", juneEntry)).get("state").asText());
    }

    @Test
    public void invoicesPostByTheRulesAndCollectionsSettleThemNeverBeyond() throws Exception {
        finance();
        long customer = party("Çağrı Öztürk Ticaret Ltd. Şti.", "CUSTOMER", "1234567890");
        long supplier = party("Tedarik A.Ş.", "SUPPLIER", "9876543217");
        long valve = product("FIN-VALVE", "STOCKED", "fin-export", "100", "60", "20");
        long service = product("FIN-SVC", "SERVICE", null, "50", "20", "10");
        long book = product("FIN-BOOK", "STOCKED", null, "30", "10", "1");
        // Revenue of the category fin-export goes to 601 Yurt Dışı Satışlar: a rule, as data.
        JsonNode rule = created(post("/api/finance/posting-rules", "{\"purpose\":\"REVENUE\",\"matchKind\":\"PRODUCT_CATEGORY\",\"matchValue\":\"fin-export\","
            + "\"accountCode\":\"601\"}"));

        // Valve 3 × 100 − 10 % = 270.00, VAT 20 % 54.00; service 2 × 50 = 100.00, VAT 10 % 10.00; book 1 × 30 = 30.00, VAT 1 % 0.30.
        JsonNode invoice = created(post("/api/finance/invoices", "{\"kind\":\"CUSTOMER_INVOICE\",\"partyId\":" + customer + ",\"date\":\"" + TODAY
            + "\",\"lines\":[{\"productId\":" + valve + ",\"quantity\":3,\"discountPercent\":10},{\"productId\":" + service + ",\"quantity\":2},"
            + "{\"productId\":" + book + ",\"quantity\":1}]}"));
        assertEquals("draft", invoice.get("state").asText());
        assertAmounts(invoice, Map.of("netTotal", "400.00", "vatTotal", "64.30", "total", "464.30", "openAmount", "0.00"));
        assertEquals(TODAY.plusDays(30).toString(), invoice.get("dueDate").asText());
        long id = invoice.get("id").asLong();
        JsonNode postedInvoice = ok(post("/api/finance/invoices/" + id + "/post", ""));
        assertTrue(postedInvoice.get("number").asText().matches("INV-" + TODAY.getYear() + "-\\d{6}"));
        assertAmounts(postedInvoice, Map.of("openAmount", "464.30"));
        assertEquals(List.of("120 D 464.30", "601 C 270.00", "600 C 100.00", "600 C 30.00", "391 C 0.30", "391 C 10.00", "391 C 54.00"),
            entryLines(postedInvoice.get("journalEntryId").asLong()));
        assertEquals("posted once", 409, post("/api/finance/invoices/" + id + "/post", "").status());

        // 200 collected and allocated; then 300 more, 264.30 of it settling the invoice, 35.70 left as an advance.
        JsonNode first = created(post("/api/finance/payments", "{\"direction\":\"INCOMING\",\"partyId\":" + customer + ",\"amount\":200,\"accountCode\":\"100\","
            + "\"date\":\"" + TODAY + "\",\"allocations\":[{\"invoiceId\":" + id + ",\"amount\":200}]}"));
        assertTrue(first.get("number").asText().matches("PAY-" + TODAY.getYear() + "-\\d{6}"));
        assertEquals(List.of("100 D 200.00", "120 C 200.00"), entryLines(first.get("journalEntryId").asLong()));
        assertAmounts(ok(get("/api/finance/invoices/" + id)), Map.of("paidAmount", "200.00", "openAmount", "264.30"));
        int allocationsBefore = allocations(customer);
        Reply tooMuch = post("/api/finance/payments", "{\"direction\":\"INCOMING\",\"partyId\":" + customer + ",\"amount\":300,\"accountCode\":\"100\","
            + "\"allocations\":[{\"invoiceId\":" + id + ",\"amount\":300}]}");
        assertEquals(tooMuch.body(), 409, tooMuch.status());
        assertEquals("a refused payment writes nothing", allocationsBefore, allocations(customer));
        JsonNode second = created(post("/api/finance/payments", "{\"direction\":\"INCOMING\",\"partyId\":" + customer + ",\"amount\":300,\"accountCode\":\"100\","
            + "\"date\":\"" + TODAY + "\",\"allocations\":[{\"invoiceId\":" + id + ",\"amount\":264.30}]}"));
        assertAmounts(second, Map.of("allocatedAmount", "264.30", "unallocatedAmount", "35.70"));
        JsonNode paid = ok(get("/api/finance/invoices/" + id));
        assertEquals("paid", paid.get("state").asText());
        assertAmounts(paid, Map.of("openAmount", "0.00"));
        assertEquals("nothing open is left to allocate to", 409, post("/api/finance/payments/" + second.get("id").asLong() + "/allocations",
            "[{\"invoiceId\":" + id + ",\"amount\":1}]").status());

        // An older invoice, due 40 days ago: 100 + 20 VAT = 120.00 in 31–60 days.
        JsonNode old = created(post("/api/finance/invoices", "{\"kind\":\"CUSTOMER_INVOICE\",\"partyId\":" + customer + ",\"date\":\"" + TODAY.minusDays(45)
            + "\",\"dueDate\":\"" + TODAY.minusDays(40) + "\",\"post\":true,\"lines\":[{\"description\":\"Danışmanlık\",\"quantity\":1,\"unitPrice\":100,"
            + "\"vatRate\":20}]}"));
        assertAmounts(old, Map.of("total", "120.00"));
        JsonNode ageing = ok(get("/api/finance/reports/ageing?kind=RECEIVABLE&date=" + TODAY));
        JsonNode row = null;
        for (JsonNode r : ageing.get("rows")) {
            if (r.get("partyId").asLong() == customer) {
                row = r;
            }
        }
        assertAmounts(row, Map.of("notDue", "0.00", "days0to30", "0.00", "days31to60", "120.00", "over90", "0.00", "total", "120.00"));
        assertTrue(console("finance:ageing").contains("120.00"));

        // The statement: 120.00 (45 days ago), 464.30, −200, −300 → the customer owes 84.30 (120.00 open less the 35.70 advance).
        JsonNode statement = ok(get("/api/finance/reports/statement?party=" + customer + "&from=" + TODAY.minusDays(60) + "&to=" + TODAY));
        assertAmounts(statement, Map.of("openingBalance", "0.00", "totalDebit", "584.30", "totalCredit", "500.00", "closingBalance", "84.30"));
        JsonNode exposure = ok(get("/api/finance/credit-exposure/" + customer));
        assertAmounts(exposure, Map.of("receivables", "84.30", "total", "84.30"));
        assertTrue("sales is not installed", exposure.get("openOrders").isNull());

        // A supplier invoice: 10 valves at 60 to stock (153), an expense to 770; VAT reclaimable (191), payable 320.
        JsonNode bought = created(post("/api/finance/invoices", "{\"kind\":\"SUPPLIER_INVOICE\",\"partyId\":" + supplier + ",\"supplierInvoiceNumber\":\"ABC2026000000123\","
            + "\"post\":true,\"lines\":[{\"productId\":" + valve + ",\"quantity\":10},{\"description\":\"Nakliye\",\"quantity\":1,\"unitPrice\":150,\"vatRate\":20}]}"));
        assertTrue(bought.get("number").asText().startsWith("PI-"));
        assertEquals(List.of("320 C 900.00", "153 D 600.00", "770 D 150.00", "191 D 150.00"), entryLines(bought.get("journalEntryId").asLong()));
        JsonNode vat = ok(get("/api/finance/reports/vat?from=" + TODAY.minusDays(60) + "&to=" + TODAY));
        assertAmounts(vat, Map.of("outputTotal", "84.30", "inputTotal", "150.00", "payable", "-65.70"));
        JsonNode margin = ok(get("/api/finance/reports/gross-margin?groupBy=product&from=" + TODAY + "&to=" + TODAY));
        Map<Long, String> revenue = new TreeMap<>();
        margin.get("rows").forEach(r -> revenue.put(r.get("key").asLong(), r.get("revenue").decimalValue().toPlainString()));
        assertEquals(Map.of(valve, "270.00", service, "100.00", book, "30.00"), revenue);

        // A credit note of 30.00 + 6.00 VAT against a 120.00 invoice settles that much of it: 84.00 stays open, the note is paid.
        JsonNode owed = created(post("/api/finance/invoices", "{\"kind\":\"CUSTOMER_INVOICE\",\"partyId\":" + customer + ",\"post\":true,\"lines\":["
            + "{\"description\":\"Bakım\",\"quantity\":1,\"unitPrice\":100,\"vatRate\":20}]}"));
        JsonNode note = created(post("/api/finance/invoices", "{\"kind\":\"CREDIT_NOTE\",\"partyId\":" + customer + ",\"creditedInvoiceId\":"
            + owed.get("id").asLong() + ",\"post\":true,\"lines\":[{\"description\":\"Bakım indirimi\",\"quantity\":1,\"unitPrice\":30,\"vatRate\":20}]}"));
        assertEquals(List.of("120 C 36.00", "610 D 30.00", "391 D 6.00"), entryLines(note.get("journalEntryId").asLong()));
        assertEquals("paid", note.get("state").asText());
        assertAmounts(ok(get("/api/finance/invoices/" + owed.get("id").asLong())), Map.of("openAmount", "84.00"));

        // The invoice as a PDF and as e-Fatura XML, which needs the company's VKN.
        long us = ok(get("/api/core/companies")).get("items").get(0).get("partyId").asLong();
        JsonNode company = ok(get("/api/core/parties/" + us));
        if (company.get("taxNumber").isNull()) {
            assertEquals(409, get("/api/finance/invoices/" + id + "/ubl").status());
            ((com.fasterxml.jackson.databind.node.ObjectNode) company).put("taxNumber", "4444444444");
            ok(put("/api/core/parties/" + us, company.toString()));
        }
        Reply pdf = get("/api/finance/invoices/" + id + "/pdf");
        assertEquals(200, pdf.status());
        assertTrue(pdf.contentType(), pdf.contentType().startsWith("application/pdf"));
        assertTrue(pdf.body().startsWith("%PDF"));
        Reply ubl = get("/api/finance/invoices/" + id + "/ubl");
        assertEquals(ubl.body(), 200, ubl.status());
        assertTrue(ubl.body(), ubl.body().contains(postedInvoice.get("number").asText()) && ubl.body().contains("TEMELFATURA")
            && ubl.body().contains("1234567890") && ubl.body().contains("464.30"));
        assertEquals("a draft is not printed", 409, get("/api/finance/invoices/" + created(post("/api/finance/invoices", "{\"kind\":\"CUSTOMER_INVOICE\","
            + "\"partyId\":" + customer + ",\"lines\":[{\"productId\":" + book + ",\"quantity\":1}]}")).get("id").asLong() + "/pdf").status());
        // The rule changed back: the next invoice of the category goes to 600 again.
        assertEquals("600", ok(put("/api/finance/posting-rules/" + rule.get("id").asLong(), "{\"purpose\":\"REVENUE\",\"matchKind\":\"PRODUCT_CATEGORY\","
            + "\"matchValue\":\"fin-export\",\"accountCode\":\"600\",\"version\":" + rule.get("version").asLong() + "}")).get("accountCode").asText());
        JsonNode again = created(post("/api/finance/invoices", "{\"kind\":\"CUSTOMER_INVOICE\",\"partyId\":" + customer + ",\"post\":true,\"lines\":["
            + "{\"productId\":" + valve + ",\"quantity\":1,\"unitPrice\":10}]}"));
        assertEquals(List.of("120 D 12.00", "600 C 10.00", "391 C 2.00"), entryLines(again.get("journalEntryId").asLong()));
        assertTrue(ok(get("/api/finance/reports/trial-balance")).get("balanced").asBoolean());
        assertTrue(ok(get("/api/finance/reports/income-statement?from=" + TODAY.minusDays(60) + "&to=" + TODAY)).get("totals").has("GROSS_PROFIT"));
        assertTrue(get("/api/finance/reports/trial-balance?format=csv").body().startsWith("account,name,type,opening,debit,credit,closing"));
    }

    @Test
    public void foreignCurrencySettlementsPostTheirExchangeDifferencesAndLeaveThePartyAtZero() throws Exception {
        finance();
        long customer = created(post("/api/core/parties", "{\"kind\":\"ORGANIZATION\",\"name\":\"Dolar Alıcı Inc.\",\"roles\":[\"CUSTOMER\"],"
            + "\"currency\":\"USD\"}")).get("id").asLong();
        long supplier = created(post("/api/core/parties", "{\"kind\":\"ORGANIZATION\",\"name\":\"Avro Tedarik GmbH\",\"roles\":[\"SUPPLIER\"],"
            + "\"currency\":\"EUR\"}")).get("id").asLong();
        // 100.00 USD at 30 → 120 D 3,000.00 / 600 C 3,000.00.
        JsonNode invoice = created(post("/api/finance/invoices", "{\"kind\":\"CUSTOMER_INVOICE\",\"partyId\":" + customer + ",\"currency\":\"USD\","
            + "\"exchangeRate\":30,\"post\":true,\"lines\":[{\"description\":\"Danışmanlık\",\"quantity\":1,\"unitPrice\":100,\"vatRate\":0}]}"));
        long invoiceId = invoice.get("id").asLong();
        assertEquals(List.of("120 D 3000.00", "600 C 3000.00"), entryLines(invoice.get("journalEntryId").asLong()));
        // 40.00 USD collected at 31: 1,240.00 clears 1,200.00 of the receivable, 40.00 is a gain, in the collection's entry.
        JsonNode first = created(post("/api/finance/payments", "{\"direction\":\"INCOMING\",\"partyId\":" + customer + ",\"amount\":40,"
            + "\"currency\":\"USD\",\"exchangeRate\":31,\"accountCode\":\"100\",\"allocations\":[{\"invoiceId\":" + invoiceId + ",\"amount\":40}]}"));
        assertEquals(List.of("100 D 1240.00", "120 C 1240.00", "120 D 40.00", "646 C 40.00"), entryLines(first.get("journalEntryId").asLong()));
        // 60.00 USD at 29, allocated later: 1,740.00 against the 1,800.00 left, a 60.00 loss in an entry of its own.
        JsonNode second = created(post("/api/finance/payments", "{\"direction\":\"INCOMING\",\"partyId\":" + customer + ",\"amount\":60,"
            + "\"currency\":\"USD\",\"exchangeRate\":29,\"accountCode\":\"100\"}"));
        long secondId = second.get("id").asLong();
        ok(post("/api/finance/payments/" + secondId + "/allocations", "[{\"invoiceId\":" + invoiceId + ",\"amount\":60}]"));
        assertEquals(List.of("100 D 1740.00", "120 C 1740.00", "120 C 60.00", "656 D 60.00"), sourceLines("finance.payment", secondId));
        assertEquals("paid", ok(get("/api/finance/invoices/" + invoiceId)).get("state").asText());
        assertAmounts(ok(get("/api/finance/credit-exposure/" + customer)), Map.of("receivables", "0.00"));

        // A supplier's 50.00 EUR at 35, paid at 36: 320 D 1,800.00 clears 1,750.00, the 50.00 more is a loss.
        JsonNode bill = created(post("/api/finance/invoices", "{\"kind\":\"SUPPLIER_INVOICE\",\"partyId\":" + supplier + ",\"currency\":\"EUR\","
            + "\"exchangeRate\":35,\"post\":true,\"lines\":[{\"description\":\"Lisans\",\"quantity\":1,\"unitPrice\":50,\"vatRate\":0}]}"));
        assertEquals(List.of("320 C 1750.00", "770 D 1750.00"), entryLines(bill.get("journalEntryId").asLong()));
        JsonNode paid = created(post("/api/finance/payments", "{\"direction\":\"OUTGOING\",\"partyId\":" + supplier + ",\"amount\":50,"
            + "\"currency\":\"EUR\",\"exchangeRate\":36,\"accountCode\":\"100\",\"allocations\":[{\"invoiceId\":" + bill.get("id").asLong()
            + ",\"amount\":50}]}"));
        assertEquals(List.of("320 D 1800.00", "100 C 1800.00", "320 C 50.00", "656 D 50.00"), entryLines(paid.get("journalEntryId").asLong()));
        BigDecimal payable = BigDecimal.ZERO;
        for (JsonNode l : ok(get("/api/finance/reports/statement?party=" + supplier + "&from=" + TODAY + "&to=" + TODAY)).get("lines")) {
            payable = l.get("balance").decimalValue();
        }
        assertEquals(0, payable.signum());
        assertTrue(ok(get("/api/finance/reports/trial-balance")).get("balanced").asBoolean());
    }

    @Test
    public void theYearEndClosingCarriesTheResultToEquityAndClosesTheYear() throws Exception {
        finance();
        // 2024 holds only this (136, an account no other test uses): sales of 5,000.00 and expenses of 1,200.00 → a net profit of 3,800.00.
        created(post("/api/finance/journal-entries", "{\"date\":\"2024-03-10\",\"post\":true,\"lines\":[{\"accountCode\":\"136\",\"debit\":5000},"
            + "{\"accountCode\":\"600\",\"credit\":5000}]}"));
        created(post("/api/finance/journal-entries", "{\"date\":\"2024-06-01\",\"post\":true,\"lines\":[{\"accountCode\":\"770\",\"debit\":1200},"
            + "{\"accountCode\":\"136\",\"credit\":1200}]}"));
        JsonNode closed = ok(post("/api/finance/periods/years/2024/close", ""));
        assertAmounts(closed, Map.of("netProfit", "3800.00"));
        assertTrue(closed.get("journalEntryNumber").asText().matches("JE-2024-\\d{6}"));
        assertEquals(List.of("600 D 5000.00", "770 C 1200.00", "590 C 3800.00"), entryLines(closed.get("journalEntryId").asLong()));
        for (JsonNode p : ok(get("/api/finance/periods?year=2024"))) {
            assertEquals(p.toString(), "closed", p.get("state").asText());
        }
        assertEquals(12, closed.get("periods").size());
        assertEquals("closed already", 409, post("/api/finance/periods/years/2024/close", "").status());
        assertEquals("no posting into a closed year", 409, post("/api/finance/journal-entries", "{\"date\":\"2024-05-01\",\"post\":true,"
            + "\"lines\":[{\"accountCode\":\"770\",\"debit\":1},{\"accountCode\":\"136\",\"credit\":1}]}").status());

        // The income statement still shows the year's income; the trial balance and the balance sheet show it carried to 590.
        assertAmounts(ok(get("/api/finance/reports/income-statement?from=2024-01-01&to=2024-12-31")).get("totals"), Map.of("NET_SALES", "5000.00",
            "NET_PROFIT", "3800.00"));
        Map<String, String> tb = closing(ok(get("/api/finance/reports/trial-balance?from=2024-01-01&to=2024-12-31")));
        assertEquals(Map.of("136", "3800.00", "590", "-3800.00", "600", "0.00", "770", "0.00"), Map.of("136", tb.get("136"), "590", tb.get("590"),
            "600", tb.get("600"), "770", tb.get("770")));
        Map<String, String> sheet = new TreeMap<>();
        ok(get("/api/finance/reports/balance-sheet?date=2024-12-31")).get("rows").forEach(r -> sheet.put(r.get("code").asText(),
            r.get("amount").decimalValue().toPlainString()));
        assertEquals("3800.00", sheet.get("590"));
        assertEquals("0.00", sheet.get("PROFIT_FOR_THE_PERIOD"));

        // A year with nothing to carry closes too; bad years are a 400 naming the field.
        assertTrue(console("finance:period-close 2023").contains("Year 2023 is closed: net profit 0.00 TRY"));
        Reply bad = post("/api/finance/periods/years/abc/close", "");
        assertEquals(bad.body(), 400, bad.status());
        assertTrue(bad.body(), bad.body().contains("year"));
        assertEquals(400, post("/api/finance/periods/years/99/close", "").status());
    }

    @Test
    public void sixteenClientsPayingOneInvoiceNeverPayMoreThanItsTotal() throws Exception {
        finance();
        long customer = party("Yarış Alıcı A.Ş.", "CUSTOMER", "1111111114");
        long id = created(post("/api/finance/invoices", "{\"kind\":\"CUSTOMER_INVOICE\",\"partyId\":" + customer + ",\"post\":true,\"lines\":["
            + "{\"description\":\"Hizmet\",\"quantity\":1,\"unitPrice\":1000,\"vatRate\":0}]}")).get("id").asLong();
        Map<Integer, Integer> statuses = race(16, client -> post("/api/finance/payments", "{\"direction\":\"INCOMING\",\"partyId\":" + customer
            + ",\"amount\":100,\"accountCode\":\"100\",\"allocations\":[{\"invoiceId\":" + id + ",\"amount\":100}]}").status());
        assertEquals(Map.of(201, 10, 409, 6), statuses);
        JsonNode paid = ok(get("/api/finance/invoices/" + id));
        assertEquals("paid", paid.get("state").asText());
        assertAmounts(paid, Map.of("paidAmount", "1000.00"));
        assertEquals(10, ok(get("/api/finance/payments?party=" + customer)).get("total").asInt());
        assertTrue(ok(get("/api/finance/reports/trial-balance")).get("balanced").asBoolean());
    }

    @Test
    public void budgetsWarnOrBlockAndHoldUnderSixteenClients() throws Exception {
        finance();
        int year = TODAY.getYear();
        int month = TODAY.getMonthValue();
        // 631 has 1,000.00 for the month: 600 posts, and under WARN so do 500 more, 110 % used.
        ok(post("/api/finance/budgets", "{\"accountCode\":\"631\",\"year\":" + year + ",\"month\":" + month + ",\"amount\":1000}"));
        String expense = "{\"date\":\"" + TODAY + "\",\"post\":true,\"lines\":[{\"accountCode\":\"631\",\"debit\":%s},{\"accountCode\":\"100\",\"credit\":%s}]}";
        created(post("/api/finance/journal-entries", String.format(expense, "600", "600")));
        JsonNode line = budgetLine(year, month, "631");
        assertAmounts(line, Map.of("budget", "1000.00", "actual", "600.00", "variance", "400.00", "usedPercent", "60.00"));
        created(post("/api/finance/journal-entries", String.format(expense, "500", "500")));
        assertAmounts(budgetLine(year, month, "631"), Map.of("actual", "1100.00", "variance", "-100.00", "usedPercent", "110.00"));
        try {
            console("config:property-set -p io.kovan.finance budget.check BLOCK");
            // 630 has 1,000.00: under BLOCK, 16 clients posting 100.00 each get exactly 10 through.
            ok(post("/api/finance/budgets", "{\"accountCode\":\"630\",\"year\":" + year + ",\"month\":" + month + ",\"amount\":1000}"));
            String research = "{\"date\":\"" + TODAY + "\",\"post\":true,\"lines\":[{\"accountCode\":\"630\",\"debit\":100},{\"accountCode\":\"100\",\"credit\":100}]}";
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (post("/api/finance/journal-entries", String.format(expense, "1", "1")).status() != 409 && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            Reply over = post("/api/finance/journal-entries", String.format(expense, "1", "1"));
            assertEquals(over.body(), 409, over.status());
            assertTrue(over.body(), over.body().contains("over its budget of 1000.00"));
            assertEquals(Map.of(201, 10, 409, 6), race(16, client -> post("/api/finance/journal-entries", research).status()));
            assertAmounts(budgetLine(year, month, "630"), Map.of("actual", "1000.00", "variance", "0.00"));
        } finally {
            console("config:property-set -p io.kovan.finance budget.check WARN");
        }
    }

    private JsonNode budgetLine(int year, int month, String account) throws Exception {
        for (JsonNode l : ok(get("/api/finance/budgets/report?year=" + year + "&month=" + month))) {
            if (l.get("accountCode").asText().equals(account) && l.get("costCentre").isNull()) {
                return l;
            }
        }
        return null;
    }

    @Test
    public void aBankAccountIsReconciledWithItsStatementLineByLineOnce() throws Exception {
        finance();
        long bank = created(post("/api/finance/accounts", "{\"code\":\"108.01\",\"name\":\"Vadesiz Hesap\",\"type\":\"ASSET\",\"parentId\":"
            + ok(get("/api/finance/accounts/by-code/108")).get("id").asLong() + "}")).get("id").asLong();
        String entry = "{\"date\":\"" + TODAY + "\",\"post\":true,\"lines\":[{\"accountCode\":\"%s\",\"debit\":%s},{\"accountCode\":\"%s\",\"credit\":%s}]}";
        created(post("/api/finance/journal-entries", String.format(entry, "108.01", "1000", "500", "1000")));
        created(post("/api/finance/journal-entries", String.format(entry, "770", "200", "108.01", "200")));
        created(post("/api/finance/journal-entries", String.format(entry, "108.01", "50", "649", "50")));
        // The bank's statement shows 800.00: the deposit and the expense, not yet the 50.00.
        JsonNode before = ok(get("/api/finance/reconciliation?account=" + bank + "&date=" + TODAY + "&statementBalance=800"));
        assertAmounts(before, Map.of("bookBalance", "850.00", "reconciledBalance", "0.00", "difference", "-800.00"));
        List<String> open = new ArrayList<>();
        before.get("unreconciled").forEach(l -> open.add(l.get("amount").decimalValue().toPlainString()));
        assertEquals(List.of("1000.00", "-200.00", "50.00"), open);
        long deposit = before.get("unreconciled").get(0).get("lineId").asLong();
        long expense = before.get("unreconciled").get(1).get("lineId").asLong();
        JsonNode after = ok(post("/api/finance/reconciliation", "{\"accountId\":" + bank + ",\"date\":\"" + TODAY + "\",\"statementRef\":\"EKSTRE-12\","
            + "\"lineIds\":[" + deposit + "," + expense + "]}"));
        assertAmounts(after, Map.of("reconciledBalance", "800.00", "bookBalance", "850.00"));
        assertEquals(1, after.get("unreconciled").size());
        assertAmounts(ok(get("/api/finance/reconciliation?account=" + bank + "&date=" + TODAY + "&statementBalance=800")), Map.of("difference", "0.00"));
        assertEquals("reconciled once", 409, post("/api/finance/reconciliation", "{\"accountId\":" + bank + ",\"date\":\"" + TODAY + "\",\"lineIds\":["
            + deposit + "]}").status());
        assertEquals("the refused call matched nothing", 1, ok(get("/api/finance/reconciliation?account=" + bank + "&date=" + TODAY)).get("unreconciled").size());
        assertEquals("account", problemField(get("/api/finance/reconciliation")));
        assertEquals("lineIds", problemField(post("/api/finance/reconciliation", "{\"accountId\":" + bank + ",\"date\":\"" + TODAY + "\",\"lineIds\":[]}")));
    }

    @Test
    public void badInputIsRefusedNamingTheFieldAndWritesNothing() throws Exception {
        finance();
        long customer = party("Hatalı Girdi Ltd.", "CUSTOMER", "2222222224");
        long supplier = party("Hatalı Tedarik Ltd.", "SUPPLIER", "3333333339");
        long invoice = created(post("/api/finance/invoices", "{\"kind\":\"CUSTOMER_INVOICE\",\"partyId\":" + customer + ",\"post\":true,\"lines\":["
            + "{\"description\":\"x\",\"quantity\":1,\"unitPrice\":10,\"vatRate\":20}]}")).get("id").asLong();
        JsonNode cashAccount = ok(get("/api/finance/accounts/by-code/100"));
        long cash = cashAccount.get("id").asLong();
        JsonNode headingAccount = ok(get("/api/finance/accounts/by-code/10"));
        long heading = headingAccount.get("id").asLong();
        long headingVersion = headingAccount.get("version").asLong();
        Map<String, Integer> before = counts();
        String line = "{\"accountCode\":\"100\",\"debit\":1},{\"accountCode\":\"500\",\"credit\":1}";
        assertEquals(List.of(), wronglyAnswered(new String[][] {
            {"POST", "/api/finance/accounts", "{\"name\":\"x\",\"type\":\"ASSET\"}", "code"},
            {"POST", "/api/finance/accounts", "{\"code\":\"999\",\"type\":\"ASSET\"}", "name"},
            {"POST", "/api/finance/accounts", "{\"code\":\"999\",\"name\":\"x\"}", "type"},
            {"POST", "/api/finance/accounts", "{\"code\":\"999\",\"name\":\"x\",\"type\":\"CASH\"}", null},
            {"POST", "/api/finance/accounts", "{\"code\":\"9 9\",\"name\":\"x\",\"type\":\"ASSET\"}", "code"},
            {"POST", "/api/finance/accounts", "{\"code\":\"999\",\"name\":\"x\",\"type\":\"ASSET\",\"parentId\":999999}", "parentId"},
            {"POST", "/api/finance/journal-entries", "{\"lines\":[{\"accountCode\":\"100\",\"debit\":1}]}", "lines"},
            {"POST", "/api/finance/journal-entries", "{\"lines\":[{\"accountCode\":\"100\",\"debit\":2},{\"accountCode\":\"500\",\"credit\":1}]}", "lines"},
            {"POST", "/api/finance/journal-entries", "{\"lines\":[{\"accountCode\":\"100\",\"debit\":-1},{\"accountCode\":\"500\",\"credit\":-1}]}", "lines[0].debit"},
            {"POST", "/api/finance/journal-entries", "{\"lines\":[{\"accountCode\":\"100\",\"debit\":1,\"credit\":1},{\"accountCode\":\"500\",\"credit\":0}]}",
                "lines[0].debit"},
            {"POST", "/api/finance/journal-entries", "{\"lines\":[{\"accountCode\":\"100\",\"debit\":1.001},{\"accountCode\":\"500\",\"credit\":1.001}]}",
                "lines[0].debit"},
            {"POST", "/api/finance/journal-entries", "{\"lines\":[{\"accountCode\":\"12\",\"debit\":1},{\"accountCode\":\"500\",\"credit\":1}]}", "lines[0].accountId"},
            {"POST", "/api/finance/journal-entries", "{\"lines\":[{\"accountCode\":\"nope\",\"debit\":1},{\"accountCode\":\"500\",\"credit\":1}]}", "lines[0].accountId"},
            {"POST", "/api/finance/journal-entries", "{\"lines\":[{\"debit\":1},{\"accountCode\":\"500\",\"credit\":1}]}", "lines[0].accountId"},
            {"POST", "/api/finance/journal-entries", "{\"currency\":\"XXX\",\"lines\":[" + line + "]}", "currency"},
            {"POST", "/api/finance/journal-entries", "{\"date\":\"2026-13-01\",\"lines\":[" + line + "]}", null},
            {"POST", "/api/finance/journal-entries", "{\"lines\":[{\"accountCode\":\"100\",\"debit\":1,\"partyId\":999999},{\"accountCode\":\"500\",\"credit\":1}]}",
                "lines[0].partyId"},
            {"POST", "/api/finance/journal-entries", "{\"lines\":[" + line + "],\"description\":\"" + "x".repeat(501) + "\"}", "description"},
            {"POST", "/api/finance/journal-entries", "not json", null},
            {"POST", "/api/finance/invoices", "{\"partyId\":" + customer + ",\"lines\":[{\"description\":\"x\",\"quantity\":1,\"unitPrice\":1,\"vatRate\":20}]}", "kind"},
            {"POST", "/api/finance/invoices", "{\"kind\":\"CUSTOMER_INVOICE\",\"lines\":[{\"description\":\"x\",\"quantity\":1,\"unitPrice\":1,\"vatRate\":20}]}",
                "partyId"},
            {"POST", "/api/finance/invoices", "{\"kind\":\"CUSTOMER_INVOICE\",\"partyId\":999999,\"lines\":[{\"description\":\"x\",\"quantity\":1,"
                + "\"unitPrice\":1,\"vatRate\":20}]}", "partyId"},
            {"POST", "/api/finance/invoices", "{\"kind\":\"CUSTOMER_INVOICE\",\"partyId\":" + supplier + ",\"lines\":[{\"description\":\"x\",\"quantity\":1,"
                + "\"unitPrice\":1,\"vatRate\":20}]}", "partyId"},
            {"POST", "/api/finance/invoices", "{\"kind\":\"CUSTOMER_INVOICE\",\"partyId\":" + customer + ",\"lines\":[]}", "lines"},
            {"POST", "/api/finance/invoices", "{\"kind\":\"CUSTOMER_INVOICE\",\"partyId\":" + customer + ",\"lines\":[{\"description\":\"x\",\"quantity\":0,"
                + "\"unitPrice\":1,\"vatRate\":20}]}", "lines[0].quantity"},
            {"POST", "/api/finance/invoices", "{\"kind\":\"CUSTOMER_INVOICE\",\"partyId\":" + customer + ",\"lines\":[{\"description\":\"x\",\"quantity\":-2,"
                + "\"unitPrice\":1,\"vatRate\":20}]}", "lines[0].quantity"},
            {"POST", "/api/finance/invoices", "{\"kind\":\"CUSTOMER_INVOICE\",\"partyId\":" + customer + ",\"lines\":[{\"description\":\"x\",\"quantity\":1,"
                + "\"unitPrice\":-1,\"vatRate\":20}]}", "lines[0].unitPrice"},
            {"POST", "/api/finance/invoices", "{\"kind\":\"CUSTOMER_INVOICE\",\"partyId\":" + customer + ",\"lines\":[{\"description\":\"x\",\"quantity\":1,"
                + "\"unitPrice\":1,\"vatRate\":18}]}", "lines[0].vatRate"},
            {"POST", "/api/finance/invoices", "{\"kind\":\"CUSTOMER_INVOICE\",\"partyId\":" + customer + ",\"lines\":[{\"description\":\"x\",\"quantity\":1,"
                + "\"unitPrice\":1,\"vatRate\":20,\"discountPercent\":101}]}", "lines[0].discountPercent"},
            {"POST", "/api/finance/invoices", "{\"kind\":\"CUSTOMER_INVOICE\",\"partyId\":" + customer + ",\"lines\":[{\"quantity\":1,\"unitPrice\":1,"
                + "\"vatRate\":20}]}", "lines[0].description"},
            {"POST", "/api/finance/invoices", "{\"kind\":\"CUSTOMER_INVOICE\",\"partyId\":" + customer + ",\"lines\":[{\"productId\":999999,\"quantity\":1}]}",
                "lines[0].productId"},
            {"POST", "/api/finance/invoices", "{\"kind\":\"CUSTOMER_INVOICE\",\"partyId\":" + customer + ",\"date\":\"2026-05-10\",\"dueDate\":\"2026-05-01\","
                + "\"lines\":[{\"description\":\"x\",\"quantity\":1,\"unitPrice\":1,\"vatRate\":20}]}", "dueDate"},
            {"POST", "/api/finance/invoices", "{\"kind\":\"CUSTOMER_INVOICE\",\"partyId\":" + customer + ",\"currency\":\"XYZ\",\"lines\":[{\"description\":\"x\","
                + "\"quantity\":1,\"unitPrice\":1,\"vatRate\":20}]}", "currency"},
            {"POST", "/api/finance/invoices", "{\"kind\":\"CUSTOMER_INVOICE\",\"partyId\":" + customer + ",\"lines\":[{\"description\":\"x\",\"quantity\":1,"
                + "\"unitPrice\":1,\"vatRate\":20,\"sourceType\":\"sales.shipment\",\"sourceLineId\":1}]}", "lines[0].sourceType"},
            {"POST", "/api/finance/invoices/from-shipments", "{}", "shipmentIds"},
            {"POST", "/api/finance/invoices/from-return", "{}", "returnId"},
            {"POST", "/api/finance/payments", "{\"partyId\":" + customer + ",\"amount\":1}", "direction"},
            {"POST", "/api/finance/payments", "{\"direction\":\"INCOMING\",\"amount\":1}", "partyId"},
            {"POST", "/api/finance/payments", "{\"direction\":\"INCOMING\",\"partyId\":" + customer + ",\"amount\":0}", "amount"},
            {"POST", "/api/finance/payments", "{\"direction\":\"INCOMING\",\"partyId\":" + customer + ",\"amount\":-5}", "amount"},
            {"POST", "/api/finance/payments", "{\"direction\":\"INCOMING\",\"partyId\":" + customer + ",\"amount\":1,\"accountCode\":\"10\"}", "accountId"},
            {"POST", "/api/finance/payments", "{\"direction\":\"INCOMING\",\"partyId\":" + customer + ",\"amount\":1,\"allocations\":[{\"amount\":1}]}",
                "allocations[0].invoiceId"},
            {"POST", "/api/finance/payments", "{\"direction\":\"INCOMING\",\"partyId\":" + supplier + ",\"amount\":1,\"allocations\":[{\"invoiceId\":" + invoice
                + ",\"amount\":1}]}", "allocations[0].invoiceId"},
            {"POST", "/api/finance/payments", "{\"direction\":\"OUTGOING\",\"partyId\":" + customer + ",\"amount\":1,\"allocations\":[{\"invoiceId\":" + invoice
                + ",\"amount\":1}]}", "allocations[0].invoiceId"},
            {"POST", "/api/finance/payments", "{\"direction\":\"INCOMING\",\"partyId\":" + customer + ",\"amount\":5,\"allocations\":[{\"invoiceId\":" + invoice
                + ",\"amount\":0}]}", "allocations[0].amount"},
            {"POST", "/api/finance/posting-rules", "{\"purpose\":\"NOPE\",\"matchKind\":\"DEFAULT\",\"accountCode\":\"100\"}", "purpose"},
            {"POST", "/api/finance/posting-rules", "{\"purpose\":\"REVENUE\",\"matchKind\":\"SOMETIMES\",\"matchValue\":\"x\",\"accountCode\":\"600\"}", "matchKind"},
            {"POST", "/api/finance/posting-rules", "{\"purpose\":\"REVENUE\",\"matchKind\":\"VAT_RATE\",\"matchValue\":\"lots\",\"accountCode\":\"600\"}", "matchValue"},
            {"POST", "/api/finance/posting-rules", "{\"purpose\":\"REVENUE\",\"matchKind\":\"PRODUCT_CATEGORY\",\"accountCode\":\"600\"}", "matchValue"},
            {"POST", "/api/finance/posting-rules", "{\"purpose\":\"REVENUE\",\"matchKind\":\"PRODUCT_CATEGORY\",\"matchValue\":\"x\",\"accountCode\":\"60\"}",
                "accountId"},
            {"POST", "/api/finance/periods/years/20260", "", "year"},
            {"GET", "/api/finance/reports/trial-balance?from=2026-02-01&to=2026-01-01", null, "from"},
            {"GET", "/api/finance/reports/trial-balance?from=yesterday", null, "from"},
            {"GET", "/api/finance/reports/ageing?kind=SIDEWAYS", null, "kind"},
            {"GET", "/api/finance/reports/gross-margin?groupBy=colour", null, "groupBy"},
            {"GET", "/api/finance/reports/general-ledger", null, "account"},
            {"GET", "/api/finance/reports/statement", null, "party"},
            {"GET", "/api/finance/reports/trial-balance?format=xls", null, "format"},
            {"GET", "/api/finance/invoices?kind=BILL", null, "kind"},
            {"POST", "/api/finance/budgets", "{\"accountCode\":\"770\",\"year\":2026,\"month\":13,\"amount\":1}", "month"},
            {"POST", "/api/finance/budgets", "{\"accountCode\":\"770\",\"year\":2026,\"month\":1,\"amount\":-1}", "amount"},
            {"POST", "/api/finance/budgets", "{\"accountCode\":\"77\",\"year\":2026,\"month\":1,\"amount\":1}", "accountId"},
            {"POST", "/api/finance/budgets", "{\"accountCode\":\"770\",\"month\":1,\"amount\":1}", "year"},
            {"GET", "/api/finance/budgets/report?month=0", null, "month"},
            {"POST", "/api/finance/payments", "{\"direction\":\"INCOMING\",\"partyId\":" + customer + ",\"amount\":1,\"accountCode\":\"600\"}", "accountId"},
            {"POST", "/api/finance/payments", "{\"direction\":\"INCOMING\",\"partyId\":" + customer + ",\"amount\":1E+999999999}", "amount"},
            {"POST", "/api/finance/payments", "{\"direction\":\"INCOMING\",\"partyId\":" + customer + ",\"amount\":10000000000000000}", "amount"},
            {"POST", "/api/finance/invoices", "{\"kind\":\"CUSTOMER_INVOICE\",\"partyId\":" + customer + ",\"exchangeRate\":2,\"lines\":[{\"description\":\"x\","
                + "\"quantity\":1,\"unitPrice\":1,\"vatRate\":20}]}", "exchangeRate"},
            {"POST", "/api/finance/invoices", "{\"kind\":\"CUSTOMER_INVOICE\",\"partyId\":" + customer + ",\"lines\":[{\"description\":\"x\",\"quantity\":1,"
                + "\"unitPrice\":1,\"vatRate\":20,\"accountId\":1}]}", "lines[0].accountId"},
            {"POST", "/api/finance/invoices", "{\"kind\":\"CUSTOMER_INVOICE\",\"partyId\":" + customer + ",\"creditedInvoiceId\":" + invoice + ",\"lines\":[{"
                + "\"description\":\"x\",\"quantity\":1,\"unitPrice\":1,\"vatRate\":20}]}", "creditedInvoiceId"},
            {"POST", "/api/finance/invoices", "{\"kind\":\"CUSTOMER_INVOICE\",\"partyId\":" + customer + ",\"lines\":[{\"description\":\"x\",\"quantity\":1,"
                + "\"unitPrice\":1,\"vatRate\":20,\"discountPercent\":10.123}]}", "lines[0].discountPercent"},
            {"POST", "/api/finance/journal-entries", "{\"date\":\"1850-01-01\",\"lines\":[" + line + "]}", "date"},
            {"PUT", "/api/finance/accounts/" + heading, "{\"code\":\"10\",\"name\":\"HAZIR DEĞERLER\",\"type\":\"ASSET\",\"parentId\":" + cash
                + ",\"version\":" + headingVersion + "}", "parentId"},
        }));
        assertEquals("nothing was written", before, counts());
        assertEquals(404, get("/api/finance/invoices/999999").status());
        assertEquals(404, get("/api/finance/accounts/999999").status());
        assertEquals(404, post("/api/finance/journal-entries/999999/post", "").status());
        assertEquals(404, post("/api/finance/payments/999999/allocations", "[{\"invoiceId\":1,\"amount\":1}]").status());
        assertEquals("sales is not installed", 409, post("/api/finance/invoices/from-shipments", "{\"shipmentIds\":[1]}").status());
        long entry = ok(get("/api/finance/invoices/" + invoice)).get("journalEntryId").asLong();
        assertEquals("an invoice's entry is undone through the invoice", 409, post("/api/finance/journal-entries/" + entry + "/reverse", "").status());
        assertEquals("nothing was written", before, counts());
        assertTrue(console("finance:period-close 2026/11").startsWith("period:"));
        assertGuideListsTheServedEndpoints("finance.md", "/api/finance/");
    }

    // ---- helpers ---------------------------------------------------------------------------

    private int allocations(long party) throws Exception {
        int n = 0;
        for (JsonNode p : ok(get("/api/finance/payments?party=" + party + "&limit=500")).get("items")) {
            n += p.get("allocations").size();
        }
        return n;
    }

    private Map<String, Integer> counts() throws Exception {
        Map<String, Integer> counts = new TreeMap<>();
        for (String list : List.of("accounts", "journal-entries", "invoices", "payments")) {
            counts.put(list, ok(get("/api/finance/" + list + "?limit=1")).get("total").asInt());
        }
        counts.put("posting-rules", ok(get("/api/finance/posting-rules")).size());
        counts.put("budgets", ok(get("/api/finance/budgets?year=2026")).size());
        return counts;
    }
}
