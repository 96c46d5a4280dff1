package io.kovan.kernel.api;

/**
 * A business rule refused an operation. The REST foundation turns each subclass into an
 * RFC 9457 problem response with a fixed status; the console prints the message on one line.
 *
 * @since 1.0
 */
public abstract class KovanException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    protected KovanException(String message) {
        super(message);
    }

    /** The HTTP status this refusal maps to. */
    public abstract int status();

    /** A short, stable title for the kind of problem. */
    public abstract String title();
}
