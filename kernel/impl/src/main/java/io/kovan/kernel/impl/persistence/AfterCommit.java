package io.kovan.kernel.impl.persistence;

import javax.transaction.Status;
import javax.transaction.Synchronization;
import javax.transaction.TransactionManager;

/** Runs something once the current transaction has committed, and never if it rolls back. */
public final class AfterCommit {

    private AfterCommit() {
    }

    /** @throws IllegalStateException when there is no transaction to wait for */
    public static void run(TransactionManager tm, Runnable work) {
        try {
            tm.getTransaction().registerSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        work.run();
                    }
                }
            });
        } catch (Exception e) {
            throw new IllegalStateException("could not register work for after the commit", e);
        }
    }
}
