package io.kovan.sales.impl.console;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import io.kovan.kernel.api.KovanException;
import io.kovan.kernel.api.security.Caller;
import io.kovan.sales.api.ShipmentDTO;
import io.kovan.sales.api.ShipmentService;

/** {@code sales:shipment-ship <number|id>}: picks and packs as needed, then ships. */
@Service
@Command(scope = "sales", name = "shipment-ship", description = "Ships a shipment, picking and packing it first when still needed")
public class ShipmentShipCommand implements Action {

    @Reference
    Caller caller;

    @Reference
    ShipmentService shipments;

    @Argument(index = 0, name = "shipment", description = "The shipment's number (SH-2026-000001) or id", required = true)
    String shipment;

    @Override
    public Object execute() {
        caller.require("sales.shipments.write");
        try {
            ShipmentDTO s = shipments.find(shipment);
            if (s.state().equals("draft")) {
                s = shipments.pick(s.id());
            }
            if (s.state().equals("picked")) {
                s = shipments.pack(s.id());
            }
            s = shipments.ship(s.id());
            System.out.println(s.number() + " shipped on " + s.shippedDate() + ", cost " + OrderListCommand.dash(s.totalCost()) + " " + s.currency());
        } catch (KovanException e) {
            System.out.println(e.getMessage());
        }
        return null;
    }
}
