package io.kovan.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.sql.Connection;
import java.sql.Statement;

import javax.sql.DataSource;

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

        JsonNode intact = get("/api/core/audit/verify").json();
        assertTrue(intact.toString(), intact.get("intact").asBoolean());
        assertTrue("the first company at start is audited too", intact.get("checked").asLong() >= 3);
        assertTrue(console("kovan:audit-verify").contains("intact"));

        long tampered = history.get(1).get("sequence").asLong();
        DataSource database = (DataSource) bundleContext.getService(bundleContext.getServiceReferences(DataSource.class,
            "(osgi.jndi.service.name=kovan)").iterator().next());
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            assertEquals(1, s.executeUpdate("UPDATE KV_AUDIT SET USER_NAME = 'somebody-else' WHERE SEQ = " + tampered));
        }
        JsonNode broken = get("/api/core/audit/verify").json();
        assertFalse(broken.get("intact").asBoolean());
        assertEquals(tampered, broken.get("firstBroken").asLong());
        String said = console("kovan:audit-verify");
        assertTrue(said, said.contains("BROKEN at entry " + tampered));
    }

    private static void assertProblem400(Reply reply) {
        assertEquals(reply.body(), 400, reply.status());
        assertEquals("id", reply.json().get("field").asText());
    }
}
