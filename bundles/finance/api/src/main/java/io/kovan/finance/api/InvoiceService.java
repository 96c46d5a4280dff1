package io.kovan.finance.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

import io.kovan.kernel.api.Page;
import io.kovan.kernel.api.PageRequest;

/**
 * Customer invoices, credit notes and supplier invoices, moved by the {@code finance.invoice}
 * workflow: draft → posted → paid; draft → cancelled. Posting writes the journal entry in the same
 * transaction. List filters: {@code kind}, {@code party}, {@code state}, {@code from}, {@code to},
 * {@code open} (true: not fully paid).
 *
 * @since 1.0
 */
@ProviderType
public interface InvoiceService {

    String DOCUMENT_TYPE = "finance.invoice";

    InvoiceDTO create(InvoiceDTO invoice);

    /** Replaces a draft's data and lines; {@code version} must match. */
    InvoiceDTO update(long id, InvoiceDTO invoice);

    /**
     * A customer invoice for shipped quantities, priced as their order lines: every line of the
     * named shipments (of one customer and currency) not invoiced yet; posted at once when
     * {@code post}. Needs sales.
     */
    InvoiceDTO fromShipments(List<Long> shipmentIds, java.time.LocalDate date, boolean post);

    /**
     * A customer invoice for a confirmed order's services (and lines naming no product) at the
     * ordered quantity: every such line not shipped and not invoiced yet; goods are invoiced from
     * their shipments. A service line is invoiced once, on order or with its shipments, whatever
     * the concurrency. Needs sales.
     *
     * @since 1.1
     */
    InvoiceDTO fromOrder(long orderId, java.time.LocalDate date, boolean post);

    /** A credit note for a customer return, priced as the invoice lines of the shipment lines it brings back. Needs sales. */
    InvoiceDTO fromReturn(long returnId, java.time.LocalDate date, boolean post);

    InvoiceDTO post(long id);

    InvoiceDTO cancel(long id);

    InvoiceDTO get(long id);

    /** By id or number ({@code INV-2026-000001}). */
    InvoiceDTO find(String idOrNumber);

    Page<InvoiceDTO> list(PageRequest request);
}
