package io.kovan.sales.impl.console;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import io.kovan.kernel.api.KovanException;
import io.kovan.kernel.api.security.Caller;
import io.kovan.sales.api.OrderDTO;
import io.kovan.sales.api.OrderService;

/** {@code sales:order-confirm <number|id>}: as POST /api/sales/orders/{id}/confirm. */
@Service
@Command(scope = "sales", name = "order-confirm", description = "Confirms an order: credit check and stock reservation")
public class OrderConfirmCommand implements Action {

    @Reference
    Caller caller;

    @Reference
    OrderService orders;

    @Argument(index = 0, name = "order", description = "The order's number (SO-2026-000001) or id", required = true)
    String order;

    @Override
    public Object execute() {
        caller.require("sales.orders.write");
        try {
            OrderDTO confirmed = orders.confirm(orders.find(order).id());
            System.out.println(confirmed.number() + " is " + confirmed.state()
                + (confirmed.approvalReason() == null || !confirmed.state().equals("pending-approval") ? "" : ": " + confirmed.approvalReason()));
        } catch (KovanException e) {
            System.out.println(e.getMessage());
        }
        return null;
    }
}
