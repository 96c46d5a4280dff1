package io.kovan.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Bad input to every operation (issue 7), driven by {@code /api/openapi.json}: malformed JSON,
 * wrong types, missing, null and extra fields, huge strings and numbers, negative and zero
 * quantities, unknown ids and injection strings, in bodies, path and query parameters. Bodies
 * start from a real record where one exists (a GET of the resource or its collection), so faults
 * reach the validation behind the JSON binding. No answer may be a 5xx; every refusal is an RFC
 * 9457 problem, a 400 for a fault in one field names a field, and a refused request leaves the
 * database's row counts as they were.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FuzzIT extends KovanTestSupport {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String UNKNOWN_ID = "987654321";
    private static final List<String> INJECTIONS = List.of("' OR '1'='1", "'; DROP TABLE KV_PARTY; --", "<script>alert(1)</script>",
        "${jndi:ldap://127.0.0.1:1/x}", "../../../../etc/passwd", "%s%n%x\u0000\u202e", "\") OR 1=1 --", "{{7*7}}");
    private static final List<String> MALFORMED = List.of("", "{", "{\"a\":", "[1,2", "nul", "\"just text\"", "42", "[]", "{\"a\":1}}",
        "{'single':'quotes'}", "{\"a\":1,}", "[".repeat(5000) + "]".repeat(5000), "\u00ff\u00fe{}");
    private static final List<String> PATH_FAULTS = List.of(UNKNOWN_ID, "0", "-1", "abc", "99999999999999999999999", "1.5", "' OR 1=1--",
        "%00", "9".repeat(3000), "<script>");
    private static final List<String> QUERY_FAULTS = List.of("abc", "-1", "0", "99999999999999999999", "2026-13-45", "' OR 1=1--",
        "x".repeat(5000), "%00", "${jndi:ldap://127.0.0.1:1/x}");
    /** Query parameters lists take from the URI rather than declare: fuzzed on every GET. */
    private static final List<String> COMMON_QUERY = List.of("limit", "offset", "sort", "q", "from", "to", "date", "state", "customer");

    private DataSource database;
    private final Map<String, Integer> outcomes = new TreeMap<>();
    private final List<String> violations = new ArrayList<>();
    private long requests;
    private long countChecks;

    @Test
    public void badInputToEveryOperationGetsAClearRefusalAndWritesNothing() throws Exception {
        installModule("kovan-sample", "/api/sample/notes");
        installModule("kovan-crm", "/api/crm/leads");
        installModule("kovan-inventory", "/api/inventory/warehouses");
        installModule("kovan-sales", "/api/sales/quotes");
        installModule("kovan-finance", "/api/finance/accounts");
        database = dataSource();
        seed();
        JsonNode document = send("GET", "/api/openapi.json", null, null, null).json();
        JsonNode schemas = document.get("components").get("schemas");
        int operations = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext();) {
                Map.Entry<String, JsonNode> op = ops.next();
                String method = op.getKey().toUpperCase(Locale.ROOT);
                if (path.getKey().equals("/api/openapi.json")) {
                    continue;
                }
                operations++;
                fuzz(method, path.getKey(), op.getValue(), schemas);
            }
        }
        System.out.printf("reliability, fuzzer: %d operations, %d requests (faults injected), answers %s, row counts checked after %d "
            + "refusals, violations %d%n", operations, requests, outcomes, countChecks, violations.size());
        assertEquals("answered wrongly:\n" + String.join("\n", violations.subList(0, Math.min(60, violations.size()))), List.of(), violations);
        assertTrue("the document lists the modules' operations: " + operations, operations > 200);
    }

    /** A customer, a product in stock, and one chain to its credit note: real ids for every resource. */
    private void seed() throws Exception {
        OrderToCash o2c = new OrderToCash((m, p, b) -> send(m, p, b, "admin", ADMIN_PASSWORD));
        long customer = o2c.customer("Fuzz Customer");
        long product = o2c.product("FUZZ-1", "25", "10");
        o2c.receive(Map.of(product, 50), "10");
        o2c.chain(customer, Map.of(product, 3), OrderToCash.Shape.RETURNED);
        created(post("/api/crm/leads", "{\"contactName\":\"Fuzz Lead\",\"companyName\":\"Fuzz Ltd\",\"email\":\"lead@fuzz.example\"}"));
        created(post("/api/sample/notes", "{\"text\":\"a fuzz note\"}"));
        // Paths naming a user get this one, so no fault can touch the admin's account.
        created(post("/api/core/users", "{\"name\":\"fuzz-target\",\"password\":\"fuzz-target-Secret-1\",\"roles\":[\"viewer\"]}"));
    }

    // ---- one operation ---------------------------------------------------------------------

    private void fuzz(String method, String template, JsonNode operation, JsonNode schemas) throws Exception {
        Map<String, String> real = realParameters(template);
        String path = fill(template, real);
        if (method.equals("DELETE")) {
            // Never a real record: only faults.
            path = fill(template, Map.of());
        }
        // Path parameters: each fault in each parameter.
        for (String parameter : parameters(template)) {
            for (String fault : PATH_FAULTS) {
                Map<String, String> values = new LinkedHashMap<>(real);
                values.put(parameter, fault);
                String body = method.equals("POST") || method.equals("PUT") ? "{}" : null;
                attempt("path " + parameter, method, fill(template, values), body, null);
            }
        }
        if (method.equals("GET")) {
            List<String> names = new ArrayList<>(COMMON_QUERY);
            operation.path("parameters").forEach(p -> {
                if (p.path("in").asText().equals("query") && !names.contains(p.get("name").asText())) {
                    names.add(p.get("name").asText());
                }
            });
            for (String name : names) {
                for (String fault : QUERY_FAULTS) {
                    attempt("query " + name, "GET", path + (path.contains("?") ? "&" : "?") + name + "=" + encode(fault), null, null);
                }
            }
            return;
        }
        if (method.equals("DELETE")) {
            attempt("delete", "DELETE", path, null, null);
            return;
        }
        for (String malformed : MALFORMED) {
            attempt("malformed JSON", method, path, malformed, null);
        }
        JsonNode schema = operation.path("requestBody").path("content").path("application/json").path("schema");
        if (schema.isMissingNode()) {
            attempt("unexpected body", method, path, "{\"unexpected\":[1,2,3]}", null);
            return;
        }
        JsonNode resolved = resolve(schema, schemas);
        if (!resolved.path("type").asText("object").equals("object") || !resolved.has("properties")) {
            attempt("wrong body type", method, path, "{\"a\":1}", null);
            return;
        }
        ObjectNode base = baseBody(template, real, resolved, schemas);
        attempt("missing fields", method, path, "{}", null);
        ObjectNode extra = base.deepCopy();
        extra.put("zzUnexpectedField", "surprise");
        attempt("extra field", method, path, extra.toString(), null);
        int injection = 0;
        for (Map.Entry<String, JsonNode> property : flatten(resolved, schemas, "")) {
            String name = property.getKey();
            String type = property.getValue().path("type").asText("object");
            List<JsonNode> faults = new ArrayList<>();
            faults.add(type.equals("string") ? NODES.objectNode().put("not", "a string") : NODES.textNode("not-a-" + type));
            faults.add(NODES.nullNode());
            switch (type) {
                case "string" -> {
                    faults.add(NODES.textNode("x".repeat(100_000)));
                    faults.add(NODES.textNode(INJECTIONS.get(injection++ % INJECTIONS.size())));
                }
                case "number", "integer" -> {
                    faults.add(NODES.numberNode(-1));
                    faults.add(NODES.numberNode(0));
                    faults.add(type.equals("integer") ? NODES.numberNode(new BigInteger("99999999999999999999999"))
                        : NODES.numberNode(new BigDecimal("1E+400")));
                    if (name.toLowerCase(Locale.ROOT).endsWith("id")) {
                        faults.add(NODES.numberNode(Long.parseLong(UNKNOWN_ID)));
                    }
                }
                case "array" -> faults.add(NODES.arrayNode().addNull());
                default -> {
                }
            }
            for (JsonNode fault : faults) {
                ObjectNode body = base.deepCopy();
                if (put(body, name, fault)) {
                    attempt("field " + name, method, path, body.toString(), name);
                }
            }
        }
    }

    /**
     * Sends one faulty request and judges the answer: never a 5xx or a dropped connection; a
     * refusal is problem+json; a 400 for a fault in {@code field} names a field; a refusal writes
     * nothing.
     */
    private void attempt(String fault, String method, String path, String body, String field) throws Exception {
        Map<String, Long> before = rowCounts();
        Reply reply;
        try {
            reply = send(method, path, body, "admin", ADMIN_PASSWORD);
        } catch (java.io.IOException e) {
            violations.add(method + " " + path + " [" + fault + "] → no answer: " + e);
            return;
        } finally {
            requests++;
        }
        String what = method + " " + abbreviate(path) + " [" + fault + "] " + abbreviate(body == null ? "" : body) + " → " + reply.status() + " "
            + abbreviate(reply.body());
        outcomes.merge(reply.status() / 100 + "xx", 1, Integer::sum);
        if (reply.status() >= 500) {
            violations.add(what);
            rowCountsNow = null;
            return;
        }
        if (reply.status() < 400) {
            rowCountsNow = null;
            return;
        }
        if (!reply.contentType().startsWith("application/problem+json")) {
            violations.add("not a problem: " + what);
        } else if (reply.status() == 400 && field != null && fieldOf(reply) == null && reply.json().path("errors").isEmpty()) {
            violations.add("names no field: " + what);
        }
        countChecks++;
        Map<String, Long> after = rowCounts(true);
        if (!after.equals(before)) {
            Map<String, String> changed = new TreeMap<>();
            after.forEach((table, count) -> {
                if (!count.equals(before.get(table))) {
                    changed.put(table, before.get(table) + " → " + count);
                }
            });
            violations.add("refused, yet wrote " + changed + ": " + what);
        }
    }

    // ---- row counts ------------------------------------------------------------------------

    private Map<String, Long> rowCountsNow;
    private String countQuery;

    private Map<String, Long> rowCounts() throws SQLException {
        return rowCounts(false);
    }

    /** Rows per table (the audit chain's tables left out: its chainer moves entries on its own). */
    private Map<String, Long> rowCounts(boolean fresh) throws SQLException {
        if (rowCountsNow != null && !fresh) {
            return rowCountsNow;
        }
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            if (countQuery == null) {
                List<String> tables = new ArrayList<>();
                try (ResultSet t = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
                    while (t.next()) {
                        String name = t.getString("TABLE_NAME").toUpperCase(Locale.ROOT);
                        if (name.startsWith("KV_") && !name.startsWith("KV_AUDIT")) {
                            tables.add(name);
                        }
                    }
                }
                countQuery = String.join(" UNION ALL ", tables.stream().map(t -> "SELECT '" + t + "' AS T, COUNT(*) AS N FROM " + t).toList());
            }
            Map<String, Long> counts = new TreeMap<>();
            try (ResultSet r = s.executeQuery(countQuery)) {
                while (r.next()) {
                    counts.put(r.getString(1), r.getLong(2));
                }
            }
            rowCountsNow = counts;
            return counts;
        }
    }

    // ---- building requests -----------------------------------------------------------------

    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");

    private static List<String> parameters(String template) {
        List<String> names = new ArrayList<>();
        Matcher m = PARAMETER.matcher(template);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** The template with its parameters filled in, {@value #UNKNOWN_ID} for any not given. */
    private static String fill(String template, Map<String, String> values) {
        Matcher m = PARAMETER.matcher(template);
        StringBuilder path = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(path, Matcher.quoteReplacement(encodePath(values.getOrDefault(m.group(1), UNKNOWN_ID))));
        }
        return m.appendTail(path).toString();
    }

    /** Real values for a path's parameters, from the first record of the collection before each. */
    private Map<String, String> realParameters(String template) throws Exception {
        Map<String, String> values = new LinkedHashMap<>();
        Matcher m = PARAMETER.matcher(template);
        while (m.find()) {
            String name = m.group(1);
            String collection = fill(template.substring(0, m.start()).replaceAll("/+$", ""), values);
            if (collection.endsWith("/api/core/users")) {
                values.put(name, "fuzz-target");
                continue;
            }
            JsonNode first = firstRecord(collection);
            if (first != null) {
                JsonNode value = first.has(name) ? first.get(name) : first.has("id") ? first.get("id") : first.get("code");
                if (value != null && value.isValueNode()) {
                    values.put(name, value.asText());
                }
            }
        }
        return values;
    }

    private JsonNode firstRecord(String collection) throws Exception {
        Reply list = get(collection);
        if (list.status() != 200 || !list.contentType().startsWith("application/json")) {
            return null;
        }
        JsonNode json = list.json();
        JsonNode items = json.isArray() ? json : json.path("items");
        return items.isArray() && items.size() > 0 && items.get(0).isObject() ? items.get(0) : null;
    }

    /** A body to put faults into: the record itself where the path names one, else a collection's first, else built from the schema. */
    private ObjectNode baseBody(String template, Map<String, String> real, JsonNode schema, JsonNode schemas) throws Exception {
        String path = fill(template, real);
        Reply self = template.endsWith("}") ? get(path) : null;
        if (self != null && self.status() == 200 && self.json().isObject()) {
            return (ObjectNode) self.json();
        }
        JsonNode first = firstRecord(path);
        if (first != null && first.has("id")) {
            return (ObjectNode) first;
        }
        return (ObjectNode) example(schema, schemas, 0);
    }

    private static JsonNode example(JsonNode schema, JsonNode schemas, int depth) {
        JsonNode s = resolve(schema, schemas);
        if (s.has("enum")) {
            return s.get("enum").get(0);
        }
        switch (s.path("type").asText("object")) {
            case "string":
                return NODES.textNode(s.path("format").asText().equals("date") ? "2026-12-01" : "fuzz");
            case "integer":
            case "number":
                return NODES.numberNode(1);
            case "boolean":
                return NODES.booleanNode(true);
            case "array":
                ArrayNode array = NODES.arrayNode();
                if (depth < 3) {
                    array.add(example(s.path("items"), schemas, depth + 1));
                }
                return array;
            default:
                ObjectNode object = NODES.objectNode();
                if (depth < 3) {
                    s.path("properties").fields().forEachRemaining(p -> object.set(p.getKey(), example(p.getValue(), schemas, depth + 1)));
                }
                return object;
        }
    }

    /** Top-level properties, and those of the first item of arrays of objects ({@code lines[0].quantity}). */
    private static List<Map.Entry<String, JsonNode>> flatten(JsonNode schema, JsonNode schemas, String prefix) {
        List<Map.Entry<String, JsonNode>> all = new ArrayList<>();
        schema.path("properties").fields().forEachRemaining(p -> {
            JsonNode property = resolve(p.getValue(), schemas);
            all.add(Map.entry(prefix + p.getKey(), property));
            JsonNode items = resolve(property.path("items"), schemas);
            if (prefix.isEmpty() && property.path("type").asText().equals("array") && items.has("properties")) {
                all.addAll(flatten(items, schemas, p.getKey() + "[0]."));
            }
        });
        return all;
    }

    /** Sets {@code name} ({@code a} or {@code a[0].b}) in {@code body}; false if the body has no such item. */
    private static boolean put(ObjectNode body, String name, JsonNode value) {
        int bracket = name.indexOf("[0].");
        if (bracket < 0) {
            body.set(name, value);
            return true;
        }
        JsonNode items = body.get(name.substring(0, bracket));
        if (items == null || !items.isArray() || items.isEmpty() || !items.get(0).isObject()) {
            return false;
        }
        ((ObjectNode) items.get(0)).set(name.substring(bracket + 4), value);
        return true;
    }

    private static JsonNode resolve(JsonNode schema, JsonNode schemas) {
        JsonNode s = schema;
        while (s.has("$ref")) {
            s = schemas.path(s.get("$ref").asText().replaceFirst("^#/components/schemas/", ""));
        }
        return s;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String encodePath(String value) {
        return encode(value).replace("+", "%20");
    }

    private static String abbreviate(String text) {
        return text.length() <= 160 ? text : text.substring(0, 150) + "…(" + text.length() + ")";
    }
}
