package io.kovan.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The order-to-cash chain as plain JDBC, the baseline Kovan is measured against: the same
 * documents, the same guarded stock updates and the same balanced journal entries, one
 * transaction a step, with no HTTP, no ORM, no workflow, audit, events or document flow.
 */
final class RawChain {

    /** Quote, order, confirm, ship, invoice, collect, list: the steps in both chains. */
    static final List<String> STEPS = List.of("quote", "convert", "confirm", "ship", "invoice", "collect", "list");

    private static final String[] SCHEMA = {
        "CREATE TABLE RB_PRODUCT (ID BIGINT PRIMARY KEY, PRICE DECIMAL(19,4) NOT NULL, COST DECIMAL(19,4) NOT NULL)",
        "CREATE TABLE RB_STOCK (PRODUCT_ID BIGINT PRIMARY KEY, ON_HAND DECIMAL(19,4) NOT NULL, RESERVED DECIMAL(19,4) NOT NULL, "
            + "CHECK (RESERVED <= ON_HAND AND RESERVED >= 0))",
        "CREATE TABLE RB_COUNTER (CODE VARCHAR(8) PRIMARY KEY, LAST_NO BIGINT NOT NULL)",
        "CREATE TABLE RB_DOC (ID BIGINT PRIMARY KEY, KIND VARCHAR(8) NOT NULL, DOC_NUMBER VARCHAR(32) NOT NULL, CUSTOMER_ID BIGINT NOT NULL, "
            + "STATE VARCHAR(16) NOT NULL, SOURCE_ID BIGINT, TOTAL DECIMAL(19,4) NOT NULL, PAID DECIMAL(19,4) NOT NULL, UNIQUE (KIND, DOC_NUMBER))",
        "CREATE INDEX RB_DOC_CUSTOMER ON RB_DOC (CUSTOMER_ID, KIND, ID DESC)",
        "CREATE TABLE RB_LINE (ID BIGINT PRIMARY KEY, DOC_ID BIGINT NOT NULL, PRODUCT_ID BIGINT NOT NULL, QUANTITY DECIMAL(19,4) NOT NULL, "
            + "PRICE DECIMAL(19,4) NOT NULL, NET DECIMAL(19,4) NOT NULL, VAT DECIMAL(19,4) NOT NULL, DONE DECIMAL(19,4) NOT NULL)",
        "CREATE INDEX RB_LINE_DOC ON RB_LINE (DOC_ID)",
        "CREATE TABLE RB_MOVE (ID BIGINT PRIMARY KEY, PRODUCT_ID BIGINT NOT NULL, QUANTITY DECIMAL(19,4) NOT NULL, COST DECIMAL(19,4) NOT NULL, "
            + "SOURCE_ID BIGINT NOT NULL)",
        "CREATE TABLE RB_ENTRY (ID BIGINT PRIMARY KEY, DOC_NUMBER VARCHAR(32) NOT NULL, SOURCE_ID BIGINT NOT NULL, TOTAL DECIMAL(19,4) NOT NULL)",
        "CREATE TABLE RB_ENTRY_LINE (ID BIGINT PRIMARY KEY, ENTRY_ID BIGINT NOT NULL, ACCOUNT VARCHAR(16) NOT NULL, PARTY_ID BIGINT, "
            + "DEBIT DECIMAL(19,4) NOT NULL, CREDIT DECIMAL(19,4) NOT NULL)",
        "CREATE TABLE RB_ALLOCATION (ID BIGINT PRIMARY KEY, PAYMENT_ID BIGINT NOT NULL, INVOICE_ID BIGINT NOT NULL, AMOUNT DECIMAL(19,4) NOT NULL)"};

    private static final BigDecimal VAT_RATE = new BigDecimal("0.20");

    /** Ids handed out in the bench JVM: the identity round trips are not what is being compared. */
    private static final java.util.concurrent.atomic.AtomicLong IDS = new java.util.concurrent.atomic.AtomicLong(1);

    private final String url;
    private final String user;
    private final String password;

    RawChain(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    Connection connect() throws SQLException {
        Connection c = DriverManager.getConnection(url, user, password);
        c.setAutoCommit(false);
        c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        return c;
    }

    /** Fresh tables and, per user, its five products with plenty of stock. */
    void create(int users) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (String table : List.of("RB_ALLOCATION", "RB_ENTRY_LINE", "RB_ENTRY", "RB_MOVE", "RB_LINE", "RB_DOC", "RB_COUNTER", "RB_STOCK", "RB_PRODUCT")) {
                try {
                    s.execute("DROP TABLE " + table);
                    c.commit();
                } catch (SQLException absent) {
                    c.rollback();
                }
            }
            for (String ddl : SCHEMA) {
                s.execute(ddl);
            }
            for (String code : List.of("QT", "SO", "SH", "INV", "PAY", "JE")) {
                s.execute("INSERT INTO RB_COUNTER VALUES ('" + code + "', 0)");
            }
            for (int u = 0; u < users; u++) {
                for (int p = 0; p < 5; p++) {
                    long id = product(u, p);
                    s.execute("INSERT INTO RB_PRODUCT VALUES (" + id + ", " + (100 + 10 * p) + ", " + (60 + 5 * p) + ")");
                    s.execute("INSERT INTO RB_STOCK VALUES (" + id + ", 1000000, 0)");
                }
            }
            c.commit();
        }
    }

    static long product(int user, int line) {
        return 1000L * (user + 1) + line;
    }

    /** One chain for {@code user}; each step's time goes to {@code timer}. */
    void chain(Connection c, int user, Timer timer) throws SQLException {
        long customer = user + 1;
        long quote = step(c, timer, "quote", () -> document(c, "QT", customer, "draft", null, true));
        long order = step(c, timer, "convert", () -> {
            long id = document(c, "SO", customer, "draft", quote, true);
            update(c, "UPDATE RB_DOC SET STATE = 'converted' WHERE ID = ?", quote);
            return id;
        });
        step(c, timer, "confirm", () -> {
            for (long[] line : lines(c, order)) {
                if (update(c, "UPDATE RB_STOCK SET RESERVED = RESERVED + 1 WHERE PRODUCT_ID = ? AND ON_HAND - RESERVED >= 1", line[1]) != 1) {
                    throw new SQLException("out of stock");
                }
            }
            update(c, "UPDATE RB_DOC SET STATE = 'confirmed' WHERE ID = ? AND STATE = 'draft'", order);
            return order;
        });
        long shipment = step(c, timer, "ship", () -> {
            long id = document(c, "SH", customer, "shipped", order, false);
            for (long[] line : lines(c, order)) {
                if (update(c, "UPDATE RB_STOCK SET ON_HAND = ON_HAND - 1, RESERVED = RESERVED - 1 WHERE PRODUCT_ID = ? AND RESERVED >= 1", line[1]) != 1) {
                    throw new SQLException("nothing reserved");
                }
                try (PreparedStatement s = c.prepareStatement("INSERT INTO RB_MOVE VALUES (?, ?, 1, ?, ?)")) {
                    s.setLong(1, IDS.getAndIncrement());
                    s.setLong(2, line[1]);
                    s.setBigDecimal(3, cost(line[1]));
                    s.setLong(4, id);
                    s.executeUpdate();
                }
                update(c, "UPDATE RB_LINE SET DONE = DONE + 1 WHERE ID = ?", line[0]);
            }
            update(c, "UPDATE RB_DOC SET STATE = 'delivered' WHERE ID = ?", order);
            copyLines(c, order, id);
            return id;
        });
        long[] invoice = new long[1];
        BigDecimal[] total = new BigDecimal[1];
        step(c, timer, "invoice", () -> {
            invoice[0] = document(c, "INV", customer, "posted", shipment, false);
            copyLines(c, shipment, invoice[0]);
            BigDecimal[] sums = sums(c, invoice[0]);
            total[0] = sums[0].add(sums[1]);
            update(c, "UPDATE RB_DOC SET TOTAL = ? WHERE ID = ?", total[0], invoice[0]);
            entry(c, invoice[0], customer, new Object[][] {{"120", total[0], null}, {"600", null, sums[0]}, {"391", null, sums[1]}});
            return invoice[0];
        });
        step(c, timer, "collect", () -> {
            long payment = document(c, "PAY", customer, "posted", invoice[0], false);
            update(c, "UPDATE RB_DOC SET TOTAL = ? WHERE ID = ?", total[0], payment);
            try (PreparedStatement s = c.prepareStatement("INSERT INTO RB_ALLOCATION VALUES (?, ?, ?, ?)")) {
                s.setLong(1, IDS.getAndIncrement());
                s.setLong(2, payment);
                s.setLong(3, invoice[0]);
                s.setBigDecimal(4, total[0]);
                s.executeUpdate();
            }
            if (update(c, "UPDATE RB_DOC SET PAID = PAID + ?, STATE = 'paid' WHERE ID = ? AND PAID + ? <= TOTAL", total[0], invoice[0], total[0]) != 1) {
                throw new SQLException("over-payment");
            }
            entry(c, payment, customer, new Object[][] {{"100", total[0], null}, {"120", null, total[0]}});
            return payment;
        });
        step(c, timer, "list", () -> {
            try (PreparedStatement s = c.prepareStatement("SELECT ID, DOC_NUMBER, STATE, TOTAL FROM RB_DOC WHERE CUSTOMER_ID = ? AND KIND = 'SO' "
                + "ORDER BY ID DESC FETCH FIRST 40 ROWS ONLY")) {
                s.setLong(1, customer);
                int rows = 0;
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        rows++;
                    }
                }
                return rows;
            }
        });
    }

    /** The product's cost, as seeded: the average cost stays put, every receipt being at it. */
    private static BigDecimal cost(long product) {
        return BigDecimal.valueOf(60 + 5 * (product % 1000)).setScale(2);
    }

    private static long next(Connection c, String counter) throws SQLException {
        update(c, "UPDATE RB_COUNTER SET LAST_NO = LAST_NO + 1 WHERE CODE = ?", counter);
        try (PreparedStatement s = c.prepareStatement("SELECT LAST_NO FROM RB_COUNTER WHERE CODE = ?")) {
            s.setString(1, counter);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /** A document with a gapless number; with {@code lines}, the user's five products, one of each. */
    private static long document(Connection c, String kind, long customer, String state, Long source, boolean lines) throws SQLException {
        long number = next(c, kind);
        long id = IDS.getAndIncrement();
        try (PreparedStatement s = c.prepareStatement("INSERT INTO RB_DOC VALUES (?, ?, ?, ?, ?, ?, 0, 0)")) {
            s.setLong(1, id);
            s.setString(2, kind);
            s.setString(3, kind + "-" + number);
            s.setLong(4, customer);
            s.setString(5, state);
            if (source == null) {
                s.setNull(6, java.sql.Types.BIGINT);
            } else {
                s.setLong(6, source);
            }
            s.executeUpdate();
        }
        if (lines) {
            BigDecimal net = BigDecimal.ZERO;
            try (PreparedStatement s = c.prepareStatement("INSERT INTO RB_LINE VALUES (?, ?, ?, 1, ?, ?, ?, 0)")) {
                for (int p = 0; p < 5; p++) {
                    long product = product((int) customer - 1, p);
                    BigDecimal price = BigDecimal.valueOf(100 + 10 * p).setScale(2);
                    s.setLong(1, IDS.getAndIncrement());
                    s.setLong(2, id);
                    s.setLong(3, product);
                    s.setBigDecimal(4, price);
                    s.setBigDecimal(5, price);
                    s.setBigDecimal(6, price.multiply(VAT_RATE).setScale(2, RoundingMode.HALF_UP));
                    s.addBatch();
                    net = net.add(price);
                }
                s.executeBatch();
            }
            update(c, "UPDATE RB_DOC SET TOTAL = ? WHERE ID = ?", net.add(net.multiply(VAT_RATE)).setScale(2, RoundingMode.HALF_UP), id);
        }
        return id;
    }

    private static List<long[]> lines(Connection c, long doc) throws SQLException {
        List<long[]> lines = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT ID, PRODUCT_ID FROM RB_LINE WHERE DOC_ID = ? ORDER BY PRODUCT_ID")) {
            s.setLong(1, doc);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    lines.add(new long[] {r.getLong(1), r.getLong(2)});
                }
            }
        }
        return lines;
    }

    private static void copyLines(Connection c, long from, long to) throws SQLException {
        try (PreparedStatement read = c.prepareStatement("SELECT PRODUCT_ID, QUANTITY, PRICE, NET, VAT FROM RB_LINE WHERE DOC_ID = ? ORDER BY ID");
            PreparedStatement write = c.prepareStatement("INSERT INTO RB_LINE VALUES (?, ?, ?, ?, ?, ?, ?, 0)")) {
            read.setLong(1, from);
            try (ResultSet r = read.executeQuery()) {
                while (r.next()) {
                    write.setLong(1, IDS.getAndIncrement());
                    write.setLong(2, to);
                    write.setLong(3, r.getLong(1));
                    write.setBigDecimal(4, r.getBigDecimal(2));
                    write.setBigDecimal(5, r.getBigDecimal(3));
                    write.setBigDecimal(6, r.getBigDecimal(4));
                    write.setBigDecimal(7, r.getBigDecimal(5));
                    write.addBatch();
                }
            }
            write.executeBatch();
        }
    }

    private static BigDecimal[] sums(Connection c, long doc) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT SUM(NET), SUM(VAT) FROM RB_LINE WHERE DOC_ID = ?")) {
            s.setLong(1, doc);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return new BigDecimal[] {r.getBigDecimal(1), r.getBigDecimal(2)};
            }
        }
    }

    /** A numbered journal entry whose lines ({@code account, debit, credit}) balance. */
    private static void entry(Connection c, long source, long party, Object[][] lines) throws SQLException {
        long number = next(c, "JE");
        long id = IDS.getAndIncrement();
        BigDecimal debit = BigDecimal.ZERO;
        try (PreparedStatement s = c.prepareStatement("INSERT INTO RB_ENTRY_LINE VALUES (?, ?, ?, ?, ?, ?)")) {
            for (Object[] l : lines) {
                BigDecimal d = l[1] == null ? BigDecimal.ZERO : (BigDecimal) l[1];
                BigDecimal cr = l[2] == null ? BigDecimal.ZERO : (BigDecimal) l[2];
                debit = debit.add(d).subtract(cr);
                s.setLong(1, IDS.getAndIncrement());
                s.setLong(2, id);
                s.setString(3, (String) l[0]);
                s.setLong(4, party);
                s.setBigDecimal(5, d);
                s.setBigDecimal(6, cr);
                s.addBatch();
            }
            s.executeBatch();
        }
        if (debit.signum() != 0) {
            throw new SQLException("unbalanced entry");
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO RB_ENTRY VALUES (?, ?, ?, ?)")) {
            s.setLong(1, id);
            s.setString(2, "JE-" + number);
            s.setLong(3, source);
            s.setBigDecimal(4, lines[0][1] == null ? (BigDecimal) lines[0][2] : (BigDecimal) lines[0][1]);
            s.executeUpdate();
        }
    }

    private static int update(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            return s.executeUpdate();
        }
    }

    /** Runs a step as one transaction and records its time; a failure rolls it back and propagates. */
    private static <T> T step(Connection c, Timer timer, String name, Step<T> body) throws SQLException {
        long started = System.nanoTime();
        try {
            T result = body.run();
            c.commit();
            timer.record(name, System.nanoTime() - started);
            return result;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        }
    }

    interface Step<T> {
        T run() throws SQLException;
    }

    /** Where a client's step times go. */
    interface Timer {
        void record(String step, long nanos);
    }
}
