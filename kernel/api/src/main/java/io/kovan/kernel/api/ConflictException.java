package io.kovan.kernel.api;

/**
 * The operation is valid in itself but clashes with the current state: a duplicate code, a
 * stale version, a state that forbids it. Answered as 409.
 *
 * @since 1.0
 */
public class ConflictException extends KovanException {

    private static final long serialVersionUID = 1L;

    public ConflictException(String message) {
        super(message);
    }

    @Override
    public int status() {
        return 409;
    }

    @Override
    public String title() {
        return "Conflict";
    }
}
