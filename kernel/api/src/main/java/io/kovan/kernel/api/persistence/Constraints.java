package io.kovan.kernel.api.persistence;

import java.sql.SQLException;
import java.util.function.Supplier;

import javax.persistence.EntityManager;

import io.kovan.kernel.api.ConflictException;

/**
 * Turns the database's refusal of a write (a unique or foreign key constraint, SQLSTATE 23xxx)
 * into a {@link ConflictException} with a message for people, so that a race two services
 * cannot see coming still ends in a clean 409 and a one-line console error.
 */
public final class Constraints {

    private Constraints() {
    }

    /** Flushes, translating a constraint violation into a conflict described by {@code message}. */
    public static void flush(EntityManager em, Supplier<String> message) {
        try {
            em.flush();
        } catch (RuntimeException e) {
            if (isConstraintViolation(e)) {
                throw new ConflictException(message.get());
            }
            throw e;
        }
    }

    public static boolean isConstraintViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }
}
