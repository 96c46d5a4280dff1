package io.kovan.sales.impl.console;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import io.kovan.kernel.api.Page;
import io.kovan.kernel.api.PageRequest;
import io.kovan.kernel.api.security.Caller;
import io.kovan.sales.api.OrderDTO;
import io.kovan.sales.api.OrderService;

/** {@code sales:order-list}. */
@Service
@Command(scope = "sales", name = "order-list", description = "Lists orders, filtered like GET /api/sales/orders")
public class OrderListCommand implements Action {

    @Reference
    Caller caller;

    @Reference
    OrderService orders;

    @Option(name = "--state", description = "draft, pending-approval, confirmed, partially-delivered, delivered or cancelled")
    String state;

    @Option(name = "--customer", description = "The customer's party id")
    String customer;

    @Option(name = "--limit", description = "At most this many (default 50)")
    int limit = PageRequest.DEFAULT_LIMIT;

    @Override
    public Object execute() {
        caller.require("sales.orders.read");
        Map<String, String> filters = new HashMap<>();
        if (state != null) {
            filters.put("state", state);
        }
        if (customer != null) {
            filters.put("customer", customer);
        }
        Page<OrderDTO> page = orders.list(new PageRequest(0, limit, null, null, filters));
        ShellTable table = new ShellTable();
        table.column("Number");
        table.column("Customer").alignRight();
        table.column("Date");
        table.column("State");
        table.column("Total").alignRight();
        table.column("Currency");
        table.column("Promised");
        table.column("Salesperson");
        for (OrderDTO o : page.items()) {
            table.addRow().addContent(o.number(), o.customerId(), o.date(), o.state(), o.total().toPlainString(), o.currency(), dash(o.promisedDate()),
                o.salesperson());
        }
        table.print(System.out);
        System.out.println(page.items().size() + " of " + page.total() + " orders");
        return null;
    }

    static String dash(Object value) {
        return value == null ? "-" : value instanceof BigDecimal d ? d.toPlainString() : value.toString();
    }
}
