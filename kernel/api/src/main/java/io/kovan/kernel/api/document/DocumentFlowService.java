package io.kovan.kernel.api.document;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Records where documents came from, so any client can walk the chain
 * quote → order → shipment → invoice → payment (and return → credit note) across modules.
 * <p>
 * Writes join the caller's transaction: a link recorded by an operation that rolls back is gone
 * with it. A module calls {@link #link} when it creates a document from another, and
 * {@link #record} whenever a document's number, state or amount changes.
 *
 * @since 1.0
 */
@ProviderType
public interface DocumentFlowService {

    /** Records (or refreshes) what the flow shows of a document. */
    void record(DocumentDTO document);

    /** Records both documents and that {@code to} came from {@code from}; recording it twice changes nothing. */
    void link(DocumentDTO from, DocumentDTO to);

    /** The connected flow around a document; 404 when the document was never recorded. */
    DocumentFlowDTO flow(String type, long id);

    /** A document by its number ({@code SO-2026-000042}). */
    Optional<DocumentDTO> findByNumber(String number);
}
