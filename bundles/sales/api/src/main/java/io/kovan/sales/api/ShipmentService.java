package io.kovan.sales.api;

import org.osgi.annotation.versioning.ProviderType;

import io.kovan.kernel.api.Page;
import io.kovan.kernel.api.PageRequest;

/**
 * Shipments, moved by the {@code sales.shipment} workflow: draft → picked → packed → shipped;
 * draft | picked | packed → cancelled. Shipping issues the stock and delivers the order lines.
 * List filters: {@code customer}, {@code order}, {@code state}.
 *
 * @since 1.0
 */
@ProviderType
public interface ShipmentService {

    String DOCUMENT_TYPE = "sales.shipment";

    ShipmentDTO create(ShipmentDTO shipment);

    /**
     * Creates the shipment and ships it in the same transaction, through the workflow's pick and
     * pack (one-step delivery, for a warehouse that does not pick and pack apart): all of it, or
     * nothing when any step is refused.
     *
     * @since 1.1
     */
    ShipmentDTO createAndShip(ShipmentDTO shipment);

    ShipmentDTO get(long id);

    /** By id or number ({@code SH-2026-000001}). */
    ShipmentDTO find(String idOrNumber);

    Page<ShipmentDTO> list(PageRequest request);

    ShipmentDTO pick(long id);

    ShipmentDTO pack(long id);

    ShipmentDTO ship(long id);

    ShipmentDTO cancel(long id);
}
