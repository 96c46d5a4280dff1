package io.kovan.kernel.impl.persistence;

import java.util.function.Supplier;

import javax.transaction.Status;
import javax.transaction.SystemException;
import javax.transaction.Transaction;
import javax.transaction.TransactionManager;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.coordinator.Coordination;
import org.osgi.service.coordinator.Coordinator;

import io.kovan.kernel.api.Transactions;
import io.kovan.kernel.impl.module.SchemaReady;

/**
 * {@link Transactions} on the container's JTA transaction manager: every persistence unit on the
 * XA DataSource enlists in the same transaction. Registered only once the kernel's schema is
 * migrated (hence the reference to the module registry), so no module writes to a missing table.
 * <p>
 * Each transaction it begins runs inside an OSGi coordination, which Aries JPA uses to hold the
 * EntityManagers: every {@code JpaTemplate} call of one persistence unit in the transaction then
 * shares one EntityManager (one persistence context, one pooled connection handle), closed
 * once the transaction has ended. Without it each call opened an EntityManager of its own, and
 * several handles to the transaction's one connection were closed after completion, racing
 * with the pool's own release of that connection (the intermittent "Transaction is marked for
 * rollback" of the concurrent numbering test).
 */
@Component(service = Transactions.class)
public class JtaTransactions implements Transactions {

    private final TransactionManager tm;
    private final Coordinator coordinator;

    @Activate
    public JtaTransactions(@Reference TransactionManager tm, @Reference Coordinator coordinator, @Reference SchemaReady schemaReady) {
        this.tm = tm;
        this.coordinator = coordinator;
    }

    @Override
    public <T> T required(Supplier<T> work) {
        if (isActive()) {
            return work.get();
        }
        return inNewTransaction(work);
    }

    @Override
    public void required(Runnable work) {
        required(() -> {
            work.run();
            return null;
        });
    }

    @Override
    public <T> T requiresNew(Supplier<T> work) {
        Transaction suspended = null;
        try {
            if (isActive()) {
                suspended = tm.suspend();
            }
            return inNewTransaction(work);
        } catch (SystemException e) {
            throw new IllegalStateException("transaction manager failed", e);
        } finally {
            if (suspended != null) {
                try {
                    tm.resume(suspended);
                } catch (Exception e) {
                    throw new IllegalStateException("could not resume the caller's transaction", e);
                }
            }
        }
    }

    @Override
    public boolean isActive() {
        try {
            int status = tm.getStatus();
            return status == Status.STATUS_ACTIVE || status == Status.STATUS_MARKED_ROLLBACK;
        } catch (SystemException e) {
            throw new IllegalStateException("transaction manager failed", e);
        }
    }

    @Override
    public void setRollbackOnly() {
        try {
            tm.setRollbackOnly();
        } catch (IllegalStateException | SystemException e) {
            throw new IllegalStateException("no transaction to mark for rollback", e);
        }
    }

    private <T> T inNewTransaction(Supplier<T> work) {
        Coordination scope = coordinator.begin("kovan.transaction", 0);
        T result;
        try {
            result = inNewTransactionScoped(work);
        } catch (RuntimeException | Error e) {
            try {
                scope.end();
            } catch (RuntimeException ended) {
                e.addSuppressed(ended);
            }
            throw e;
        }
        scope.end();
        return result;
    }

    private <T> T inNewTransactionScoped(Supplier<T> work) {
        T result;
        try {
            tm.begin();
        } catch (Exception e) {
            throw new IllegalStateException("could not begin a transaction", e);
        }
        try {
            result = work.get();
        } catch (RuntimeException | Error e) {
            rollbackQuietly(e);
            throw e;
        }
        try {
            if (tm.getStatus() == Status.STATUS_MARKED_ROLLBACK) {
                tm.rollback();
            } else {
                tm.commit();
            }
        } catch (javax.transaction.RollbackException e) {
            throw new TransactionFailedException("the transaction was rolled back at commit", e);
        } catch (Exception e) {
            throw new TransactionFailedException("the transaction failed at commit", e);
        }
        return result;
    }

    private void rollbackQuietly(Throwable cause) {
        try {
            tm.rollback();
        } catch (Exception e) {
            cause.addSuppressed(e);
        }
    }
}
