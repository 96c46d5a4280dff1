package io.kovan.kernel.api;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Collects every broken rule of one input before refusing it, so a client learns all its
 * mistakes at once. Field names are the JSON property names the client sent.
 *
 * <pre>
 * Violations v = new Violations();
 * v.requireText("name", dto.name(), 200);
 * v.check(dto.limit() == null || dto.limit().signum() &gt;= 0, "creditLimit", "must not be negative");
 * v.throwIfAny();
 * </pre>
 *
 * @since 1.0
 */
public final class Violations {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final List<ValidationException.Violation> found = new ArrayList<>();

    /** Records {@code message} against {@code field} unless {@code ok}. */
    public Violations check(boolean ok, String field, String message) {
        if (!ok) {
            found.add(new ValidationException.Violation(field, message));
        }
        return this;
    }

    /** The value must be present, not blank, and at most {@code maxLength} characters. */
    public Violations requireText(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return check(false, field, "is required");
        }
        return maxLength(field, value, maxLength);
    }

    /** An optional value must be at most {@code maxLength} characters. */
    public Violations maxLength(String field, String value, int maxLength) {
        return check(value == null || value.length() <= maxLength, field, "must be at most " + maxLength + " characters");
    }

    public Violations require(String field, Object value) {
        return check(value != null, field, "is required");
    }

    /** An optional e-mail address must look like one. */
    public Violations email(String field, String value) {
        return check(value == null || value.isBlank() || (value.length() <= 200 && EMAIL.matcher(value).matches()),
            field, "must be an e-mail address");
    }

    /** An optional amount must be zero or more and carry no more than {@code scale} decimals. */
    public Violations nonNegative(String field, BigDecimal value, int scale) {
        if (value == null) {
            return this;
        }
        check(value.signum() >= 0, field, "must not be negative");
        return check(value.stripTrailingZeros().scale() <= scale, field, "must have at most " + scale + " decimals");
    }

    /** A required quantity must be greater than zero and carry no more than {@code scale} decimals. */
    public Violations positive(String field, BigDecimal value, int scale) {
        if (value == null) {
            return require(field, null);
        }
        check(value.signum() > 0, field, "must be greater than zero");
        return check(value.stripTrailingZeros().scale() <= scale, field, "must have at most " + scale + " decimals");
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    /** Throws one {@link ValidationException} naming every violation, if there is any. */
    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw new ValidationException(found);
        }
    }
}
