package io.kovan.bench;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Seeds opportunities straight into a running Kovan's PostgreSQL database (the CRM's table, as
 * its changelog made it) and times the funnel report over REST. Prints the seeding rate, the
 * report's latency (min, median, p95, max over the timed runs) and the report's totals, so a
 * reader can see that it counted every row.
 *
 * <pre>
 * java -cp bench/target/kovan-bench-*.jar:bench/target/lib/* io.kovan.bench.FunnelBench \
 *   --api http://localhost:8181/api --user admin --password … \
 *   --jdbc jdbc:postgresql://127.0.0.1:5432/kovan --db-user postgres --opportunities 100000
 * </pre>
 */
public final class FunnelBench {

    private static final String[][] STAGES = {{"new", "10"}, {"qualified", "20"}, {"proposal", "30"}, {"negotiation", "40"}};

    public static void main(String[] args) throws Exception {
        Map<String, String> o = Rest.options(args, "password", "jdbc");
        Rest rest = new Rest(o.getOrDefault("api", "http://localhost:8181/api"), o.getOrDefault("user", "admin"), o.get("password"));
        int count = Integer.parseInt(o.getOrDefault("opportunities", "100000"));
        int warmup = Integer.parseInt(o.getOrDefault("warmup", "10"));
        int runs = Integer.parseInt(o.getOrDefault("runs", "50"));

        JsonNode party = rest.json("POST", "/core/parties", "{\"kind\":\"ORGANIZATION\",\"name\":\"Bench customer\"}");
        long partyId = party.get("id").asLong();
        try (Connection db = DriverManager.getConnection(o.get("jdbc"), o.getOrDefault("db-user", "postgres"), o.getOrDefault("db-password", ""))) {
            long started = System.nanoTime();
            int seeded = seed(db, count, partyId);
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("seeded %,d opportunities in %.1f s (%,.0f rows/s)%n", seeded, seconds, seeded / seconds);
            try (Statement analyze = db.createStatement()) {
                analyze.execute("ANALYZE KV_CRM_OPPORTUNITY");
            }
            try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("SELECT COUNT(*) FROM KV_CRM_OPPORTUNITY")) {
                r.next();
                System.out.printf("opportunities in the table: %,d%n", r.getLong(1));
            }
        }

        String url = "/crm/reports/funnel";
        for (int i = 0; i < warmup; i++) {
            rest.send("GET", url, null);
        }
        List<Double> millis = new ArrayList<>();
        String last = null;
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            last = rest.send("GET", url, null);
            millis.add((System.nanoTime() - t) / 1e6);
        }
        Collections.sort(millis);
        JsonNode funnel = Rest.JSON.readTree(last);
        System.out.printf("funnel over %,d opportunities, %d runs after %d warm-up: min %.1f ms, median %.1f ms, p95 %.1f ms, max %.1f ms%n",
            funnel.get("opportunities").asLong(), runs, warmup, millis.get(0), millis.get(millis.size() / 2),
            millis.get((int) Math.ceil(millis.size() * 0.95) - 1), millis.get(millis.size() - 1));
        System.out.printf("  open %,d, won %,d, lost %,d, weighted pipeline %s %s%n", funnel.get("open").asLong(), funnel.get("won").asLong(),
            funnel.get("lost").asLong(), funnel.get("weightedPipeline").decimalValue(), funnel.get("currency").asText());
    }

    /** Opportunities spread over the stages (a fixed seed, so every run seeds the same), created over the last year. */
    private static int seed(Connection db, int count, long partyId) throws Exception {
        db.setAutoCommit(false);
        Random random = new Random(42);
        LocalDate today = LocalDate.now();
        String sql = "INSERT INTO KV_CRM_OPPORTUNITY (OPP_NUMBER, NAME, PARTY_ID, SOURCE, STAGE, REACHED_SEQ, EXPECTED_REVENUE, CURRENCY,"
            + " OWNER, LOST_REASON, CLOSED_ON, CREATED_ON, CREATED_AT, VERSION) VALUES (?, ?, ?, ?, ?, ?, ?, 'TRY', ?, ?, ?, ?, ?, 1)";
        try (PreparedStatement insert = db.prepareStatement(sql)) {
            for (int i = 1; i <= count; i++) {
                int reached = random.nextInt(4);
                double fate = random.nextDouble();
                String stage = fate < 0.2 ? "won" : fate < 0.45 ? "lost" : STAGES[reached][0];
                LocalDate created = today.minusDays(random.nextInt(365));
                insert.setString(1, String.format("BENCH-%07d", i));
                insert.setString(2, "Bench deal " + i);
                insert.setLong(3, partyId);
                insert.setString(4, new String[] {"web", "fair", "referral", "partner"}[random.nextInt(4)]);
                insert.setString(5, stage);
                insert.setInt(6, stage.equals("won") ? 40 : Integer.parseInt(STAGES[reached][1]));
                insert.setBigDecimal(7, BigDecimal.valueOf(1000 + random.nextInt(500_000)).setScale(2));
                insert.setString(8, "rep" + random.nextInt(20));
                insert.setString(9, stage.equals("lost") ? new String[] {"price", "competitor", "timing"}[random.nextInt(3)] : null);
                insert.setObject(10, stage.equals("won") || stage.equals("lost") ? created.plusDays(random.nextInt(30)) : null);
                insert.setObject(11, created);
                insert.setTimestamp(12, Timestamp.valueOf(created.atStartOfDay()));
                insert.addBatch();
                if (i % 1000 == 0) {
                    insert.executeBatch();
                    db.commit();
                }
            }
            insert.executeBatch();
            db.commit();
        }
        return count;
    }
}
