package io.kovan.inventory.impl;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceException;

/**
 * Statements sent over the JDBC connection of the caller's transaction, for the many-row work of
 * one document: one prepared statement executed as a batch instead of a native query per row.
 * The caller flushes the persistence context first, as the provider does before its own queries.
 */
final class Jdbc {

    /** Rows per IN list, well inside what Derby and PostgreSQL take in one statement. */
    private static final int IN_LIST = 500;

    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    private Jdbc() {
    }

    static <T> T run(EntityManager em, Work<T> work) {
        try {
            return work.run(em.unwrap(Connection.class));
        } catch (SQLException e) {
            throw new PersistenceException(e);
        }
    }

    /** Executes the statement once per row of parameters in one batch; the update count of each. */
    static int[] batch(Connection connection, String sql, List<Object[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return new int[0];
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (Object[] row : rows) {
                bind(statement, row);
                statement.addBatch();
            }
            return statement.executeBatch();
        }
    }

    /**
     * Runs {@code select}, which ends in {@code IN}, for the ids, a slice at a time. The rows read
     * must belong to products whose rows the caller's transaction has locked, so no other writer
     * can have changed them: on Derby they are read without read locks ({@code WITH UR}), because
     * Derby scans a small table whole for an IN list and would wait on other transactions' rows of
     * other products, which deadlocked two shipments of different products against each other.
     */
    static void query(Connection connection, String select, List<Long> ids, RowReader reader) throws SQLException {
        String unlocked = connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("derby") ? " WITH UR" : "";
        for (int from = 0; from < ids.size(); from += IN_LIST) {
            List<Long> slice = ids.subList(from, Math.min(ids.size(), from + IN_LIST));
            String sql = select + " (" + String.join(", ", Collections.nCopies(slice.size(), "?")) + ")" + unlocked;
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                bind(statement, slice.toArray());
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        reader.read(rs);
                    }
                }
            }
        }
    }

    private static void bind(PreparedStatement statement, Object[] values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            if (value == null) {
                // Typed, so that PostgreSQL can tell COALESCE(?, AVG_COST) what the parameter is.
                statement.setNull(i + 1, Types.DECIMAL);
            } else if (value instanceof LocalDate d) {
                statement.setDate(i + 1, java.sql.Date.valueOf(d));
            } else if (value instanceof BigDecimal b) {
                statement.setBigDecimal(i + 1, b);
            } else {
                statement.setObject(i + 1, value);
            }
        }
    }
}
