package io.kovan.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.MethodSorters;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The reliability suite's load scenarios (issue 7), on embedded Derby: clients running mixed
 * order-to-cash chains on shared products with scarce stock, then the same while a module the
 * load does not use leaves and comes back. After each, the database's invariants
 * ({@link Invariants}). Sizes: {@code -Dkovan.reliability.clients} (16) and
 * {@code -Dkovan.reliability.seconds} (30).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class ReliabilityIT extends KovanTestSupport {

    private static final int CLIENTS = Integer.getInteger("kovan.reliability.clients", 16);
    private static final int SECONDS = Integer.getInteger("kovan.reliability.seconds", 30);

    private final OrderToCash o2c = new OrderToCash((method, path, body) -> send(method, path, body, "admin", ADMIN_PASSWORD));
    private final List<Long> customers = new ArrayList<>();
    private final List<Long> products = new ArrayList<>();

    @Test
    public void a1_mixedChainsOnScarceStockBreakNoInvariant() throws Exception {
        seed("mix");
        long chains = o2c.load(CLIENTS, SECONDS, customers, products, false, new AtomicBoolean());
        Invariants.Report report = invariants();
        System.out.printf("reliability, mixed load (%s): %d clients for %d s, %d chains, %d requests %s, %d refusals (409), invariants checked %d, "
            + "violations %d%n", database(), CLIENTS, SECONDS, chains, o2c.requests(), o2c.statuses, o2c.refusals(), report.checked(),
            o2c.violations.size() + report.violations().size());
        System.out.println("  refused: " + o2c.refusedBecause);
        assertEquals("answers other than a success or a clear 409", List.of(), o2c.violations);
        assertEquals("invariants", List.of(), report.violations());
        assertTrue("the load ran: " + chains + " chains", chains >= CLIENTS);
    }

    @Test
    public void b1_aModuleTheLoadDoesNotUseComesAndGoesWithoutAFailedRequest() throws Exception {
        installModule("kovan-crm", "/api/crm/leads");
        seed("redeploy");
        AtomicBoolean done = new AtomicBoolean();
        int redeploys = 3;
        Thread administrator = new Thread(() -> {
            try {
                for (int i = 0; i < redeploys; i++) {
                    console("feature:uninstall kovan-crm");
                    awaitStatus("/api/crm/leads", 404);
                    installModule("kovan-crm", "/api/crm/leads");
                }
            } catch (Exception e) {
                o2c.violations.add("redeploy failed: " + e);
            } finally {
                done.set(true);
            }
        }, "administrator");
        administrator.start();
        long chains = o2c.load(Math.max(4, CLIENTS / 2), 600, customers, products, false, done);
        administrator.join();
        Invariants.Report report = invariants();
        System.out.printf("reliability, hot redeploy under load (%s): kovan-crm uninstalled and installed %d times, %d chains, %d requests %s, "
            + "invariants checked %d, violations %d%n", database(), redeploys, chains, o2c.requests(), o2c.statuses, report.checked(),
            o2c.violations.size() + report.violations().size());
        assertEquals(List.of(), o2c.violations);
        assertEquals(List.of(), report.violations());
        assertTrue("requests ran meanwhile: " + o2c.requests(), o2c.requests() > 50);
    }

    /** Four shared customers and six products with 30 pieces each: scarce for the clients. */
    private void seed(String run) throws Exception {
        installModule("kovan-inventory", "/api/inventory/warehouses");
        installModule("kovan-sales", "/api/sales/quotes");
        installModule("kovan-finance", "/api/finance/accounts");
        for (int i = 0; i < 4; i++) {
            customers.add(o2c.customer("Reliability " + run + " customer " + i));
        }
        Map<Long, Integer> stock = new java.util.TreeMap<>();
        for (int i = 0; i < 6; i++) {
            long product = o2c.product("REL-" + run.toUpperCase(java.util.Locale.ROOT) + "-" + i, String.valueOf(20 + i), "7.50");
            products.add(product);
            stock.put(product, 30);
        }
        o2c.receive(stock, "7.50");
    }

    private Invariants.Report invariants() throws Exception {
        try (Connection c = dataSource().getConnection()) {
            return Invariants.check(c);
        }
    }

    protected String database() {
        return "Derby";
    }
}
