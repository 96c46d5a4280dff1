package io.kovan.inventory.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

import io.kovan.kernel.api.Page;
import io.kovan.kernel.api.PageRequest;

/**
 * Posts moves to the stock ledger on behalf of other modules' documents, in the caller's
 * transaction: if the caller rolls back, the moves, their costs and the reservations they
 * consumed roll back with it. Too little stock is a 409 and nothing is posted.
 * <p>
 * List filters of {@link #list}: {@code product}, {@code warehouse}, {@code location}, {@code type},
 * {@code sourceType}, {@code source}, {@code from} and {@code to} (move dates).
 *
 * @since 1.0
 */
@ProviderType
public interface StockMoveService {

    /** Takes goods out at current cost; returns the moves, one per line (or more, where a line spans lots or locations). */
    List<MoveDTO> issue(IssueRequest request);

    /** Brings issued goods back; returns the moves. */
    List<MoveDTO> receiveReturn(ReturnRequest request);

    /** The moves a document caused, in order. */
    List<MoveDTO> forSource(String sourceType, long sourceId);

    Page<MoveDTO> list(PageRequest request);
}
