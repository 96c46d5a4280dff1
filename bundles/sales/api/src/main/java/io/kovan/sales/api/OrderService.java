package io.kovan.sales.api;

import org.osgi.annotation.versioning.ProviderType;

import io.kovan.kernel.api.Page;
import io.kovan.kernel.api.PageRequest;

/**
 * Sales orders, moved by the {@code sales.order} workflow: draft → confirmed, or → pending-approval
 * when the credit check fails, then → confirmed by approval; confirmed → partially-delivered →
 * delivered by shipments; draft | pending-approval | confirmed → cancelled. List filters:
 * {@code customer}, {@code state}, {@code salesperson}, {@code from} and {@code to} (order dates).
 *
 * @since 1.0
 */
@ProviderType
public interface OrderService {

    String DOCUMENT_TYPE = "sales.order";
    String APPROVE_PERMISSION = "sales.order.approve";

    OrderDTO create(OrderDTO order);

    /** Replaces a draft order's data and lines; {@code version} must match. */
    OrderDTO update(long id, OrderDTO order);

    OrderDTO get(long id);

    /** By id or number ({@code SO-2026-000001}). */
    OrderDTO find(String idOrNumber);

    Page<OrderDTO> list(PageRequest request);

    /**
     * Checks the customer's credit and confirms, reserving stock; over the credit limit, and
     * without {@link #APPROVE_PERMISSION}, the order waits in pending-approval instead.
     */
    OrderDTO confirm(long id);

    /** Confirms an order waiting for approval; needs {@link #APPROVE_PERMISSION}. */
    OrderDTO approve(long id);

    /** Cancels and releases the order's reservations; refused once anything was shipped. */
    OrderDTO cancel(long id);
}
