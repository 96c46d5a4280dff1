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
 * schema in, and writes to, a database of this test's own, which is dropped afterwards.
 */
public class PostgresByEnvironmentIT {

    private static final String SERVER = PostgresPersistenceIT.SERVER;
    private static final String USER = PostgresPersistenceIT.USER;

    private KovanScript script;
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
        script = new KovanScript("pg-env-var");
        script.environment.put("KOVAN_DB_URL", SERVER + database);
        script.environment.put("KOVAN_DB_USER", USER);
        script.environment.put("KOVAN_DB_PASSWORD", "unused-with-trust-auth");
        script.environment.put("KOVAN_ADMIN_PASSWORD", "pg-env-Secret");
        script.kovan("start");

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
    }

    @After
    public void cleanUp() throws Exception {
        if (script != null) {
            script.kovan("stop");
        }
        if (database != null) {
            try (Connection c = DriverManager.getConnection(SERVER + "postgres", USER, ""); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        }
    }
}
