package io.kovan.sales.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.persistence.Column;

import org.junit.jupiter.api.Test;

class OrderLineRowsTest {

    private static final List<String> COLUMNS = List.of(OrderLineRows.COLUMNS.split(",\\s*"));

    private static List<Field> persistentFields() {
        List<Field> fields = new ArrayList<>();
        for (Class<?> c = OrderLineEntity.class; c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers()) && !Modifier.isTransient(f.getModifiers())) {
                    f.setAccessible(true);
                    fields.add(f);
                }
            }
        }
        return fields;
    }

    private static String column(Field f) {
        Column c = f.getAnnotation(Column.class);
        return c != null && !c.name().isEmpty() ? c.name() : f.getName().toUpperCase(Locale.ROOT);
    }

    /** A value of the field's type that no other column has, as the database driver gives it. */
    private static Object rowValue(Field f, int i) {
        Class<?> t = f.getType();
        if (t == long.class || t == Long.class) {
            return 1000L + i;
        }
        if (t == int.class) {
            return 2000 + i;
        }
        if (t == boolean.class) {
            return (short) 1;
        }
        if (t == BigDecimal.class) {
            return BigDecimal.valueOf(3000 + i, 2);
        }
        if (t == LocalDate.class) {
            return java.sql.Date.valueOf(LocalDate.of(2026, 1, 1).plusDays(i));
        }
        return "text " + i;
    }

    @Test
    void everyMappedColumnIsReadOnce() {
        List<String> mapped = persistentFields().stream().map(OrderLineRowsTest::column).sorted().toList();
        assertEquals(mapped, COLUMNS.stream().sorted().toList());
    }

    @Test
    void eachFieldGetsItsOwnColumnsValue() throws IllegalAccessException {
        List<Field> fields = persistentFields();
        Object[] row = new Object[COLUMNS.size()];
        for (Field f : fields) {
            int i = COLUMNS.indexOf(column(f));
            assertTrue(i >= 0, f.getName());
            row[i] = rowValue(f, i);
        }
        OrderLineEntity line = OrderLineRows.line(row);
        for (Field f : fields) {
            Object expected = row[COLUMNS.indexOf(column(f))];
            Object actual = f.get(line);
            if (expected instanceof java.sql.Date d) {
                expected = d.toLocalDate();
            } else if (f.getType() == boolean.class) {
                expected = true;
            } else if (f.getType() == int.class) {
                expected = ((Number) expected).intValue();
            }
            assertEquals(expected, actual, f.getName());
        }
    }

    @Test
    void postgresqlBooleansAndMissingDatesAreRead() {
        Object[] row = new Object[COLUMNS.size()];
        row[0] = 1L;
        row[1] = 2L;
        row[2] = 3;
        row[3] = 4L;
        row[COLUMNS.indexOf("STOCKED")] = Boolean.FALSE;
        OrderLineEntity line = OrderLineRows.line(row);
        assertEquals(false, line.stocked);
        assertEquals(null, line.promisedDate);
    }
}
