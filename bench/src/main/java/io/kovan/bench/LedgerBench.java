package io.kovan.bench;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The finance reports benchmark (issue 6): seeds a running Kovan's PostgreSQL database with posted
 * journal entries through JDBC (four lines each: an invoice's receivable, revenue and VAT, or a
 * collection and a cost-of-goods posting, spread over the last year), then times the trial
 * balance and the income statement of that year over REST. Prints the seeding rate and the
 * report times; the target is under 300 ms for each.
 */
public final class LedgerBench {

    public static void main(String[] args) throws Exception {
        Map<String, String> o = Rest.options(args, "password", "jdbc");
        Rest rest = new Rest(o.getOrDefault("api", "http://localhost:8181/api"), o.getOrDefault("user", "admin"), o.get("password"));
        int lines = Integer.parseInt(o.getOrDefault("lines", "1000000"));
        int warmup = Integer.parseInt(o.getOrDefault("warmup", "5"));
        int runs = Integer.parseInt(o.getOrDefault("runs", "30"));
        LocalDate today = LocalDate.now();
        try (Connection db = DriverManager.getConnection(o.get("jdbc"), o.getOrDefault("db-user", "postgres"), o.getOrDefault("db-password", ""))) {
            db.setAutoCommit(false);
            long started = System.nanoTime();
            int seeded = seed(db, lines, today);
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("seeded %,d journal lines in %.1f s (%,.0f lines/s)%n", seeded, seconds, seeded / seconds);
            // What autovacuum does to a table this size on its own, at once: statistics, and the visibility map index-only scans need.
            db.setAutoCommit(true);
            try (Statement s = db.createStatement()) {
                s.execute("VACUUM ANALYZE KV_FIN_ENTRY");
                s.execute("VACUUM ANALYZE KV_FIN_ENTRY_LINE");
            }
        }
        String from = today.minusYears(1).plusDays(1).toString();
        time(rest, "trial balance", "/finance/reports/trial-balance?from=" + from + "&to=" + today, warmup, runs, r -> {
            JsonNode tb = r;
            return "debits " + tb.get("totalDebit").decimalValue().toPlainString() + " = credits " + tb.get("totalCredit").decimalValue().toPlainString()
                + ": " + (tb.get("balanced").asBoolean() ? "balanced" : "NOT BALANCED") + ", " + tb.get("rows").size() + " accounts";
        });
        time(rest, "income statement", "/finance/reports/income-statement?from=" + from + "&to=" + today, warmup, runs,
            r -> "net profit " + r.get("totals").get("NET_PROFIT").decimalValue().toPlainString() + " " + r.get("currency").asText());
    }

    private interface Summary {
        String of(JsonNode report);
    }

    private static void time(Rest rest, String name, String url, int warmup, int runs, Summary summary) throws Exception {
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
        System.out.printf("%s, %d runs after %d warm-up: min %.1f ms, median %.1f ms, p95 %.1f ms, max %.1f ms; %s%n", name, runs, warmup,
            millis.get(0), millis.get(millis.size() / 2), millis.get((int) Math.ceil(millis.size() * 0.95) - 1), millis.get(millis.size() - 1),
            summary.of(Rest.JSON.readTree(last)));
    }

    /** Entries of four lines each, alternating an invoice (120 / 600 + 600 + 391) and a collection with its goods' cost (100 / 120, 621 / 153). */
    private static int seed(Connection db, int lines, LocalDate today) throws Exception {
        Map<String, Long> accounts = new HashMap<>();
        long company;
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("SELECT ID, CODE, COMPANY_ID FROM KV_FIN_ACCOUNT")) {
            company = 0;
            while (r.next()) {
                accounts.put(r.getString(2), r.getLong(1));
                company = r.getLong(3);
            }
        }
        Random random = new Random(42);
        int entries = lines / 4;
        int batch = 1000;
        int written = 0;
        Timestamp now = new Timestamp(System.currentTimeMillis());
        try (PreparedStatement line = db.prepareStatement("INSERT INTO KV_FIN_ENTRY_LINE (ENTRY_ID, LINE_NO, COMPANY_ID, ACCOUNT_ID, PARTY_ID, PURPOSE, "
            + "DEBIT, CREDIT, BASE_DEBIT, BASE_CREDIT, ENTRY_DATE, POSTED) VALUES (?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, 1)")) {
            for (int start = 0; start < entries; start += batch) {
                int n = Math.min(batch, entries - start);
                StringBuilder sql = new StringBuilder("INSERT INTO KV_FIN_ENTRY (COMPANY_ID, DOC_NUMBER, STATE, ENTRY_DATE, CURRENCY, EXCHANGE_RATE, TOTAL_DEBIT, "
                    + "TOTAL_CREDIT, SOURCE_TYPE, POSTED_AT, CREATED_AT, VERSION) VALUES ");
                List<LocalDate> dates = new ArrayList<>();
                List<BigDecimal> nets = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    LocalDate date = today.minusDays(random.nextInt(365));
                    BigDecimal net = BigDecimal.valueOf(1000 + random.nextInt(900000), 2);
                    dates.add(date);
                    nets.add(net);
                    BigDecimal total = net.add(net.multiply(new BigDecimal("0.2")).setScale(2, java.math.RoundingMode.HALF_UP));
                    sql.append(i == 0 ? "" : ", ").append("(").append(company).append(", 'BENCH-").append(start + i).append("', 'posted', DATE '").append(date)
                        .append("', 'TRY', 1, ").append(total.toPlainString()).append(", ").append(total.toPlainString()).append(", 'bench', TIMESTAMP '")
                        .append(now).append("', TIMESTAMP '").append(now).append("', 1)");
                }
                sql.append(" RETURNING ID");
                List<Long> ids = new ArrayList<>();
                try (Statement s = db.createStatement(); ResultSet r = s.executeQuery(sql.toString())) {
                    while (r.next()) {
                        ids.add(r.getLong(1));
                    }
                }
                for (int i = 0; i < n; i++) {
                    BigDecimal net = nets.get(i);
                    BigDecimal vat = net.multiply(new BigDecimal("0.2")).setScale(2, java.math.RoundingMode.HALF_UP);
                    BigDecimal total = net.add(vat);
                    boolean invoice = (start + i) % 2 == 0;
                    if (invoice) {
                        // Two revenue lines (two products), one rate of VAT, the customer's receivable.
                        BigDecimal first = net.divide(new BigDecimal("3"), 2, java.math.RoundingMode.HALF_UP);
                        add(line, ids.get(i), 1, company, accounts.get("120"), "RECEIVABLE", total, BigDecimal.ZERO, dates.get(i));
                        add(line, ids.get(i), 2, company, accounts.get("600"), "REVENUE", BigDecimal.ZERO, first, dates.get(i));
                        add(line, ids.get(i), 3, company, accounts.get("600"), "REVENUE", BigDecimal.ZERO, net.subtract(first), dates.get(i));
                        add(line, ids.get(i), 4, company, accounts.get("391"), "VAT_OUTPUT", BigDecimal.ZERO, vat, dates.get(i));
                    } else {
                        BigDecimal cost = net.multiply(new BigDecimal("0.6")).setScale(2, java.math.RoundingMode.HALF_UP);
                        BigDecimal rest = total.subtract(cost);
                        // A collection and the cost of the goods it paid for: 100 D / 120 C, 621 D / 153 C.
                        add(line, ids.get(i), 1, company, accounts.get("100"), "CASH", rest, BigDecimal.ZERO, dates.get(i));
                        add(line, ids.get(i), 2, company, accounts.get("621"), "COGS", cost, BigDecimal.ZERO, dates.get(i));
                        add(line, ids.get(i), 3, company, accounts.get("120"), "RECEIVABLE", BigDecimal.ZERO, rest, dates.get(i));
                        add(line, ids.get(i), 4, company, accounts.get("153"), "INVENTORY", BigDecimal.ZERO, cost, dates.get(i));
                    }
                    written += 4;
                }
                line.executeBatch();
                db.commit();
            }
        }
        return written;
    }

    private static void add(PreparedStatement line, long entry, int no, long company, long account, String purpose, BigDecimal debit, BigDecimal credit,
        LocalDate date) throws Exception {
        line.setLong(1, entry);
        line.setInt(2, no);
        line.setLong(3, company);
        line.setLong(4, account);
        line.setString(5, purpose);
        line.setBigDecimal(6, debit);
        line.setBigDecimal(7, credit);
        line.setBigDecimal(8, debit);
        line.setBigDecimal(9, credit);
        line.setDate(10, Date.valueOf(date));
        line.addBatch();
    }
}
