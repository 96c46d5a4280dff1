package io.kovan.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.After;
import org.junit.Assume;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Crash (issue 7): the real distribution, started with {@code ./kovan}, is killed with SIGKILL at
 * a random moment while clients run order-to-cash chains; before it starts again, its database is
 * read as it was left: every invariant holds and every document a client was told exists is
 * there, with the number it was given. Then it starts again and serves, its audit chain intact.
 * On embedded Derby and on PostgreSQL (skipped, loudly, where none answers). Size:
 * {@code -Dkovan.reliability.crashes} (3 per database).
 */
public class CrashIT {

    private static final String PASSWORD = "crash-Secret-12";
    private static final int CRASHES = Integer.getInteger("kovan.reliability.crashes", 3);
    private static final int CLIENTS = 8;

    private KovanScript kovan;
    private String postgresDatabase;

    @Test
    public void onDerbyNothingAcknowledgedIsLostToAKill() throws Exception {
        kovan = new KovanScript("crash-derby");
        Path database = Path.of(kovan.environment.get("KOVAN_VAR"), "kovan", "data", "derby", "kovan");
        System.setProperty("derby.stream.error.file", Path.of("target", "crash-derby.log").toAbsolutePath().toString());
                // As Kovan's data source connects (its user names the schema its tables are in).
        crashRepeatedly("Derby", () -> DriverManager.getConnection("jdbc:derby:" + database, "kovan", "kovan"), () -> {
            try {
                DriverManager.getConnection("jdbc:derby:" + database + ";shutdown=true").close();
            } catch (SQLException shutDown) {
                // 08006: the database was shut down, as asked; Kovan may open it again
                if (!"08006".equals(shutDown.getSQLState())) {
                    throw shutDown;
                }
            }
        });
    }

    @Test
    public void onPostgresNothingAcknowledgedIsLostToAKill() throws Exception {
        String name = "kovan_crash_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(PostgresPersistenceIT.SERVER + "postgres", PostgresPersistenceIT.USER, "");
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
            postgresDatabase = name;
        } catch (SQLException e) {
            System.out.println("\n*** PostgreSQL is not reachable at 127.0.0.1:5432 (" + e.getMessage() + "): SKIPPING the PostgreSQL crash test ***\n");
            Assume.assumeTrue("PostgreSQL is not reachable at 127.0.0.1:5432", false);
        }
        kovan = new KovanScript("crash-postgres");
        kovan.environment.put("KOVAN_DB_URL", PostgresPersistenceIT.SERVER + name);
        kovan.environment.put("KOVAN_DB_USER", PostgresPersistenceIT.USER);
        kovan.environment.put("KOVAN_DB_PASSWORD", "");
        crashRepeatedly("PostgreSQL", () -> DriverManager.getConnection(PostgresPersistenceIT.SERVER + name, PostgresPersistenceIT.USER, ""), () -> {
        });
    }

    /** Opens the database of a stopped instance. */
    @FunctionalInterface
    private interface Database {
        Connection open() throws SQLException;
    }

    @FunctionalInterface
    private interface Release {
        void run() throws SQLException;
    }

    private void crashRepeatedly(String name, Database database, Release release) throws Exception {
        kovan.environment.put("KOVAN_ADMIN_PASSWORD", PASSWORD);
        kovan.kovan("start");
        kovan.kovan("client", "feature:install kovan-inventory kovan-sales kovan-finance");
        awaitModules();
        OrderToCash o2c = new OrderToCash(this::call);
        List<Long> customers = new ArrayList<>();
        List<Long> products = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            customers.add(o2c.customer("Crash customer " + i));
        }
        Map<Long, Integer> stock = new TreeMap<>();
        for (int i = 0; i < 5; i++) {
            products.add(o2c.product("CRASH-" + i, String.valueOf(30 + i), "7.50"));
            stock.put(products.get(i), 60);
        }
        o2c.receive(stock, "7.50");
        long checked = 0;
        List<String> violations = new ArrayList<>();
        for (int crash = 1; crash <= CRASHES; crash++) {
            AtomicBoolean stop = new AtomicBoolean();
            Thread load = new Thread(() -> {
                try {
                    o2c.load(CLIENTS, 600, customers, products, true, stop);
                } catch (Exception e) {
                    o2c.violations.add("load failed: " + e);
                }
            }, "load");
            load.start();
            Thread.sleep(ThreadLocalRandom.current().nextLong(3_000, 9_000));
            ProcessHandle karaf = karaf();
            karaf.destroyForcibly();
            assertTrue("the killed JVM is gone", karaf.onExit().get(30, TimeUnit.SECONDS) != null);
            stop.set(true);
            load.join(60_000);
            try (Connection c = database.open()) {
                Invariants.Report report = Invariants.check(c);
                checked += report.checked();
                violations.addAll(report.violations());
                violations.addAll(missing(c, o2c.acknowledged));
            } finally {
                release.run();
            }
            kovan.kovan("start");
            awaitModules();
            JsonNode audit = KovanTestSupport.JSON.readTree(call("GET", "/api/core/audit/verify", null).body());
            if (!audit.path("intact").asBoolean()) {
                violations.add("after crash " + crash + " the audit chain is broken: " + audit);
            }
        }
        System.out.printf("reliability, crash (%s): %d SIGKILLs under %d clients, %d requests %s, %d acknowledged documents looked up, "
            + "invariants checked %d, violations %d%n", name, CRASHES, CLIENTS, o2c.requests(), o2c.statuses, o2c.acknowledged.size(), checked,
            violations.size() + o2c.violations.size());
        System.out.println("  refused: " + o2c.refusedBecause);
        assertEquals("answers during the load", List.of(), o2c.violations);
        assertEquals("after the crashes", List.of(), violations);
        assertTrue("documents were acknowledged: " + o2c.acknowledged.size(), o2c.acknowledged.size() > CRASHES * 10);
        // The restarted instance still takes the whole chain.
        o2c.chain(customers.get(0), Map.of(products.get(0), 1), OrderToCash.Shape.PAID);
    }

    /** Where each kind of acknowledged document lives, and the states it may have once acknowledged. */
    private static final Map<String, String[]> TABLES = Map.of(
        "sales.quote", new String[] {"KV_SALES_QUOTE"},
        "sales.order", new String[] {"KV_SALES_ORDER"},
        "sales.shipment", new String[] {"KV_SALES_SHIPMENT", "shipped"},
        "sales.return", new String[] {"KV_SALES_RETURN"},
        "inventory.receipt", new String[] {"KV_INV_DOCUMENT", "posted"},
        "finance.invoice", new String[] {"KV_FIN_INVOICE", "posted", "paid"},
        "finance.payment", new String[] {"KV_FIN_PAYMENT"});

    /** The acknowledged documents the database does not hold as they were acknowledged. */
    private static List<String> missing(Connection c, List<OrderToCash.Acknowledged> acknowledged) throws SQLException {
        List<String> missing = new ArrayList<>();
        synchronized (acknowledged) {
            for (OrderToCash.Acknowledged a : acknowledged) {
                String[] where = TABLES.get(a.kind());
                try (PreparedStatement s = c.prepareStatement("SELECT DOC_NUMBER, STATE FROM " + where[0] + " WHERE ID = ?")) {
                    s.setLong(1, a.id());
                    try (ResultSet r = s.executeQuery()) {
                        if (!r.next()) {
                            missing.add(a + " is gone");
                        } else if (a.number() != null && !a.number().equals(r.getString(1))) {
                            missing.add(a + " now has the number " + r.getString(1));
                        } else if (where.length > 1 && !List.of(where).subList(1, where.length).contains(r.getString(2))) {
                            missing.add(a + " is " + r.getString(2));
                        }
                    }
                }
            }
        }
        return missing;
    }

    /** The instance's Karaf JVM: the process whose command line names its home as karaf.base. */
    private ProcessHandle karaf() {
        String base = "-Dkaraf.base=" + Path.of(kovan.environment.get("KOVAN_VAR"), "kovan");
        return ProcessHandle.allProcesses()
            .filter(p -> p.info().commandLine().map(line -> line.contains(base + " ") || line.endsWith(base)).orElse(false))
            .findFirst().orElseThrow(() -> new AssertionError("no running Kovan with " + base));
    }

    /**
     * After a start the modules' REST applications come up one by one: wait for each the load uses,
     * until all of them answer twice, 2 s apart. Once (CI, 2026-12-03) sales answered, then its
     * application was gone for a moment ("No service was found", 404) after finance came up; the
     * cause (a refresh of the sales bundle at boot?) is not yet known and is on issue 7.
     */
    private void awaitModules() throws Exception {
        List<String> paths = List.of("/api/inventory/warehouses", "/api/sales/quotes", "/api/finance/accounts");
        for (int stable = 0, round = 0; stable < 2; round++) {
            if (round == 20) {
                throw new AssertionError("the modules' REST applications did not stay up for 4 s: " + paths);
            }
            for (String path : paths) {
                awaitServing(path);
            }
            Thread.sleep(2000);
            boolean all = true;
            for (String path : paths) {
                all &= call("GET", path, null).status() == 200;
            }
            stable = all ? stable + 1 : 0;
        }
    }

    private void awaitServing(String path) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            try {
                if (call("GET", path, null).status() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError(path + " did not answer 200 within 120 s");
    }

    private KovanTestSupport.Reply call(String method, String path, String body) throws Exception {
        java.net.http.HttpResponse<String> response = kovan.call(PASSWORD, method, path, body);
        return new KovanTestSupport.Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
    }

    @After
    public void stop() throws Exception {
        if (kovan != null) {
            kovan.kovan("stop");
        }
        if (postgresDatabase != null) {
            try (Connection c = DriverManager.getConnection(PostgresPersistenceIT.SERVER + "postgres", PostgresPersistenceIT.USER, "");
                 Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + postgresDatabase + " WITH (FORCE)");
            }
        }
    }
}
