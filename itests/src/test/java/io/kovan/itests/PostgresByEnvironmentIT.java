package io.kovan.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.junit.After;
import org.junit.Assume;
import org.junit.Test;

/**
 * PostgreSQL by configuration alone: the unchanged distribution, started by {@code ./kovan} with
 * only {@code KOVAN_DB_URL}, {@code KOVAN_DB_USER} and {@code KOVAN_DB_PASSWORD} set, creates its
 * schema in, and writes to, a database of this test's own, which is dropped afterwards. A second
 * node on the same database then sees the first one's changes of master data it keeps in memory.
 */
public class PostgresByEnvironmentIT {

    private static final String SERVER = PostgresPersistenceIT.SERVER;
    private static final String USER = PostgresPersistenceIT.USER;

    private KovanScript script;
    private KovanScript secondNode;
    private String database;

    @Test
    public void runsOnPostgresqlWhenTheEnvironmentSaysSo() throws Exception {
        database = "kovan_env_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", USER, ""); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            System.out.println("\n*** PostgreSQL is not reachable at 127.0.0.1:5432 (" + e.getMessage() + "): SKIPPING " + getClass().getSimpleName() + " ***\n");
            database = null;
            Assume.assumeTrue("PostgreSQL is not reachable", false);
        }
        script = start("pg-env-var", "pg-env-Secret");

        HttpResponse<String> created = script.call("pg-env-Secret", "POST", "/api/core/parties",
            "{\"kind\":\"ORGANIZATION\",\"name\":\"Postgres Ltd\",\"taxNumber\":\"1234567890\"}");
        assertEquals(created.body(), 201, created.statusCode());

        try (Connection c = DriverManager.getConnection(SERVER + database, USER, ""); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM kv_party WHERE tax_number = '1234567890'")) {
            assertTrue(rs.next());
            assertEquals("the party is in PostgreSQL, not in a Derby file", 1, rs.getInt(1));
        }
        assertTrue(script.kovan("client", "kovan:modules").matches("(?s).*core +\\| .*\\| core-\\d{3}-[a-z-]+ +\\| CURRENT .*"));
        assertTrue("no Derby database was created", !java.nio.file.Files.exists(
            java.nio.file.Path.of(script.environment.get("KOVAN_VAR"), "kovan", "data", "derby")));

        secondNode = start("pg-env-var-b", "pg-env-Secret-b");
        String party = "/api/core/parties/" + KovanTestSupport.JSON.readTree(created.body()).get("id").asLong();
        assertEquals("Postgres Ltd", name(secondNode, "pg-env-Secret-b", party));

        com.fasterxml.jackson.databind.node.ObjectNode renamed = (com.fasterxml.jackson.databind.node.ObjectNode) KovanTestSupport.JSON
            .readTree(script.call("pg-env-Secret", "GET", party, null).body());
        renamed.put("name", "Postgres Renamed Ltd");
        HttpResponse<String> updated = script.call("pg-env-Secret", "PUT", party, renamed.toString());
        assertEquals(updated.body(), 200, updated.statusCode());
        assertEquals("the second node answers the first one's committed rename at once", "Postgres Renamed Ltd",
            name(secondNode, "pg-env-Secret-b", party));

        // Written behind Kovan's back, without raising the party region's counter: the node keeps answering from memory...
        try (Connection c = DriverManager.getConnection(SERVER + database, USER, ""); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE kv_party SET name = 'Behind Its Back' WHERE tax_number = '1234567890'");
            assertEquals("Postgres Renamed Ltd", name(secondNode, "pg-env-Secret-b", party));
            // ... until the counter says the region changed.
            s.executeUpdate("UPDATE kv_cache_signal SET version = version + 1");
        }
        assertEquals("Behind Its Back", name(secondNode, "pg-env-Secret-b", party));
        assertEquals("Behind Its Back", name(script, "pg-env-Secret", party));
    }

    /** Starts an instance on this test's database, by environment alone. */
    private KovanScript start(String instance, String adminPassword) throws Exception {
        KovanScript node = new KovanScript(instance);
        node.environment.put("KOVAN_DB_URL", SERVER + database);
        node.environment.put("KOVAN_DB_USER", USER);
        node.environment.put("KOVAN_DB_PASSWORD", "unused-with-trust-auth");
        node.environment.put("KOVAN_ADMIN_PASSWORD", adminPassword);
        node.kovan("start");
        return node;
    }

    private static String name(KovanScript node, String password, String path) throws Exception {
        HttpResponse<String> reply = node.call(password, "GET", path, null);
        assertEquals(reply.body(), 200, reply.statusCode());
        return KovanTestSupport.JSON.readTree(reply.body()).get("name").asText();
    }

    @After
    public void cleanUp() throws Exception {
        for (KovanScript node : new KovanScript[] {script, secondNode}) {
            if (node != null) {
                node.kovan("stop");
            }
        }
        if (database != null) {
            try (Connection c = DriverManager.getConnection(SERVER + "postgres", USER, ""); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        }
    }
}
