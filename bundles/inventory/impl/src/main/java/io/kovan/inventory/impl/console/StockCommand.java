package io.kovan.inventory.impl.console;

import org.apache.karaf.shell.support.table.ShellTable;

/** What the stock commands share. */
final class StockCommand {

    private StockCommand() {
    }

    static String dash(Object value) {
        return value == null ? "-" : value instanceof java.math.BigDecimal b ? b.stripTrailingZeros().toPlainString() : value.toString();
    }

    static ShellTable table(String... columns) {
        ShellTable table = new ShellTable();
        for (String c : columns) {
            if (c.startsWith(">")) {
                table.column(c.substring(1)).alignRight();
            } else {
                table.column(c);
            }
        }
        return table;
    }
}
