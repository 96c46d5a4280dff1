package io.kovan.kernel.api;

/**
 * An update carried a {@code version} older than the stored one: someone else changed the
 * record first. The client reloads and retries. Answered as 409.
 *
 * @since 1.0
 */
public class StaleVersionException extends ConflictException {

    private static final long serialVersionUID = 1L;

    public StaleVersionException(String kind, Object id, long given, long current) {
        super(kind + " " + id + " was changed by someone else: version " + given + " is stale, current is " + current);
    }

    @Override
    public String title() {
        return "Stale version";
    }
}
