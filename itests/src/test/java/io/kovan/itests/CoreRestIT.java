package io.kovan.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.List;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.JsonNode;

/** The kernel's REST API in the booted distribution: authentication, validation, paging, versions, errors. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CoreRestIT extends KovanTestSupport {

    private static final String ACME = "{\"kind\":\"ORGANIZATION\",\"name\":\"Acme Makina A.Ş.\",\"taxNumber\":\"1234567890\","
        + "\"roles\":[\"CUSTOMER\"],\"email\":\"info@acme.com.tr\",\"paymentTermDays\":30,\"creditLimit\":250000.00,\"currency\":\"TRY\","
        + "\"addresses\":[{\"type\":\"BILLING\",\"line1\":\"Organize Sanayi 4. Cad. 12\",\"city\":\"Bursa\",\"country\":\"TR\"}],"
        + "\"contacts\":[{\"name\":\"Ayşe Yılmaz\",\"title\":\"Satın alma\",\"email\":\"ayse@acme.com.tr\"}]}";

    @Test
    public void everyCallNeedsCredentials() throws Exception {
        Reply anonymous = send("GET", "/api/core/parties", null, null, null);
        assertEquals(401, anonymous.status());
        assertTrue(anonymous.contentType(), anonymous.contentType().startsWith("application/problem+json"));
        assertEquals(401, send("GET", "/api/core/parties", null, "admin", "wrong").status());
        assertEquals(401, send("POST", "/api/core/parties", ACME, null, null).status());
        assertEquals(200, get("/api/core/parties").status());
    }

    @Test
    public void anInvalidTaxNumberIsRefusedNamingTheFieldAndWritesNothing() throws Exception {
        long before = get("/api/core/parties").json().get("total").asLong();
        Reply bad = post("/api/core/parties", "{\"kind\":\"ORGANIZATION\",\"name\":\"X\",\"taxNumber\":\"12\",\"roles\":[\"CUSTOMER\"]}");
        assertEquals(400, bad.status());
        assertTrue(bad.contentType().startsWith("application/problem+json"));
        assertEquals("taxNumber", bad.json().get("field").asText());
        assertEquals(before, get("/api/core/parties").json().get("total").asLong());

        Reply person = post("/api/core/parties", "{\"kind\":\"PERSON\",\"name\":\"Ali Veli\",\"taxNumber\":\"1234567890\"}");
        assertEquals("a VKN is not a TCKN", 400, person.status());
        assertEquals("taxNumber", person.json().get("field").asText());
    }

    @Test
    public void createsReadsUpdatesAndRefusesStaleVersions() throws Exception {
        Reply created = post("/api/core/parties", ACME.replace("1234567890", "1111111114"));
        assertEquals(created.body(), 201, created.status());
        JsonNode party = created.json();
        assertTrue(party.get("code").asText().matches("C-\\d{6}"));
        assertEquals("250000.00", party.get("creditLimit").asText());
        assertEquals("Bursa", party.get("addresses").get(0).get("city").asText());

        JsonNode byCode = get("/api/core/parties/" + party.get("code").asText()).json();
        assertEquals(party.get("id").asLong(), byCode.get("id").asLong());
        assertEquals("Ayşe Yılmaz", byCode.get("contacts").get(0).get("name").asText());

        long id = party.get("id").asLong();
        String update = ACME.replace("1234567890", "1111111114").replace("Acme Makina A.Ş.", "Acme Makina Sanayi A.Ş.")
            .replace("{\"kind\"", "{\"version\":" + party.get("version").asLong() + ",\"kind\"");
        Reply updated = put("/api/core/parties/" + id, update);
        assertEquals(updated.body(), 200, updated.status());
        assertEquals("Acme Makina Sanayi A.Ş.", updated.json().get("name").asText());
        assertTrue(updated.json().get("version").asLong() > party.get("version").asLong());

        Reply stale = put("/api/core/parties/" + id, update);
        assertEquals("the same version twice is stale the second time", 409, stale.status());
        assertEquals("Acme Makina Sanayi A.Ş.", get("/api/core/parties/" + id).json().get("name").asText());

        Reply duplicate = post("/api/core/parties", ACME.replace("1234567890", "1111111114"));
        assertEquals("same tax number twice", 409, duplicate.status());
    }

    @Test
    public void concurrentCreatorsOfOneTaxNumberLeaveExactlyOneParty() throws Exception {
        int clients = 8;
        java.util.concurrent.CyclicBarrier barrier = new java.util.concurrent.CyclicBarrier(clients);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(clients);
        java.util.List<java.util.concurrent.Future<Integer>> replies = new java.util.ArrayList<>();
        for (int i = 0; i < clients; i++) {
            int client = i;
            replies.add(pool.submit(() -> {
                barrier.await();
                return post("/api/core/parties", "{\"kind\":\"ORGANIZATION\",\"name\":\"Race " + client
                    + "\",\"taxNumber\":\"5554443334\"}").status();
            }));
        }
        java.util.Map<Integer, Integer> statuses = new java.util.TreeMap<>();
        for (java.util.concurrent.Future<Integer> reply : replies) {
            statuses.merge(reply.get(60, java.util.concurrent.TimeUnit.SECONDS), 1, Integer::sum);
        }
        pool.shutdown();
        assertEquals("one created, the others refused as conflicts: " + statuses, java.util.Map.of(201, 1, 409, clients - 1), statuses);
        assertEquals(1, get("/api/core/parties?taxNumber=5554443334").json().get("total").asLong());
    }

    @Test
    public void aPostWithAnIdempotencyKeyRunsOnce() throws Exception {
        String body = "{\"kind\":\"ORGANIZATION\",\"name\":\"Once Only Ltd\",\"taxNumber\":\"9876543217\"}";
        Reply first = postWithKey("create-once-1", body);
        Reply again = postWithKey("create-once-1", body);
        assertEquals(first.body(), 201, first.status());
        assertEquals(again.body(), 201, again.status());
        assertEquals("the same response", first.json().get("id").asLong(), again.json().get("id").asLong());
        assertEquals(1, get("/api/core/parties?q=once%20only").json().get("total").asLong());
        assertProblem(postWithKey("create-once-1", body.replace("Once Only", "Other")), 422, "Idempotency-Key");
        // The query is part of the request: the same key with another query is another request.
        assertProblem(postWithKey("/api/core/parties?ship=true", "create-once-1", body), 422, "Idempotency-Key");
        assertProblem(postWithKey("", body), 400, "Idempotency-Key");

        // Once a key has expired (idempotency.ttl.hours), it is a new request again.
        String later = "{\"kind\":\"PERSON\",\"name\":\"Expired Key\"}";
        long firstId = postWithKey("expires-1", later).json().get("id").asLong();
        assertEquals(firstId, postWithKey("expires-1", later).json().get("id").asLong());
        try (java.sql.Connection c = dataSource().getConnection(); java.sql.PreparedStatement expire = c.prepareStatement(
            "UPDATE KV_IDEMPOTENCY SET EXPIRES_AT = ? WHERE IDEM_KEY = 'expires-1'")) {
            expire.setTimestamp(1, java.sql.Timestamp.valueOf(java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).minusMinutes(1)));
            assertEquals(1, expire.executeUpdate());
        }
        Reply renewed = postWithKey("expires-1", later);
        assertEquals(renewed.body(), 201, renewed.status());
        assertTrue("an expired key runs the request again", renewed.json().get("id").asLong() != firstId);
        assertEquals(2, get("/api/core/parties?q=expired%20key").json().get("total").asLong());

        Reply invalid = postWithKey("create-bad-1", "{\"kind\":\"ORGANIZATION\",\"name\":\"Bad\",\"taxNumber\":\"12\"}");
        assertProblem(invalid, 400, "taxNumber");
        assertProblem(postWithKey("create-bad-1", "{\"kind\":\"ORGANIZATION\",\"name\":\"Bad\",\"taxNumber\":\"12\"}"), 400, "taxNumber");

        int clients = 6;
        java.util.concurrent.CyclicBarrier barrier = new java.util.concurrent.CyclicBarrier(clients);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(clients);
        java.util.List<java.util.concurrent.Future<Reply>> replies = new java.util.ArrayList<>();
        String concurrent = "{\"kind\":\"PERSON\",\"name\":\"Double Click\"}";
        for (int i = 0; i < clients; i++) {
            replies.add(pool.submit(() -> {
                barrier.await();
                return postWithKey("double-click-1", concurrent);
            }));
        }
        java.util.Set<Long> ids = new java.util.HashSet<>();
        for (java.util.concurrent.Future<Reply> reply : replies) {
            Reply r = reply.get(60, java.util.concurrent.TimeUnit.SECONDS);
            assertTrue(r.status() + " " + r.body(), r.status() == 201 || r.status() == 409);
            if (r.status() == 201) {
                ids.add(r.json().get("id").asLong());
            }
        }
        pool.shutdown();
        assertEquals("every 201 is the one record", 1, ids.size());
        assertEquals(1, get("/api/core/parties?q=double%20click").json().get("total").asLong());
    }

    private Reply postWithKey(String key, String body) throws Exception {
        return postWithKey("/api/core/parties", key, body);
    }

    private Reply postWithKey(String path, String key, String body) throws Exception {
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + restPort() + path))
            .header("Content-Type", "application/json").header("Idempotency-Key", key)
            .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build();
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
    }

    @Test
    public void aPartyInUseCannotBeDeleted() throws Exception {
        long companyParty = get("/api/core/companies").json().get("items").get(0).get("partyId").asLong();
        assertProblem(send("DELETE", "/api/core/parties/" + companyParty, null, "admin", ADMIN_PASSWORD), 409, null);
        assertEquals(200, get("/api/core/parties/" + companyParty).status());
        long scratch = post("/api/core/parties", "{\"kind\":\"PERSON\",\"name\":\"Temporary\"}").json().get("id").asLong();
        assertEquals(204, send("DELETE", "/api/core/parties/" + scratch, null, "admin", ADMIN_PASSWORD).status());
        assertEquals(404, get("/api/core/parties/" + scratch).status());
    }

    @Test
    public void clientMistakesAreFourHundredsNeverFiveHundreds() throws Exception {
        assertProblem(post("/api/core/parties", "{\"kind\":\"ORGANIZATION\",\"name\":"), 400, null);
        assertProblem(post("/api/core/parties", "{\"kind\":\"ORGANIZATION\",\"name\":\"X\",\"bogus\":1}"), 400, "bogus");
        assertProblem(post("/api/core/parties", "{\"kind\":\"ORGANIZATION\",\"name\":\"X\",\"paymentTermDays\":\"abc\"}"), 400, "paymentTermDays");
        assertProblem(post("/api/core/parties", "{\"kind\":\"SOMETHING\",\"name\":\"X\"}"), 400, "kind");
        assertProblem(post("/api/core/parties", "{\"kind\":\"ORGANIZATION\",\"name\":\"X\",\"roles\":[\"KING\"]}"), 400, "roles[0]");
        assertProblem(post("/api/core/parties", "{\"kind\":\"ORGANIZATION\",\"name\":\"X\",\"creditLimit\":-5}"), 400, "creditLimit");
        assertProblem(post("/api/core/parties", "{\"kind\":\"ORGANIZATION\",\"name\":\"X\",\"creditLimit\":1.001}"), 400, "creditLimit");
        assertProblem(post("/api/core/parties", "{\"kind\":\"ORGANIZATION\",\"name\":\"X\",\"currency\":\"XXX\"}"), 400, "currency");
        assertProblem(post("/api/core/parties", "{\"kind\":\"ORGANIZATION\",\"name\":\"" + "N".repeat(5000) + "\"}"), 400, "name");
        assertProblem(post("/api/core/parties", ""), 400, null);
        assertProblem(post("/api/core/parties", "[]"), 400, null);
        assertProblem(get("/api/core/parties?limit=abc"), 400, "limit");
        assertProblem(get("/api/core/parties?limit=100000"), 400, "limit");
        assertProblem(get("/api/core/parties?sort=password"), 400, "sort");
        assertProblem(get("/api/core/parties?role=KING"), 400, "role");
        assertProblem(get("/api/core/parties?colour=red"), 400, "colour");
        assertProblem(get("/api/core/parties/999999"), 404, null);
        assertProblem(get("/api/core/parties/'%20OR%201=1"), 404, null);
        assertProblem(put("/api/core/parties/abc", ACME), 404, null);
        assertProblem(put("/api/core/parties/999999", ACME.replace("{\"kind\"", "{\"version\":0,\"kind\"")), 404, null);
        assertProblem(get("/api/core/nothing-here"), 404, null);
        assertProblem(send("DELETE", "/api/core/companies", null, "admin", ADMIN_PASSWORD), 405, null);
    }

    @Test
    public void listsPageFilterAndSort() throws Exception {
        for (String name : new String[] {"Zeta Tekstil", "Alfa Gıda", "Beta Lojistik"}) {
            assertEquals(201, post("/api/core/parties", "{\"kind\":\"ORGANIZATION\",\"name\":\"" + name + "\",\"roles\":[\"SUPPLIER\"]}").status());
        }
        JsonNode suppliers = get("/api/core/parties?role=SUPPLIER&sort=name&limit=2").json();
        assertEquals(3, suppliers.get("total").asLong());
        assertEquals(2, suppliers.get("items").size());
        assertEquals("Alfa Gıda", suppliers.get("items").get(0).get("name").asText());
        JsonNode secondPage = get("/api/core/parties?role=SUPPLIER&sort=name&limit=2&offset=2").json();
        assertEquals("Zeta Tekstil", secondPage.get("items").get(0).get("name").asText());
        JsonNode descending = get("/api/core/parties?role=SUPPLIER&sort=-name").json();
        assertEquals("Zeta Tekstil", descending.get("items").get(0).get("name").asText());
        JsonNode search = get("/api/core/parties?q=lojist").json();
        assertEquals(1, search.get("total").asLong());
        assertEquals("Beta Lojistik", search.get("items").get(0).get("name").asText());
        JsonNode wildcard = get("/api/core/parties?q=%25").json();
        assertEquals("a % in q is text, not a wildcard", 0, wildcard.get("total").asLong());
    }

    @Test
    public void productsUnitsCurrenciesCompaniesAndNumbering() throws Exception {
        Reply product = post("/api/core/products", "{\"code\":\"VLV-100\",\"name\":\"Vana DN100\",\"type\":\"STOCKED\",\"unit\":\"PCS\","
            + "\"salesPrice\":1250.5,\"currency\":\"TRY\",\"standardCost\":800,\"vatRate\":20,\"barcode\":\"4006381333931\",\"category\":\"Vanalar\"}");
        assertEquals(product.body(), 201, product.status());
        assertEquals("1250.50", product.json().get("salesPrice").asText());
        assertTrue(product.json().get("active").asBoolean());
        assertProblem(post("/api/core/products", "{\"code\":\"VLV-100\",\"name\":\"Again\",\"type\":\"STOCKED\",\"unit\":\"PCS\"}"), 409, null);
        assertProblem(post("/api/core/products", "{\"code\":\"B-1\",\"name\":\"Bad\",\"type\":\"STOCKED\",\"unit\":\"PCS\",\"barcode\":\"4006381333932\"}"), 400, "barcode");
        assertProblem(post("/api/core/products", "{\"code\":\"B-2\",\"name\":\"Bad\",\"type\":\"STOCKED\",\"unit\":\"LIGHTYEAR\"}"), 400, "unit");
        assertEquals(1, get("/api/core/products?category=Vanalar").json().get("total").asLong());
        assertEquals(201, post("/api/core/products", "{\"code\":\"VLV-OLD\",\"name\":\"Vana eski\",\"type\":\"STOCKED\",\"unit\":\"PCS\","
            + "\"category\":\"Vanalar\",\"active\":false}").status());
        assertEquals("a boolean filter", List.of("VLV-100"), codes(get("/api/core/products?category=Vanalar&active=true")));
        assertEquals(List.of("VLV-OLD"), codes(get("/api/core/products?category=Vanalar&active=false")));
        assertProblem(get("/api/core/products?active=maybe"), 400, "active");

        assertEquals("2500", get("/api/core/units/convert?quantity=2.5&from=KG&to=G").json().get("result").asText());
        assertEquals(201, post("/api/core/units", "{\"code\":\"PACK\",\"name\":\"Pack\",\"decimals\":0}").status());
        assertEquals(201, post("/api/core/units/conversions", "{\"from\":\"BOX\",\"to\":\"PCS\",\"factor\":12}").status());
        assertEquals(201, post("/api/core/units/conversions", "{\"from\":\"PACK\",\"to\":\"BOX\",\"factor\":10}").status());
        assertEquals("chained PACK→BOX→PCS", "240", get("/api/core/units/convert?quantity=2&from=PACK&to=PCS").json().get("result").asText());
        assertProblem(get("/api/core/units/convert?quantity=1&from=KG&to=PCS"), 400, "to");

        assertEquals(200, post("/api/core/currencies/rates", "{\"from\":\"USD\",\"to\":\"TRY\",\"date\":\"2026-01-02\",\"rate\":30.5}").status());
        assertEquals(200, post("/api/core/currencies/rates", "{\"from\":\"USD\",\"to\":\"TRY\",\"date\":\"2026-06-01\",\"rate\":34}").status());
        JsonNode january = get("/api/core/currencies/convert?amount=100&from=USD&to=TRY&date=2026-03-15").json();
        assertEquals("3050.00", january.get("result").asText());
        assertEquals("2026-01-02", january.get("rateDate").asText());
        JsonNode inverse = get("/api/core/currencies/convert?amount=340&from=TRY&to=USD&date=2026-07-01").json();
        assertEquals("10.00", inverse.get("result").asText());
        assertProblem(get("/api/core/currencies/convert?amount=1&from=USD&to=TRY&date=2025-01-01"), 400, "date");
        assertProblem(get("/api/core/currencies/convert?amount=ten&from=USD&to=TRY"), 400, "amount");
        assertEquals(2, get("/api/core/currencies/USD/rates").json().size());
        assertEquals(200, post("/api/core/currencies/rates", "{\"from\":\"USD\",\"to\":\"TRY\",\"date\":\"2026-01-02\",\"rate\":31}").status());
        assertEquals("setting a day's rate again replaces it", "3100.00",
            get("/api/core/currencies/convert?amount=100&from=USD&to=TRY&date=2026-03-15").json().get("result").asText());
        assertEquals(2, get("/api/core/currencies/USD/rates").json().size());

        JsonNode companies = get("/api/core/companies").json();
        assertEquals("one company is created at first start", 1, companies.get("total").asInt());
        assertEquals("TRY", companies.get("items").get(0).get("baseCurrency").asText());

        // Short reference lists page and search like the others, in their own order.
        JsonNode euro = get("/api/core/currencies?q=eur&limit=1").json();
        assertEquals(1, euro.get("limit").asInt());
        assertTrue(euro.toString(), euro.get("total").asInt() >= 1 && euro.get("items").size() == 1);
        assertTrue(euro.toString(), euro.get("items").get(0).toString().toLowerCase().contains("eur"));
        JsonNode secondUnit = get("/api/core/units?offset=1&limit=1").json();
        assertEquals(get("/api/core/units").json().get("items").get(1), secondUnit.get("items").get(0));
        assertProblem(get("/api/core/units?sort=name"), 400, "sort");
        assertProblem(get("/api/core/units?colour=red"), 400, "colour");
        assertProblem(get("/api/core/currencies?limit=0"), 400, "limit");

        JsonNode series = get("/api/core/numbering?limit=500").json();
        assertTrue(series.toString().contains("\"SO\""));
        assertEquals(201, post("/api/core/numbering", "{\"code\":\"RMA\",\"prefix\":\"RMA\",\"yearly\":true,\"padding\":5,\"description\":\"Returns\"}").status());
        assertEquals(0, get("/api/core/numbering/RMA").json().get("lastNumber").asLong());
    }

    @Test
    public void consoleCommands() throws Exception {
        String modules = console("kovan:modules");
        String lastChangeSet = lastChangeSetOf("io.kovan.kernel.impl");
        assertTrue(modules, modules.lines().anyMatch(l -> l.startsWith("core ") && l.contains("/api/core") && l.contains(lastChangeSet)
            && l.contains("CURRENT")));

        String added = console("core:party-add --role CUSTOMER --tax-number 1234567890 --email satis@deniz.com.tr \"Deniz Gıda Ltd\"");
        assertTrue(added, added.matches("(?s)Created party C-\\d{6} \\(id \\d+\\): Deniz Gıda Ltd\\s*"));
        String code = added.replaceAll("(?s).*(C-\\d{6}).*", "$1");
        String list = console("core:party-list --role CUSTOMER");
        assertTrue(list, list.contains(code) && list.contains("Deniz Gıda Ltd"));
        String show = console("core:party-show " + code);
        assertTrue(show, show.contains("satis@deniz.com.tr") && show.contains("1234567890"));

        try {
            console("core:party-add --tax-number 12 \"Bad Ltd\"");
            fail("an invalid VKN must be refused");
        } catch (Exception e) {
            assertTrue(e.getMessage(), e.getMessage().contains("taxNumber"));
            assertFalse("one line: " + e.getMessage(), e.getMessage().contains("\n"));
        }
        try {
            console("core:party-show C-999999");
            fail("an unknown party must be refused");
        } catch (Exception e) {
            assertEquals("Party C-999999 does not exist", e.getMessage());
        }

        String product = console("core:product-add --price 99.90 --vat 10 --unit KG --category Kahve KHV-1 \"Türk Kahvesi 1 kg\"");
        assertTrue(product, product.contains("Created product KHV-1"));
        String products = console("core:product-list --category Kahve");
        assertTrue(products, products.contains("KHV-1") && products.contains("99.90") && products.contains("1 of 1 products"));
    }

    private static List<String> codes(Reply list) {
        assertEquals(list.body(), 200, list.status());
        List<String> codes = new java.util.ArrayList<>();
        list.json().get("items").forEach(i -> codes.add(i.get("code").asText()));
        return codes;
    }

    private static void assertProblem(Reply reply, int status, String field) {
        assertEquals(reply.body(), status, reply.status());
        assertTrue(reply.contentType() + " " + reply.body(), reply.contentType().startsWith("application/problem+json"));
        JsonNode problem = reply.json();
        assertEquals(status, problem.get("status").asInt());
        assertNotNull(problem.get("title"));
        if (field != null) {
            assertEquals(reply.body(), field, problem.get("field").asText());
        }
    }
}
