package io.kovan.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.JsonNode;

/** Every write of master data is audited with its changes, and tampering with the stored chain is detected. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class AuditIT extends KovanTestSupport {

    @Test
    public void writesAreAuditedAndATamperedEntryIsDetected() throws Exception {
        JsonNode created = post("/api/core/parties", "{\"kind\":\"ORGANIZATION\",\"name\":\"Audit Ltd\",\"email\":\"a@audit.com.tr\"}").json();
        long id = created.get("id").asLong();
        Reply updated = put("/api/core/parties/" + id, "{\"version\":" + created.get("version").asLong()
            + ",\"kind\":\"ORGANIZATION\",\"name\":\"Audit Ltd\",\"email\":\"b@audit.com.tr\"}");
        assertEquals(updated.body(), 200, updated.status());

        JsonNode history = get("/api/core/audit?entity=core.party&id=" + id).json();
        assertEquals(history.toString(), 2, history.size());
        assertEquals("created", history.get(0).get("action").asText());
        assertEquals("admin", history.get(0).get("user").asText());
        assertEquals("Audit Ltd", history.get(0).get("changes").get("name").get("after").asText());
        JsonNode change = history.get(1).get("changes");
        assertEquals("only what changed: " + change, 1, change.size());
        assertEquals("a@audit.com.tr", change.get("email").get("before").asText());
        assertEquals("b@audit.com.tr", change.get("email").get("after").asText());
        assertProblem400(get("/api/core/audit?entity=core.party"));
        String shown = console("kovan:audit-show core.party " + id);
        assertTrue(shown, shown.contains("email: a@audit.com.tr -> b@audit.com.tr") && shown.indexOf("created") < shown.indexOf("updated"));

        assertEquals(201, post("/api/core/units", "{\"code\":\"CRATE\",\"name\":\"Crate\",\"decimals\":0}").status());
        assertEquals(201, post("/api/core/currencies", "{\"code\":\"AUD\",\"name\":\"Australian dollar\",\"decimals\":2,\"active\":true}").status());
        assertEquals(200, post("/api/core/currencies/rates", "{\"from\":\"AUD\",\"to\":\"TRY\",\"date\":\"2026-11-02\",\"rate\":22.5}").status());
        assertEquals(200, post("/api/core/currencies/rates", "{\"from\":\"AUD\",\"to\":\"TRY\",\"date\":\"2026-11-02\",\"rate\":22.75}").status());
        assertEquals("Crate", get("/api/core/audit?entity=core.unit&id=CRATE").json().get(0).get("changes").get("name").get("after").asText());
        assertEquals("created", get("/api/core/audit?entity=core.currency&id=AUD").json().get(0).get("action").asText());
        JsonNode rate = get("/api/core/audit?entity=core.exchange-rate&id=AUD-TRY-2026-11-02").json();
        assertEquals(rate.toString(), List.of("created", "updated"), List.of(rate.get(0).get("action").asText(), rate.get(1).get("action").asText()));
        assertEquals(0, new java.math.BigDecimal("22.75").compareTo(new java.math.BigDecimal(rate.get(1).get("changes").get("rate").get("after").asText())));
        String events = console("kovan:events --limit 10");
        assertTrue(events, events.contains("core.unit.created") && events.contains("core.currency.created")
            && events.contains("core.exchange-rate.updated"));

        JsonNode intact = get("/api/core/audit/verify").json();
        assertTrue(intact.toString(), intact.get("intact").asBoolean());
        assertTrue("the first company at start is audited too", intact.get("checked").asLong() >= 3);
        assertTrue(console("kovan:audit-verify").contains("intact"));

        long tampered = history.get(1).get("sequence").asLong();
        String honestUser = history.get(1).get("user").asText();
        assertEquals(1, sqlUpdate("UPDATE KV_AUDIT SET USER_NAME = 'somebody-else' WHERE SEQ = " + tampered));
        JsonNode broken = get("/api/core/audit/verify").json();
        assertFalse(broken.get("intact").asBoolean());
        assertEquals(tampered, broken.get("firstBroken").asLong());
        String said = console("kovan:audit-verify");
        assertTrue(said, said.contains("BROKEN at entry " + tampered));

        // Put the entry back as it was: the chain is whole again. Then take one away.
        assertEquals(1, sqlUpdate("UPDATE KV_AUDIT SET USER_NAME = '" + honestUser + "' WHERE SEQ = " + tampered));
        assertTrue(get("/api/core/audit/verify").json().get("intact").asBoolean());
        assertEquals(1, sqlUpdate("DELETE FROM KV_AUDIT WHERE SEQ = " + tampered));
        JsonNode gap = get("/api/core/audit/verify").json();
        assertFalse("a deleted entry is found: " + gap, gap.get("intact").asBoolean());
        assertEquals(gap.toString(), tampered, gap.get("firstBroken").asLong());
    }

    private static void assertProblem400(Reply reply) {
        assertEquals(reply.body(), 400, reply.status());
        assertEquals("id", reply.json().get("field").asText());
    }
}
