package io.kovan.kernel.impl.persistence;

import javax.transaction.Status;
import javax.transaction.Synchronization;
import javax.transaction.TransactionManager;

/** Runs something once the current transaction has committed (and never if it rolls back), or once it has ended. */
public final class AfterCommit {

    private AfterCommit() {
    }

    /**
     * Runs something once the current transaction has ended, committed or rolled back.
     *
     * @throws IllegalStateException when there is no transaction to wait for
     */
    public static void atEnd(TransactionManager tm, Runnable work) {
        register(tm, status -> work.run());
    }

    /** @throws IllegalStateException when there is no transaction to wait for */
    public static void run(TransactionManager tm, Runnable work) {
        register(tm, status -> {
            if (status == Status.STATUS_COMMITTED) {
                work.run();
            }
        });
    }

    private static void register(TransactionManager tm, java.util.function.IntConsumer afterCompletion) {
        try {
            tm.getTransaction().registerSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    afterCompletion.accept(status);
                }
            });
        } catch (Exception e) {
            throw new IllegalStateException("could not register work for after the commit", e);
        }
    }
}
