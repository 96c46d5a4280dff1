package io.kovan.kernel.api;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Input broke a rule; each {@link Violation} names the field (JSON property or query parameter).
 * Answered as 400.
 *
 * @since 1.0
 */
public class ValidationException extends KovanException {

    private static final long serialVersionUID = 1L;

    /** One broken rule: the field's name as the client wrote it, and what is wrong with it. */
    public record Violation(String field, String message) {
    }

    private final List<Violation> violations;

    public ValidationException(String field, String message) {
        this(List.of(new Violation(field, message)));
    }

    public ValidationException(List<Violation> violations) {
        super(violations.stream().map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; ")));
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("a validation failure needs at least one violation");
        }
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }

    @Override
    public int status() {
        return 400;
    }

    @Override
    public String title() {
        return "Invalid input";
    }
}
