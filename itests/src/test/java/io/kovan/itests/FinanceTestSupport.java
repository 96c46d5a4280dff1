package io.kovan.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

/** What the finance tests share: installing the modules, master data, and reading entries and reports. */
public abstract class FinanceTestSupport extends KovanTestSupport {

    protected void finance() throws Exception {
        installModule("kovan-finance", "/api/finance/accounts");
    }

    protected long party(String name, String role, String taxNumber) throws Exception {
        Reply created = post("/api/core/parties", "{\"kind\":\"ORGANIZATION\",\"name\":\"" + name + "\",\"roles\":[\"" + role + "\"],\"taxNumber\":\""
            + taxNumber + "\",\"taxOffice\":\"Kadıköy\",\"addresses\":[{\"type\":\"BILLING\",\"line1\":\"Moda Cad. 1\",\"district\":\"Kadıköy\","
            + "\"city\":\"İstanbul\",\"country\":\"TR\"}]}");
        if (created.status() == 409) {
            return ok(get("/api/core/parties?q=" + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8))).get("items").get(0)
                .get("id").asLong();
        }
        return created(created).get("id").asLong();
    }

    protected long product(String code, String type, String category, String price, String cost, String vat) throws Exception {
        Reply existing = get("/api/core/products?q=" + code);
        if (existing.status() == 200 && existing.json().get("total").asInt() > 0) {
            return existing.json().get("items").get(0).get("id").asLong();
        }
        return created(post("/api/core/products", "{\"code\":\"" + code + "\",\"name\":\"Product " + code + "\",\"type\":\"" + type + "\",\"unit\":\"PCS\","
            + "\"salesPrice\":" + price + ",\"standardCost\":" + cost + ",\"vatRate\":" + vat + (category == null ? "" : ",\"category\":\"" + category + "\"")
            + "}")).get("id").asLong();
    }

    /** An entry's lines as {@code account D|C amount}, in line order. */

    protected List<String> entryLines(long entryId) throws Exception {
        List<String> lines = new ArrayList<>();
        for (JsonNode l : ok(get("/api/finance/journal-entries/" + entryId)).get("lines")) {
            boolean debit = l.get("baseDebit").decimalValue().signum() > 0;
            lines.add(l.get("accountCode").asText() + (debit ? " D " : " C ") + (debit ? l.get("baseDebit") : l.get("baseCredit")).decimalValue().toPlainString());
        }
        return lines;
    }

    /** The lines of the entries a document caused, as {@code account D|C amount}. */
    protected List<String> sourceLines(String sourceType, long sourceId) throws Exception {
        List<String> lines = new ArrayList<>();
        for (JsonNode e : ok(get("/api/finance/journal-entries?sourceType=" + sourceType + "&source=" + sourceId)).get("items")) {
            lines.addAll(entryLines(e.get("id").asLong()));
        }
        return lines;
    }

    protected static Map<String, String> closing(JsonNode trialBalance) {
        Map<String, String> closing = new TreeMap<>();
        trialBalance.get("rows").forEach(r -> closing.put(r.get("accountCode").asText(), r.get("closingBalance").decimalValue().toPlainString()));
        return closing;
    }

    /** Each field equals the amount exactly, scale included. */

    protected static void assertAmounts(JsonNode node, Map<String, String> expected) {
        assertTrue("no such row", node != null);
        Map<String, String> actual = new TreeMap<>();
        expected.keySet().forEach(k -> actual.put(k, node.get(k) == null || node.get(k).isNull() ? null : node.get(k).decimalValue().toPlainString()));
        assertEquals(node.toString(), new TreeMap<>(expected), actual);
    }
}
