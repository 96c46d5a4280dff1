package io.kovan.inventory.api;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

import io.kovan.kernel.api.Page;
import io.kovan.kernel.api.PageRequest;

/**
 * Reservations against on-hand stock. Never more is reserved in a warehouse than it holds, under
 * any concurrency: the check and the update are one database statement. Every call joins the
 * caller's transaction.
 * <p>
 * List filters: {@code product}, {@code warehouse}, {@code documentType}, {@code document}, {@code state}.
 *
 * @since 1.0
 */
@ProviderType
public interface ReservationService {

    /** Reserves for a document line; a second call for the same line adds to its reservation. */
    ReservationDTO reserve(ReservationRequest request);

    /**
     * Reserves for many lines at once, all or none (a line that may not be partly reserved and
     * cannot be fully makes it a 409); the reservations in the order of the requests. Errors name
     * a request's field as {@code [i].quantity}.
     *
     * @since 1.1
     */
    List<ReservationDTO> reserveAll(List<ReservationRequest> requests);

    /** Gives back what a document's reservations still hold; returns the quantity released. */
    BigDecimal release(String documentType, long documentId);

    /** Gives back what one line's reservation still holds; returns the quantity released. */
    BigDecimal releaseLine(String documentType, long documentId, long lineId);

    /** A document's reservations, by line. */
    List<ReservationDTO> forDocument(String documentType, long documentId);

    /**
     * The reservations of many documents of one type, by document id and then by line, read in a
     * few queries rather than one per document (a page of orders); documents without any are absent.
     *
     * @since 1.2
     */
    Map<Long, List<ReservationDTO>> forDocuments(String documentType, Collection<Long> documentIds);

    ReservationDTO get(long id);

    Page<ReservationDTO> list(PageRequest request);
}
