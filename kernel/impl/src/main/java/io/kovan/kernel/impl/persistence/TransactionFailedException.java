package io.kovan.kernel.impl.persistence;

/** A commit failed: the database refused the transaction's writes. */
public class TransactionFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TransactionFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
