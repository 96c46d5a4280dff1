package io.kovan.kernel.api;

import java.util.function.Supplier;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Runs business operations in one database transaction, whatever modules they write through.
 * <p>
 * Every module's persistence unit joins the same JTA transaction, so work passed to
 * {@link #required(Supplier)} commits or rolls back as one, across modules. A runtime exception
 * thrown by the work rolls the whole transaction back and is rethrown unchanged.
 *
 * @since 1.0
 */
@ProviderType
public interface Transactions {

    /** Runs {@code work} in the caller's transaction, or in a new one committed on return. */
    <T> T required(Supplier<T> work);

    /** Runs {@code work} in the caller's transaction, or in a new one committed on return. */
    void required(Runnable work);

    /** Runs {@code work} in a new transaction, suspending the caller's for the duration. */
    <T> T requiresNew(Supplier<T> work);

    /** True while the calling thread is inside a transaction. */
    boolean isActive();

    /** Marks the caller's transaction so that it rolls back at its end. */
    void setRollbackOnly();
}
