package io.kovan.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The order-to-cash benchmark (issue 7), in the manner of the SAP SD standard benchmark: each
 * simulated user has its own customer and five products and runs, with no think time, quote with
 * five lines → order → confirm (reserve) → ship (goods issue) → invoice → collect, then lists its
 * customer's last 40 orders. For 1, 2, 4 and 8 users: a warm-up, then a measured phase, over
 * interleaved rounds; the raw-JDBC baseline ({@link RawChain}) runs before and after Kovan in each
 * round, on the same database server. CPU is read from /proc: the Kovan JVM and the database's
 * processes for Kovan, this JVM and the database's processes for the baseline (embedded Derby runs
 * inside the JVM that uses it).
 */
public final class OrderToCashBench {

    private static final int LINES = 5;

    private final Rest rest;
    private final RawChain raw;
    private final long kovanPid;
    /** The database server's postmaster, whose processes alone count as database CPU; 0: every postgres process. */
    private final long postmasterPid;
    private final boolean postgres;
    /** Ship as four calls (create, pick, pack, ship) rather than in one step ({@code --ship-in-steps true}). */
    private boolean shipInSteps;
    private final double ticks;
    private final List<Long> customers = new ArrayList<>();
    private final List<List<Long>> products = new ArrayList<>();
    /** Kovan's refusals during the run, by answer. */
    private final Map<String, Integer> refusals = new ConcurrentHashMap<>();

    private OrderToCashBench(Rest rest, RawChain raw, long kovanPid, long postmasterPid, boolean postgres, double ticks) {
        this.rest = rest;
        this.raw = raw;
        this.kovanPid = kovanPid;
        this.postmasterPid = postmasterPid;
        this.postgres = postgres;
        this.ticks = ticks;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = Rest.options(args, "password", "kovan-pid", "raw-url");
        boolean quick = Boolean.parseBoolean(o.getOrDefault("quick", "false"));
        List<Integer> users = Stream.of(o.getOrDefault("users", quick ? "1,4" : "1,2,4,8").split(",")).map(String::strip).map(Integer::valueOf).toList();
        int warmup = Integer.parseInt(o.getOrDefault("warmup", quick ? "3" : "15"));
        int measure = Integer.parseInt(o.getOrDefault("measure", quick ? "10" : "45"));
        int rounds = Integer.parseInt(o.getOrDefault("rounds", quick ? "1" : "3"));
        int jvmWarmup = Integer.parseInt(o.getOrDefault("jvm-warmup", quick ? "0" : "120"));
        String rawUrl = o.get("raw-url");
        OrderToCashBench bench = new OrderToCashBench(new Rest(o.getOrDefault("api", "http://localhost:8181/api"), o.getOrDefault("user", "admin"),
            o.get("password")), new RawChain(rawUrl, o.getOrDefault("raw-user", ""), o.getOrDefault("raw-password", "")),
            Long.parseLong(o.get("kovan-pid")), Long.parseLong(o.getOrDefault("postgres-pid", "0")), rawUrl.startsWith("jdbc:postgresql:"), Double.parseDouble(o.getOrDefault("clk-tck", "100")));
        bench.shipInSteps = Boolean.parseBoolean(o.getOrDefault("ship-in-steps", "false"));
        int most = Collections.max(users);
        bench.seed(most);
        bench.raw.create(most);
        System.out.printf("users %s, warm-up %d s, measured %d s, %d round(s), database %s, shipping %s%n", users, warmup, measure, rounds,
            bench.postgres ? "PostgreSQL" : "Derby", bench.shipInSteps ? "in four calls (create, pick, pack, ship)" : "in one step (?ship=true)");
        if (jvmWarmup > 0) {
            // Both JVMs compile for minutes under this load (the Kovan JVM's JIT took a third of its CPU in
            // the second minute, a twentieth in the fifth): one warm-up before the matrix, at the most users,
            // so that no configuration pays for it more than another. Its figures are printed, not counted.
            int at = most;
            Result warmKovan = bench.phase("kovan", at, Math.max(0, jvmWarmup - 20), 20, bench::kovanClient);
            Result warmRaw = bench.phase("raw", at, Math.max(0, jvmWarmup / 4 - 20), 20, bench::rawClient);
            System.out.printf("JVM warm-up (not in the results), %d user(s), %d s for Kovan and %d s for raw; their last 20 s: kovan %s | raw %s%n", at,
                Math.max(20, jvmWarmup), Math.max(20, jvmWarmup / 4), warmKovan.brief(), warmRaw.brief());
        }

        Map<Integer, List<Result>> kovan = new LinkedHashMap<>();
        Map<Integer, List<Result>> baseline = new LinkedHashMap<>();
        for (int round = 1; round <= rounds; round++) {
            for (int n : users) {
                Result before = bench.phase("raw", n, warmup, measure, bench::rawClient);
                Result platform = bench.phase("kovan", n, warmup, measure, bench::kovanClient);
                Result after = bench.phase("raw", n, warmup, measure, bench::rawClient);
                kovan.computeIfAbsent(n, k -> new ArrayList<>()).add(platform);
                baseline.computeIfAbsent(n, k -> new ArrayList<>()).add(before);
                baseline.get(n).add(after);
                System.out.printf("round %d, %d user(s): kovan %s | raw %s, %s%n", round, n, platform.brief(), before.brief(), after.brief());
            }
        }
        bench.report(users, kovan, baseline);
        int refused = bench.refusals.values().stream().mapToInt(Integer::intValue).sum();
        System.out.printf("%nKovan refusals during the run: %d%n", refused);
        bench.refusals.forEach((what, count) -> System.out.printf("  %d × %s%n", count, what));
    }

    // ---- seeding ---------------------------------------------------------------------------

    /** Per user: a customer and five stocked products with stock for every chain the run can make. */
    private void seed(int users) throws Exception {
        String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
        for (int u = 0; u < users; u++) {
            customers.add(rest.json("POST", "/core/parties", "{\"kind\":\"ORGANIZATION\",\"name\":\"O2C customer " + run + "-" + u + "\",\"roles\":[\"CUSTOMER\"]}")
                .get("id").asLong());
            List<Long> own = new ArrayList<>();
            StringBuilder receipt = new StringBuilder("{\"reference\":\"o2c bench\",\"lines\":[");
            for (int p = 0; p < LINES; p++) {
                own.add(rest.json("POST", "/core/products", "{\"code\":\"O2C-" + run + "-" + u + "-" + p + "\",\"name\":\"O2C product " + u + "-" + p
                    + "\",\"type\":\"STOCKED\",\"unit\":\"PCS\",\"salesPrice\":" + (100 + 10 * p) + ",\"standardCost\":" + (60 + 5 * p) + ",\"vatRate\":20}")
                    .get("id").asLong());
                receipt.append(p == 0 ? "" : ",").append("{\"productId\":").append(own.get(p)).append(",\"quantity\":1000000,\"unitCost\":")
                    .append(60 + 5 * p).append("}");
            }
            products.add(own);
            long id = rest.json("POST", "/inventory/receipts", receipt.append("]}").toString()).get("id").asLong();
            rest.send("POST", "/inventory/receipts/" + id + "/post", "");
        }
    }

    // ---- the two clients -------------------------------------------------------------------

    /** A client's loop: chains until {@code deadline}, each step's time given to {@code timer}. */
    private interface Client {
        int run(int user, long deadline, RawChain.Timer timer) throws Exception;
    }

    private int kovanClient(int user, long deadline, RawChain.Timer timer) throws Exception {
        int chains = 0;
        long customer = customers.get(user);
        StringBuilder quoteBody = new StringBuilder("{\"customerId\":" + customer + ",\"lines\":[");
        for (int p = 0; p < LINES; p++) {
            quoteBody.append(p == 0 ? "" : ",").append("{\"productId\":").append(products.get(user).get(p)).append(",\"quantity\":1}");
        }
        String quote = quoteBody.append("]}").toString();
        while (System.nanoTime() < deadline) {
            try {
                kovanChain(customer, quote, timer);
                chains++;
            } catch (IllegalStateException refused) {
                // A refused step ends the chain; the report counts refusals by their first words.
                String what = refused.getMessage();
                refusals.merge(what.substring(0, Math.min(what.length(), 160)), 1, Integer::sum);
            }
        }
        return chains;
    }

    private void kovanChain(long customer, String quote, RawChain.Timer timer) throws Exception {
        long t = System.nanoTime();
        long quoteId = rest.json("POST", "/sales/quotes", quote).get("id").asLong();
        t = lap(timer, "quote", t);
        long orderId = rest.json("POST", "/sales/quotes/" + quoteId + "/convert", "").get("id").asLong();
        t = lap(timer, "convert", t);
        JsonNode lines = rest.json("POST", "/sales/orders/" + orderId + "/confirm", "").get("lines");
        t = lap(timer, "confirm", t);
        StringBuilder shipment = new StringBuilder("{\"lines\":[");
        for (int i = 0; i < lines.size(); i++) {
            shipment.append(i == 0 ? "" : ",").append("{\"orderLineId\":").append(lines.get(i).get("id").asLong()).append(",\"quantity\":1}");
        }
        shipment.append("]}");
        long shipmentId;
        if (shipInSteps) {
            shipmentId = rest.json("POST", "/sales/shipments", shipment.toString()).get("id").asLong();
            rest.send("POST", "/sales/shipments/" + shipmentId + "/pick", "");
            rest.send("POST", "/sales/shipments/" + shipmentId + "/pack", "");
            rest.send("POST", "/sales/shipments/" + shipmentId + "/ship", "");
        } else {
            // One-step delivery, as the baseline ships: created as shipped in one transaction.
            shipmentId = rest.json("POST", "/sales/shipments?ship=true", shipment.toString()).get("id").asLong();
        }
        t = lap(timer, "ship", t);
        JsonNode invoice = rest.json("POST", "/finance/invoices/from-shipments", "{\"shipmentIds\":[" + shipmentId + "],\"post\":true}");
        t = lap(timer, "invoice", t);
        BigDecimal total = invoice.get("total").decimalValue();
        rest.send("POST", "/finance/payments", "{\"direction\":\"INCOMING\",\"partyId\":" + customer + ",\"amount\":" + total.toPlainString()
            + ",\"accountCode\":\"100\",\"allocations\":[{\"invoiceId\":" + invoice.get("id").asLong() + ",\"amount\":" + total.toPlainString() + "}]}");
        t = lap(timer, "collect", t);
        rest.send("GET", "/sales/orders?customer=" + customer + "&limit=40&sort=-date", null);
        lap(timer, "list", t);
    }

    private int rawClient(int user, long deadline, RawChain.Timer timer) throws Exception {
        int chains = 0;
        try (Connection c = raw.connect()) {
            while (System.nanoTime() < deadline) {
                raw.chain(c, user, timer);
                chains++;
            }
        }
        return chains;
    }

    private static long lap(RawChain.Timer timer, String step, long since) {
        long now = System.nanoTime();
        timer.record(step, now - since);
        return now;
    }

    // ---- a phase ---------------------------------------------------------------------------

    /** What one measured phase gave. */
    private record Result(int chains, double seconds, double serverCpu, double databaseCpu, Map<String, Double> serverThreads,
                          Map<String, List<Long>> steps) {

        double chainsPerSecond() {
            return chains / seconds;
        }

        double itemsPerSecond() {
            return chains * LINES / seconds;
        }

        /**
         * Line items per CPU-second; NaN where the database's CPU went down over the phase (a postgres
         * process ended and its CPU was not yet in its parent's), which the report leaves out.
         */
        double itemsPerCpuSecond() {
            double cpu = serverCpu + databaseCpu;
            return databaseCpu < 0 || cpu <= 0 ? Double.NaN : chains * LINES / cpu;
        }

        /** Line items per CPU-second leaving out the server JVM's JIT compiler threads: what a warmer JVM would approach. */
        double itemsPerCpuSecondWithoutJit() {
            double cpu = serverCpu + databaseCpu - serverThreads.get(ThreadCpu.JIT);
            return databaseCpu < 0 || cpu <= 0 ? Double.NaN : chains * LINES / cpu;
        }

        String brief() {
            return String.format("%.1f chains/s, %.0f items/CPU-s (CPU %.1f + %.1f s; JIT %.1f, GC %.1f, requests %.1f)", chainsPerSecond(),
                itemsPerCpuSecond(), serverCpu, databaseCpu, serverThreads.get(ThreadCpu.JIT), serverThreads.get(ThreadCpu.GC),
                serverThreads.get(ThreadCpu.REQUESTS));
        }
    }

    /**
     * {@code users} clients run chains for {@code warmup + measure} seconds; what completes
     * inside the measured window counts, and the CPU is read at its edges.
     */
    private Result phase(String what, int users, int warmup, int measure, Client client) throws Exception {
        long start = System.nanoTime();
        long measureFrom = start + warmup * 1_000_000_000L;
        long deadline = measureFrom + measure * 1_000_000_000L;
        Map<String, List<Long>> steps = new ConcurrentHashMap<>();
        AtomicInteger counted = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(users);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int u = 0; u < users; u++) {
                int user = u;
                done.add(pool.submit(() -> client.run(user, deadline, new RawChain.Timer() {
                    private long chainStarted = System.nanoTime();

                    @Override
                    public void record(String step, long nanos) {
                        long now = System.nanoTime();
                        if (now >= measureFrom && now <= deadline) {
                            steps.computeIfAbsent(step, k -> Collections.synchronizedList(new ArrayList<>())).add(nanos);
                            if (step.equals("list") && chainStarted >= measureFrom) {
                                counted.incrementAndGet();
                            }
                        }
                        if (step.equals("list")) {
                            chainStarted = now;
                        }
                    }
                })));
            }
            sleepUntil(measureFrom);
            long server = what.equals("kovan") ? kovanPid : ProcessHandle.current().pid();
            double server0 = cpu(server);
            double db0 = postgres ? postgresCpu() : 0;
            Map<String, Double> threads;
            try (ThreadCpu byThread = new ThreadCpu(server, ticks)) {
                sleepUntil(deadline);
                threads = byThread.stop();
            }
            double server1 = cpu(server);
            double db1 = postgres ? postgresCpu() : 0;
            for (Future<Integer> f : done) {
                f.get();
            }
            return new Result(counted.get(), measure, server1 - server0, db1 - db0, threads, steps);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            Thread.sleep(Math.max(1, left / 1_000_000));
        }
    }

    /** A process's user + system CPU seconds so far, from /proc/{pid}/stat (fields 14 and 15). */
    private double cpu(long pid) {
        try {
            return cpu(Files.readString(Path.of("/proc/" + pid + "/stat")), false);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** User + system CPU seconds of a /proc stat line; with {@code reaped}, also its ended children's (fields 16 and 17). */
    private double cpu(String stat, boolean reaped) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticksUsed = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        if (reaped) {
            ticksUsed += Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
        }
        return ticksUsed / ticks;
    }

    /**
     * The postgres server's CPU seconds: every postgres process's own, plus what the processes that
     * ended have used (the postmaster's reaped children, fields 16 and 17), so that a connection
     * closed during a phase does not take its CPU out of the sum. With {@code --postgres-pid}, only
     * that postmaster and its children count, not another server's on the same machine.
     */
    private double postgresCpu() throws IOException {
        double total = 0;
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(x -> x.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String stat = Files.readString(p.resolve("stat"));
                    long pid = Long.parseLong(p.getFileName().toString());
                    long parent = Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[1]);
                    if (stat.contains("(postgres)") && (postmasterPid == 0 || pid == postmasterPid || parent == postmasterPid)) {
                        total += cpu(stat, true);
                    }
                } catch (IOException gone) {
                    // ended meanwhile
                }
            }
        }
        return total;
    }

    // ---- the report ------------------------------------------------------------------------

    private void report(List<Integer> users, Map<Integer, List<Result>> kovan, Map<Integer, List<Result>> baseline) {
        System.out.println();
        System.out.println("Medians over the rounds (line items: 5 a chain; CPU: Kovan JVM + database, or bench JVM + database for raw JDBC):");
        System.out.println("| users | chains/s | line items/s | Kovan CPU s | DB CPU s | items per CPU-s | raw items per CPU-s | ratio to raw | raw chains/s |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        for (int n : users) {
            List<Result> k = kovan.get(n);
            List<Result> r = baseline.get(n);
            double efficiency = median(k.stream().map(Result::itemsPerCpuSecond).toList());
            double rawEfficiency = median(r.stream().map(Result::itemsPerCpuSecond).toList());
            System.out.printf("| %d | %.1f | %.1f | %.1f | %.1f | %.0f | %.0f | %.3f | %.1f |%n", n, median(k.stream().map(Result::chainsPerSecond).toList()),
                median(k.stream().map(Result::itemsPerSecond).toList()), median(k.stream().map(Result::serverCpu).toList()),
                median(k.stream().map(Result::databaseCpu).toList()), efficiency, rawEfficiency, rawEfficiency == 0 ? 0 : efficiency / rawEfficiency,
                median(r.stream().map(Result::chainsPerSecond).toList()));
        }
        System.out.println();
        System.out.println("Where the server JVM's CPU went, medians, s (Kovan JVM; for raw JDBC, the bench JVM with its embedded Derby), and line items per");
        System.out.println("CPU-second leaving out the JIT compiler threads (what a warmer JVM would approach):");
        System.out.println("| users | Kovan JIT | Kovan GC | Kovan requests | Kovan other | Kovan items per CPU-s without JIT | raw JIT | raw items per CPU-s without JIT |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (int n : users) {
            List<Result> k = kovan.get(n);
            List<Result> r = baseline.get(n);
            System.out.printf("| %d | %.1f | %.1f | %.1f | %.1f | %.0f | %.1f | %.0f |%n", n, median(k, ThreadCpu.JIT), median(k, ThreadCpu.GC),
                median(k, ThreadCpu.REQUESTS), median(k, ThreadCpu.OTHER), median(k.stream().map(Result::itemsPerCpuSecondWithoutJit).toList()),
                median(r, ThreadCpu.JIT), median(r.stream().map(Result::itemsPerCpuSecondWithoutJit).toList()));
        }
        System.out.println();
        System.out.println("Kovan latency per step, ms, p50 / p95 / p99 (all measured rounds together):");
        System.out.println("| users | " + String.join(" | ", RawChain.STEPS) + " |");
        System.out.println("|---|" + "---|".repeat(RawChain.STEPS.size()));
        for (int n : users) {
            StringBuilder row = new StringBuilder("| " + n + " |");
            for (String step : RawChain.STEPS) {
                List<Long> all = new ArrayList<>();
                kovan.get(n).forEach(res -> all.addAll(res.steps().getOrDefault(step, List.of())));
                row.append(" ").append(percentiles(all)).append(" |");
            }
            System.out.println(row);
        }
    }

    private static String percentiles(List<Long> nanos) {
        if (nanos.isEmpty()) {
            return "-";
        }
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return String.format("%.0f / %.0f / %.0f", at(sorted, 0.50), at(sorted, 0.95), at(sorted, 0.99));
    }

    private static double at(List<Long> sorted, double quantile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1)) / 1e6;
    }

    private static double median(List<Result> results, String threadKind) {
        return median(results.stream().map(res -> res.serverThreads().get(threadKind)).toList());
    }

    /** The median; of an even count, the mean of the middle two (the raw baseline runs twice a round). */
    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values.stream().filter(v -> !v.isNaN()).toList());
        Collections.sort(sorted);
        int n = sorted.size();
        return n == 0 ? 0 : n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
