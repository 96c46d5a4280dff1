package io.kovan.itests;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The business invariants of the order-to-cash data, checked in the database after a reliability
 * scenario: the journal balances, stock equals its ledger, reservations back what is reserved,
 * numbers are gapless, a sales line is invoiced once, and no money is allocated twice. Plain SQL
 * that Derby and PostgreSQL both read; the tables of modules not installed are skipped. It reads
 * statement by statement, so run it when the system is quiet (or on a repeatable-read connection).
 */
final class Invariants {

    /** What a check found: how many invariant checks ran (one per row/group examined, roughly), and each violation as a readable line. */
    record Report(long checked, List<String> violations) {

        Report {
            violations = List.copyOf(violations);
        }

        boolean ok() {
            return violations.isEmpty();
        }

        @Override
        public String toString() {
            List<String> shown = violations.subList(0, Math.min(50, violations.size()));
            return checked + " checks, " + violations.size() + " violations" + (shown.isEmpty() ? "" : ":\n  " + String.join("\n  ", shown))
                + (shown.size() < violations.size() ? "\n  ... and " + (violations.size() - shown.size()) + " more" : "");
        }
    }

    /** A number series as KV_NUMBER_SERIES defines it. */
    private record Series(String code, String prefix, boolean yearly, int padding) {
    }

    /** A series and year (0 for series that are not yearly): one counter row. */
    private record SeriesYear(String code, int year) {
    }

    /** Where numbers of series go: a table's column, the series chosen by the row's KIND where one table holds several. */
    private record Numbered(String table, String column, String kindColumn, Map<String, String> seriesByKind, boolean gapless) {
        static Numbered of(String table, String column, String series) {
            return new Numbered(table, column, null, Map.of("", series), true);
        }
    }

    /** A sales line an invoice line is made from (its SOURCE_TYPE), with its table and document. */
    private record Source(String type, String noun, String lines, String header, String headerKey) {
    }

    /**
     * Every numbered table and its series, from the modules' services. Parties are not gapless: a
     * party unused elsewhere may be deleted (PartyServiceImpl.delete). No other numbered row is ever
     * deleted, and documents numbered late (journal entries and invoices, at posting) have a null
     * number until then, in the same transaction that draws it.
     */
    private static final List<Numbered> NUMBERED = List.of(Numbered.of("KV_SALES_QUOTE", "DOC_NUMBER", "SQ"),
        Numbered.of("KV_SALES_ORDER", "DOC_NUMBER", "SO"), Numbered.of("KV_SALES_SHIPMENT", "DOC_NUMBER", "SH"),
        Numbered.of("KV_SALES_RETURN", "DOC_NUMBER", "RT"), Numbered.of("KV_FIN_ENTRY", "DOC_NUMBER", "JE"),
        new Numbered("KV_FIN_INVOICE", "DOC_NUMBER", "KIND", Map.of("CUSTOMER_INVOICE", "INV", "CREDIT_NOTE", "CN", "SUPPLIER_INVOICE", "PI"), true),
        Numbered.of("KV_FIN_PAYMENT", "DOC_NUMBER", "PAY"),
        new Numbered("KV_INV_DOCUMENT", "DOC_NUMBER", "KIND", Map.of("RECEIPT", "GR", "TRANSFER", "TR", "COUNT", "IC", "ADJUSTMENT", "IA"), true),
        Numbered.of("KV_CRM_LEAD", "LEAD_NUMBER", "LEAD"), Numbered.of("KV_CRM_OPPORTUNITY", "OPP_NUMBER", "OPP"),
        Numbered.of("KV_CRM_CASE", "CASE_NUMBER", "CASE"), Numbered.of("KV_SAMPLE_NOTE", "NOTE_NUMBER", "NOTE"),
        new Numbered("KV_PARTY", "CODE", null, Map.of("", "C"), false));

    private static final List<Source> SOURCES = List.of(new Source("sales.shipment", "shipment line", "KV_SALES_SHIPMENT_LINE", "KV_SALES_SHIPMENT",
        "SHIPMENT_ID"), new Source("sales.order", "order line", "KV_SALES_ORDER_LINE", "KV_SALES_ORDER", "ORDER_ID"),
        new Source("sales.return", "return line", "KV_SALES_RETURN_LINE", "KV_SALES_RETURN", "RETURN_ID"));

    private static final BigDecimal ZERO = BigDecimal.ZERO;

    @FunctionalInterface
    private interface Rows {
        void row(ResultSet rs) throws SQLException;
    }

    private final Connection connection;
    private final Map<String, Boolean> tables = new HashMap<>();
    private final List<String> violations = new ArrayList<>();
    private long checked;

    private Invariants(Connection connection) {
        this.connection = connection;
    }

    /** Checks every invariant whose tables exist; reads only. */
    static Report check(Connection connection) throws SQLException {
        Invariants i = new Invariants(connection);
        i.journal();
        i.stock();
        i.reservations();
        i.salesLines();
        i.numbers();
        i.invoicedOnce();
        i.payments();
        return new Report(i.checked, i.violations);
    }

    /** Double entry, which every balance and report rests on: a posted (or since reversed) entry balances in both currencies and matches its totals. */
    private void journal() throws SQLException {
        if (!exists("KV_FIN_ENTRY")) {
            return;
        }
        each("SELECT e.ID, e.DOC_NUMBER, e.STATE, e.TOTAL_DEBIT, e.TOTAL_CREDIT, SUM(l.DEBIT), SUM(l.CREDIT), SUM(l.BASE_DEBIT), SUM(l.BASE_CREDIT), "
            + "SUM(CASE WHEN l.POSTED = 1 THEN 1 ELSE 0 END), SUM(CASE WHEN l.POSTED = 0 THEN 1 ELSE 0 END), "
            + "SUM(CASE WHEN l.ENTRY_DATE <> e.ENTRY_DATE THEN 1 ELSE 0 END) FROM KV_FIN_ENTRY e LEFT JOIN KV_FIN_ENTRY_LINE l ON l.ENTRY_ID = e.ID "
            + "GROUP BY e.ID, e.DOC_NUMBER, e.STATE, e.TOTAL_DEBIT, e.TOTAL_CREDIT, e.ENTRY_DATE", rs -> {
                checked++;
                String state = rs.getString(3);
                String entry = "journal entry " + rs.getLong(1) + " (" + number(rs.getString(2)) + ", " + state + ")";
                long postedLines = rs.getLong(10);
                if ("draft".equals(state)) {
                    // Balances read the lines marked posted: a draft's must not count.
                    if (postedLines > 0) {
                        violation(entry + ": " + postedLines + " lines of a draft are marked posted");
                    }
                    return;
                }
                BigDecimal totalDebit = decimal(rs, 4);
                BigDecimal totalCredit = decimal(rs, 5);
                BigDecimal debit = decimal(rs, 6);
                BigDecimal credit = decimal(rs, 7);
                BigDecimal baseDebit = decimal(rs, 8);
                BigDecimal baseCredit = decimal(rs, 9);
                if (rs.getString(2) == null) {
                    violation(entry + " has no number");
                }
                if (debit.compareTo(credit) != 0) {
                    violation(entry + " unbalanced: debit " + n(debit) + ", credit " + n(credit));
                }
                if (baseDebit.compareTo(baseCredit) != 0) {
                    violation(entry + " unbalanced in the company currency: debit " + n(baseDebit) + ", credit " + n(baseCredit));
                }
                // TOTAL_DEBIT and TOTAL_CREDIT hold the company-currency (base) sums: JournalServiceImpl.post and publish.
                if (totalDebit.compareTo(baseDebit) != 0 || totalCredit.compareTo(baseCredit) != 0) {
                    violation(entry + " stores totals debit " + n(totalDebit) + ", credit " + n(totalCredit) + "; its lines give " + n(baseDebit) + ", "
                        + n(baseCredit));
                }
                if (rs.getLong(11) > 0) {
                    violation(entry + ": " + rs.getLong(11) + " lines not marked posted");
                }
                if (rs.getLong(12) > 0) {
                    violation(entry + ": " + rs.getLong(12) + " lines dated otherwise than the entry");
                }
            });
    }

    /** The moves are the ledger the balances are projections of: stock and value per warehouse, location and product are moves in less moves out. */
    private void stock() throws SQLException {
        if (!exists("KV_INV_STOCK")) {
            return;
        }
        // A receipt has only TO_, an issue only FROM_, a transfer both (inside one warehouse it nets to nothing there).
        Map<List<Long>, BigDecimal> moved = net(sums("SELECT PRODUCT_ID, TO_WAREHOUSE_ID, SUM(QUANTITY) FROM KV_INV_MOVE WHERE TO_WAREHOUSE_ID IS NOT NULL "
            + "GROUP BY PRODUCT_ID, TO_WAREHOUSE_ID"), sums("SELECT PRODUCT_ID, FROM_WAREHOUSE_ID, SUM(QUANTITY) FROM KV_INV_MOVE "
            + "WHERE FROM_WAREHOUSE_ID IS NOT NULL GROUP BY PRODUCT_ID, FROM_WAREHOUSE_ID"));
        Map<List<Long>, BigDecimal> onHand = sums("SELECT PRODUCT_ID, WAREHOUSE_ID, ON_HAND FROM KV_INV_STOCK");
        compare("product %d in warehouse %d: on hand", moved, onHand, "KV_INV_STOCK", "the moves");
        compare("product %d in warehouse %d: on hand", sums("SELECT PRODUCT_ID, WAREHOUSE_ID, SUM(QUANTITY) FROM KV_INV_QUANT GROUP BY PRODUCT_ID, "
            + "WAREHOUSE_ID"), onHand, "KV_INV_STOCK", "the quants (KV_INV_QUANT)");
        // Every move names its location and lot (none: LOT_KEY 0, which getLong gives for a null LOT_ID).
        compare("product %d at location %d, lot key %d: quantity", net(sums("SELECT PRODUCT_ID, TO_LOCATION_ID, LOT_ID, SUM(QUANTITY) FROM KV_INV_MOVE "
            + "WHERE TO_LOCATION_ID IS NOT NULL GROUP BY PRODUCT_ID, TO_LOCATION_ID, LOT_ID"), sums("SELECT PRODUCT_ID, FROM_LOCATION_ID, LOT_ID, "
            + "SUM(QUANTITY) FROM KV_INV_MOVE WHERE FROM_LOCATION_ID IS NOT NULL GROUP BY PRODUCT_ID, FROM_LOCATION_ID, LOT_ID")),
            sums("SELECT PRODUCT_ID, LOCATION_ID, LOT_KEY, QUANTITY FROM KV_INV_QUANT"), "KV_INV_QUANT", "the moves");
        Map<List<Long>, BigDecimal> byProduct = new HashMap<>();
        onHand.forEach((key, quantity) -> byProduct.merge(List.of(key.get(0)), quantity, BigDecimal::add));
        compare("product %d: company on hand", byProduct, sums("SELECT PRODUCT_ID, ON_HAND FROM KV_INV_PRODUCT"), "KV_INV_PRODUCT", "KV_INV_STOCK");
        compare("product %d: stock value", sums("SELECT PRODUCT_ID, SUM(CASE WHEN FROM_WAREHOUSE_ID IS NULL THEN TOTAL_COST WHEN TO_WAREHOUSE_ID IS NULL "
            + "THEN -TOTAL_COST ELSE 0 END) FROM KV_INV_MOVE GROUP BY PRODUCT_ID"), sums("SELECT PRODUCT_ID, STOCK_VALUE FROM KV_INV_PRODUCT"),
            "KV_INV_PRODUCT", "the moves' costs");
    }

    /** Nothing promised twice: no negative stock, nothing reserved beyond it, and RESERVED is exactly what the ACTIVE reservations still hold. */
    private void reservations() throws SQLException {
        if (!exists("KV_INV_STOCK")) {
            return;
        }
        Map<List<Long>, BigDecimal> reserved = new HashMap<>();
        each("SELECT ID, PRODUCT_ID, WAREHOUSE_ID, ON_HAND, RESERVED FROM KV_INV_STOCK", rs -> {
            checked++;
            BigDecimal onHand = decimal(rs, 4);
            BigDecimal held = decimal(rs, 5);
            reserved.put(List.of(rs.getLong(2), rs.getLong(3)), held);
            // CK_INV_STOCK and the ledger's conditional updates allow no negative stock anywhere.
            if (onHand.signum() < 0 || held.signum() < 0 || held.compareTo(onHand) > 0) {
                violation("stock row " + rs.getLong(1) + " (product " + rs.getLong(2) + " in warehouse " + rs.getLong(3) + "): on hand " + n(onHand)
                    + ", reserved " + n(held));
            }
        });
        // A reservation leaves ACTIVE only with nothing left open (consumed in full, or its rest released); a new grant reactivates it.
        Map<List<Long>, BigDecimal> open = new HashMap<>();
        each("SELECT ID, PRODUCT_ID, WAREHOUSE_ID, QUANTITY, CONSUMED, RELEASED, STATE, DOCUMENT_TYPE, DOCUMENT_ID, LINE_ID FROM KV_INV_RESERVATION", rs -> {
            checked++;
            BigDecimal quantity = decimal(rs, 4);
            BigDecimal consumed = decimal(rs, 5);
            BigDecimal released = decimal(rs, 6);
            BigDecimal left = quantity.subtract(consumed).subtract(released);
            String state = rs.getString(7);
            String what = "reservation " + rs.getLong(1) + " (" + rs.getString(8) + " " + rs.getLong(9) + " line " + rs.getLong(10) + ", " + state + ")";
            if (consumed.signum() < 0 || released.signum() < 0 || left.signum() < 0) {
                violation(what + ": quantity " + n(quantity) + ", consumed " + n(consumed) + ", released " + n(released));
            }
            if ("ACTIVE".equals(state)) {
                open.merge(List.of(rs.getLong(2), rs.getLong(3)), left, BigDecimal::add);
            } else if (left.signum() != 0) {
                violation(what + " is not active but still holds " + n(left));
            }
        });
        compare("product %d in warehouse %d: reserved", open, reserved, "KV_INV_STOCK", "the active reservations");
    }

    /** Customers get what they ordered and no more: an order line's delivered and returned figures are its shipments' and returns', within the order. */
    private void salesLines() throws SQLException {
        if (!exists("KV_SALES_ORDER_LINE")) {
            return;
        }
        Map<List<Long>, BigDecimal> shipped = sums("SELECT l.ORDER_LINE_ID, SUM(l.QUANTITY) FROM KV_SALES_SHIPMENT_LINE l JOIN KV_SALES_SHIPMENT s "
            + "ON s.ID = l.SHIPMENT_ID WHERE s.STATE = 'shipped' GROUP BY l.ORDER_LINE_ID");
        Map<List<Long>, BigDecimal> returned = sums("SELECT ORDER_LINE_ID, SUM(QUANTITY) FROM KV_SALES_RETURN_LINE GROUP BY ORDER_LINE_ID");
        each("SELECT l.ID, o.DOC_NUMBER, l.LINE_NO, l.QUANTITY, l.DELIVERED_QTY, l.RESERVED_QTY, l.RETURNED_QTY, l.OPEN_QTY, l.STOCKED, o.STATE "
            + "FROM KV_SALES_ORDER_LINE l JOIN KV_SALES_ORDER o ON o.ID = l.ORDER_ID", rs -> {
                checked++;
                String line = "order line " + rs.getLong(1) + " (" + rs.getString(2) + " line " + rs.getInt(3) + ")";
                BigDecimal ordered = decimal(rs, 4);
                BigDecimal delivered = decimal(rs, 5);
                BigDecimal reserved = decimal(rs, 6);
                BigDecimal back = decimal(rs, 7);
                BigDecimal carried = shipped.getOrDefault(List.of(rs.getLong(1)), ZERO);
                BigDecimal brought = returned.getOrDefault(List.of(rs.getLong(1)), ZERO);
                if (delivered.compareTo(ordered) > 0) {
                    violation(line + " delivered " + n(delivered) + " of " + n(ordered) + " ordered");
                }
                // Open demand (OPEN_QTY) is what a confirmed order still has to deliver of a stocked line, else nothing.
                boolean open = rs.getBoolean(9) && List.of("confirmed", "partially-delivered").contains(rs.getString(10));
                BigDecimal expectedOpen = open ? ordered.subtract(delivered).max(ZERO) : ZERO;
                if (decimal(rs, 8).compareTo(expectedOpen) != 0) {
                    violation(line + " (" + rs.getString(10) + ") has open demand " + n(decimal(rs, 8)) + ", not " + n(expectedOpen));
                }
                if (delivered.compareTo(carried) != 0) {
                    violation(line + " delivered " + n(delivered) + "; its shipped shipments carried " + n(carried));
                }
                if (reserved.signum() < 0) {
                    violation(line + " reserved " + n(reserved));
                }
                if (back.signum() < 0 || back.compareTo(delivered) > 0) {
                    violation(line + " returned " + n(back) + " of " + n(delivered) + " delivered");
                }
                if (back.compareTo(brought) != 0) {
                    violation(line + " returned " + n(back) + "; its return lines brought back " + n(brought));
                }
            });
    }

    /** Numbers are gapless and unique per series and year (a gap reads as a lost document): each up to the counter is on one document, none beyond. */
    private void numbers() throws SQLException {
        if (!exists("KV_NUMBER_SERIES")) {
            return;
        }
        Map<String, Series> series = new HashMap<>();
        each("SELECT CODE, PREFIX, YEARLY, PADDING FROM KV_NUMBER_SERIES", rs -> series.put(rs.getString(1), new Series(rs.getString(1),
            rs.getString(2), rs.getBoolean(3), rs.getInt(4))));
        Map<SeriesYear, Long> counters = new HashMap<>();
        each("SELECT SERIES_CODE, YEAR_NO, LAST_NO FROM KV_NUMBER_COUNTER", rs -> counters.put(new SeriesYear(rs.getString(1), rs.getInt(2)),
            rs.getLong(3)));
        Map<SeriesYear, TreeMap<Long, List<String>>> used = new HashMap<>();
        Set<String> present = new HashSet<>();
        Set<String> withGaps = new HashSet<>();
        for (Numbered numbered : NUMBERED) {
            if (!exists(numbered.table())) {
                continue;
            }
            present.addAll(numbered.seriesByKind().values());
            if (!numbered.gapless()) {
                withGaps.addAll(numbered.seriesByKind().values());
            }
            String kind = numbered.kindColumn() == null ? "" : ", " + numbered.kindColumn();
            each("SELECT ID, " + numbered.column() + kind + " FROM " + numbered.table() + " WHERE " + numbered.column() + " IS NOT NULL", rs -> {
                checked++;
                String number = rs.getString(2);
                String document = numbered.table() + " " + rs.getLong(1) + " (" + number + ")";
                String code = numbered.seriesByKind().get(numbered.kindColumn() == null ? "" : rs.getString(3));
                Series s = code == null ? null : series.get(code);
                long[] parsed = s == null ? null : parse(s, number);
                if (parsed == null) {
                    violation(document + " is no number of series " + (code == null ? "(kind " + rs.getString(3) + ")"
                        : code + (s == null ? " (undefined)" : "")));
                    return;
                }
                used.computeIfAbsent(new SeriesYear(code, (int) parsed[0]), k -> new TreeMap<>()).computeIfAbsent(parsed[1], k -> new ArrayList<>())
                    .add(document);
            });
        }
        Set<SeriesYear> keys = new TreeSet<>(Comparator.comparing(SeriesYear::code).thenComparingInt(SeriesYear::year));
        keys.addAll(counters.keySet());
        keys.addAll(used.keySet());
        for (SeriesYear key : keys) {
            if (!present.contains(key.code())) {
                continue;
            }
            checked++;
            String label = "series " + key.code() + (key.year() == 0 ? "" : " of " + key.year());
            long last = counters.getOrDefault(key, 0L);
            TreeMap<Long, List<String>> numbers = used.getOrDefault(key, new TreeMap<>());
            numbers.forEach((no, documents) -> {
                if (documents.size() > 1) {
                    violation(label + ": number " + no + " is on " + String.join(", ", documents));
                }
                if (no > last) {
                    violation(label + ": " + documents.get(0) + " is beyond the counter, which stands at " + last);
                }
            });
            if (withGaps.contains(key.code())) {
                continue;
            }
            List<String> missing = new ArrayList<>();
            long gap = 0;
            for (long no = 1; no <= last + 1; no++) {
                boolean absent = no <= last && !numbers.containsKey(no);
                if (absent && gap == 0) {
                    gap = no;
                } else if (!absent && gap != 0) {
                    missing.add(gap == no - 1 ? String.valueOf(gap) : gap + "-" + (no - 1));
                    gap = 0;
                }
            }
            if (!missing.isEmpty()) {
                violation(label + ": numbers " + String.join(", ", missing.subList(0, Math.min(20, missing.size()))) + (missing.size() > 20 ? " ..." : "")
                    + " drawn (counter at " + last + ") but on no document");
            }
        }
    }

    /** A customer is billed once per delivery: no two live invoice lines bill one sales line, nor more than it holds; KV_FIN_INVOICED keys match. */
    private void invoicedOnce() throws SQLException {
        if (!exists("KV_FIN_INVOICE_LINE")) {
            return;
        }
        // Drafts count: the key is taken when the invoice is made, and given back only by cancelling it (a credit note bills a return line, it frees nothing).
        for (Source source : SOURCES) {
            if (!exists(source.lines())) {
                continue;
            }
            each("SELECT l.SOURCE_LINE_ID, COUNT(*), COUNT(DISTINCT l.INVOICE_ID), MIN(l.INVOICE_ID), MAX(l.INVOICE_ID), SUM(l.QUANTITY), MAX(s.QUANTITY), "
                + "MAX(h.DOC_NUMBER), MAX(s.LINE_NO) FROM KV_FIN_INVOICE_LINE l JOIN KV_FIN_INVOICE i ON i.ID = l.INVOICE_ID LEFT JOIN " + source.lines()
                + " s ON s.ID = l.SOURCE_LINE_ID LEFT JOIN " + source.header() + " h ON h.ID = s." + source.headerKey() + " WHERE l.SOURCE_TYPE = '"
                + source.type() + "' AND i.STATE <> 'cancelled' GROUP BY l.SOURCE_LINE_ID", rs -> {
                    checked++;
                    String line = source.noun() + " " + rs.getLong(1) + " (" + rs.getString(8) + " line " + rs.getInt(9) + ")";
                    BigDecimal invoiced = decimal(rs, 6);
                    BigDecimal quantity = rs.getBigDecimal(7);
                    if (rs.getLong(2) > 1) {
                        violation(line + " is on " + rs.getLong(2) + " invoice lines of " + rs.getLong(3) + " live invoices (ids " + rs.getLong(4) + " to "
                            + rs.getLong(5) + ")");
                    }
                    if (quantity == null) {
                        violation(source.noun() + " " + rs.getLong(1) + " is invoiced (invoice " + rs.getLong(4) + ") but does not exist");
                    } else if (invoiced.compareTo(quantity) > 0) {
                        violation(line + " invoiced " + n(invoiced) + " of its " + n(quantity));
                    }
                });
        }
        if (!exists("KV_FIN_INVOICED")) {
            return;
        }
        each("SELECT f.SOURCE_TYPE, f.SOURCE_LINE_ID, f.INVOICE_ID, i.STATE, i.DOC_NUMBER, (SELECT COUNT(*) FROM KV_FIN_INVOICE_LINE l "
            + "WHERE l.INVOICE_ID = f.INVOICE_ID AND l.SOURCE_TYPE = f.SOURCE_TYPE AND l.SOURCE_LINE_ID = f.SOURCE_LINE_ID) FROM KV_FIN_INVOICED f "
            + "LEFT JOIN KV_FIN_INVOICE i ON i.ID = f.INVOICE_ID", rs -> {
                checked++;
                String key = "KV_FIN_INVOICED " + rs.getString(1) + " " + rs.getLong(2) + " -> invoice " + rs.getLong(3);
                if (rs.getString(4) == null) {
                    violation(key + ": no such invoice");
                } else if ("cancelled".equals(rs.getString(4))) {
                    violation(key + " (" + number(rs.getString(5)) + ") is cancelled yet still holds the line");
                } else if (rs.getLong(6) == 0) {
                    violation(key + " (" + number(rs.getString(5)) + ") has no line of it");
                }
            });
        each("SELECT l.INVOICE_ID, i.DOC_NUMBER, l.SOURCE_TYPE, l.SOURCE_LINE_ID FROM KV_FIN_INVOICE_LINE l JOIN KV_FIN_INVOICE i ON i.ID = l.INVOICE_ID "
            + "WHERE l.SOURCE_TYPE IS NOT NULL AND i.STATE <> 'cancelled' AND NOT EXISTS (SELECT 1 FROM KV_FIN_INVOICED f WHERE f.SOURCE_TYPE = l.SOURCE_TYPE "
            + "AND f.SOURCE_LINE_ID = l.SOURCE_LINE_ID AND f.INVOICE_ID = l.INVOICE_ID)", rs -> violation("invoice " + rs.getLong(1) + " ("
            + number(rs.getString(2)) + ") bills " + rs.getString(3) + " line " + rs.getLong(4) + " without holding its KV_FIN_INVOICED key"));
    }

    /** No money is counted twice: a payment's ALLOCATED and an invoice's PAID are their allocations (and credit-note offsets), within the amounts. */
    private void payments() throws SQLException {
        if (!exists("KV_FIN_PAYMENT")) {
            return;
        }
        each("SELECT p.ID, p.DOC_NUMBER, p.AMOUNT, p.ALLOCATED, SUM(a.AMOUNT) FROM KV_FIN_PAYMENT p LEFT JOIN KV_FIN_ALLOCATION a ON a.PAYMENT_ID = p.ID "
            + "GROUP BY p.ID, p.DOC_NUMBER, p.AMOUNT, p.ALLOCATED", rs -> {
                checked++;
                String payment = "payment " + rs.getLong(1) + " (" + rs.getString(2) + ")";
                BigDecimal amount = decimal(rs, 3);
                BigDecimal allocated = decimal(rs, 4);
                BigDecimal allocations = decimal(rs, 5);
                if (allocated.compareTo(allocations) != 0) {
                    violation(payment + " allocated " + n(allocated) + "; its allocations sum to " + n(allocations));
                }
                if (allocated.signum() < 0 || allocated.compareTo(amount) > 0) {
                    violation(payment + " allocated " + n(allocated) + " of " + n(amount));
                }
            });
        record Invoice(long id, String label, String number, String kind, String state, BigDecimal total, BigDecimal paid, Long credited,
            BigDecimal allocated) {
        }
        List<Invoice> invoices = new ArrayList<>();
        each("SELECT i.ID, i.DOC_NUMBER, i.KIND, i.STATE, i.TOTAL, i.PAID, i.CREDITED_INVOICE_ID, SUM(a.AMOUNT) FROM KV_FIN_INVOICE i "
            + "LEFT JOIN KV_FIN_ALLOCATION a ON a.INVOICE_ID = i.ID GROUP BY i.ID, i.DOC_NUMBER, i.KIND, i.STATE, i.TOTAL, i.PAID, i.CREDITED_INVOICE_ID",
            rs -> {
                long id = rs.getLong(7);
                Long credited = rs.wasNull() ? null : id;
                invoices.add(new Invoice(rs.getLong(1), "invoice " + rs.getLong(1) + " (" + number(rs.getString(2)) + ", " + rs.getString(3) + ", "
                    + rs.getString(4) + ")", rs.getString(2), rs.getString(3), rs.getString(4), decimal(rs, 5), decimal(rs, 6), credited, decimal(rs, 8)));
            });
        // Posting a credit note settles what it can of the invoice it credits, raising both PAIDs by that offset, recorded nowhere else:
        // a credit note's PAID less its own allocations (refunds) is that offset.
        Map<Long, BigDecimal> offsets = new HashMap<>();
        for (Invoice i : invoices) {
            boolean live = "posted".equals(i.state()) || "paid".equals(i.state());
            if ("CREDIT_NOTE".equals(i.kind()) && live && i.credited() != null) {
                BigDecimal offset = i.paid().subtract(i.allocated());
                if (offset.signum() < 0) {
                    violation(i.label() + " paid " + n(i.paid()) + ", less than its allocations " + n(i.allocated()));
                }
                offsets.merge(i.credited(), offset, BigDecimal::add);
            }
        }
        for (Invoice i : invoices) {
            checked++;
            BigDecimal offset = offsets.getOrDefault(i.id(), ZERO);
            BigDecimal paid = i.paid();
            if (!"CREDIT_NOTE".equals(i.kind()) && paid.compareTo(i.allocated().add(offset)) != 0) {
                violation(i.label() + " paid " + n(paid) + "; its allocations sum to " + n(i.allocated()) + (offset.signum() == 0 ? ""
                    : ", credit notes offset " + n(offset)));
            }
            if (paid.signum() < 0 || paid.compareTo(i.total()) > 0) {
                violation(i.label() + " paid " + n(paid) + " of " + n(i.total()));
            }
            boolean draft = "draft".equals(i.state()) || "cancelled".equals(i.state());
            if (draft != (i.number() == null)) {
                violation(i.label() + (draft ? " is numbered" : " has no number"));
            }
            if (draft && (paid.signum() != 0 || i.allocated().signum() != 0)) {
                violation(i.label() + " paid " + n(paid) + ", allocated " + n(i.allocated()) + " before posting");
            } else if ("paid".equals(i.state()) && paid.compareTo(i.total()) != 0) {
                violation(i.label() + " is paid with " + n(paid) + " of " + n(i.total()));
            } else if ("posted".equals(i.state()) && i.total().signum() > 0 && paid.compareTo(i.total()) == 0) {
                violation(i.label() + " is paid in full but still posted");
            } else if (!draft && !"paid".equals(i.state()) && !"posted".equals(i.state())) {
                violation(i.label() + " is in an unknown state");
            }
        }
    }

    // ---- helpers ------------------------------------------------------------------------------

    /** {@code number} as NumberFormat renders it for the series: {@code {year, number}} (year 0 unless yearly), or null if it is not. */
    private static long[] parse(Series s, String number) {
        String head = s.prefix() + "-";
        if (!number.startsWith(head)) {
            return null;
        }
        String rest = number.substring(head.length());
        int year = 0;
        if (s.yearly()) {
            int dash = rest.indexOf('-');
            if (dash < 1 || dash > 9 || !digits(rest.substring(0, dash))) {
                return null;
            }
            year = Integer.parseInt(rest.substring(0, dash));
            rest = rest.substring(dash + 1);
        }
        if (!digits(rest) || rest.length() > 18) {
            return null;
        }
        long no = Long.parseLong(rest);
        String digits = String.valueOf(no);
        String padded = digits.length() >= s.padding() ? digits : "0".repeat(s.padding() - digits.length()) + digits;
        String canonical = s.yearly() ? s.prefix() + "-" + year + "-" + padded : s.prefix() + "-" + padded;
        return no >= 1 && canonical.equals(number) ? new long[] {year, no} : null;
    }

    private static boolean digits(String s) {
        return !s.isEmpty() && s.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** Each key where the two figures differ is a violation; a key missing on one side stands for zero. */
    private void compare(String what, Map<List<Long>, BigDecimal> expected, Map<List<Long>, BigDecimal> kept, String keptBy, String expectedBy) {
        Set<List<Long>> keys = new TreeSet<>((a, b) -> {
            for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
                int c = Long.compare(a.get(i), b.get(i));
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(a.size(), b.size());
        });
        keys.addAll(expected.keySet());
        keys.addAll(kept.keySet());
        for (List<Long> key : keys) {
            checked++;
            BigDecimal e = expected.getOrDefault(key, ZERO);
            BigDecimal k = kept.getOrDefault(key, ZERO);
            if (e.compareTo(k) != 0) {
                violation(String.format(Locale.ROOT, what, key.toArray()) + " " + n(k) + " in " + keptBy + ", " + n(e) + " by " + expectedBy);
            }
        }
    }

    /** Sums by key: every column but the last is a key (a null one reads as 0), the last the amount. */
    private Map<List<Long>, BigDecimal> sums(String sql) throws SQLException {
        Map<List<Long>, BigDecimal> sums = new HashMap<>();
        each(sql, rs -> {
            int n = rs.getMetaData().getColumnCount();
            Long[] key = new Long[n - 1];
            for (int i = 1; i < n; i++) {
                key[i - 1] = rs.getLong(i);
            }
            sums.merge(List.of(key), decimal(rs, n), BigDecimal::add);
        });
        return sums;
    }

    private static Map<List<Long>, BigDecimal> net(Map<List<Long>, BigDecimal> in, Map<List<Long>, BigDecimal> out) {
        Map<List<Long>, BigDecimal> net = new HashMap<>(in);
        out.forEach((key, quantity) -> net.merge(key, quantity.negate(), BigDecimal::add));
        return net;
    }

    private void each(String sql, Rows rows) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                rows.row(rs);
            }
        }
    }

    /** Whether the table exists: PostgreSQL keeps unquoted names in lower case, Derby in upper. */
    private boolean exists(String table) throws SQLException {
        Boolean known = tables.get(table);
        if (known == null) {
            known = found(table) || found(table.toLowerCase(Locale.ROOT));
            tables.put(table, known);
        }
        return known;
    }

    private boolean found(String name) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String escape = meta.getSearchStringEscape();
        String pattern = escape == null || escape.isEmpty() ? name : name.replace("_", escape + "_");
        try (ResultSet rs = meta.getTables(null, null, pattern, null)) {
            while (rs.next()) {
                if (name.equalsIgnoreCase(rs.getString("TABLE_NAME"))) {
                    return true;
                }
            }
        }
        return false;
    }

    private void violation(String violation) {
        violations.add(violation);
    }

    private static BigDecimal decimal(ResultSet rs, int column) throws SQLException {
        BigDecimal value = rs.getBigDecimal(column);
        return value == null ? ZERO : value;
    }

    private static String number(String number) {
        return number == null ? "unnumbered" : number;
    }

    private static String n(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
