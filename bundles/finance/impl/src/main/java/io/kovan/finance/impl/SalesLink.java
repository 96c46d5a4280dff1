package io.kovan.finance.impl;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import io.kovan.kernel.api.ConflictException;
import io.kovan.sales.api.CustomerSettingsService;
import io.kovan.sales.api.OrderService;
import io.kovan.sales.api.ReturnService;
import io.kovan.sales.api.ShipmentService;

/**
 * Finance's one way to sales, which may be installed or removed at any time: optional, dynamic
 * references, read once per call.
 */
@Component(service = SalesLink.class)
public class SalesLink {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile ShipmentService shipments;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile ReturnService returns;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile OrderService orders;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile CustomerSettingsService customers;

    ShipmentService shipments() {
        return required(shipments);
    }

    ReturnService returns() {
        return required(returns);
    }

    OrderService orders() {
        return required(orders);
    }

    /** Sales' price group of the customer (a posting rule may match it), or null. */
    String customerGroup(long partyId) {
        CustomerSettingsService c = customers;
        return c == null ? null : c.get(partyId).priceGroup();
    }

    /** The order service when sales is there, else null. */
    OrderService ordersIfPresent() {
        return orders;
    }

    private static <S> S required(S service) {
        if (service == null) {
            throw new ConflictException("Sales is not installed: invoicing from sales documents needs the kovan-sales feature");
        }
        return service;
    }
}
