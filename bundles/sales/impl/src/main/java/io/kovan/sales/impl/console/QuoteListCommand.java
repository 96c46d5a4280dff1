package io.kovan.sales.impl.console;

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
import io.kovan.sales.api.QuoteDTO;
import io.kovan.sales.api.QuoteService;

/** {@code sales:quote-list}. */
@Service
@Command(scope = "sales", name = "quote-list", description = "Lists quotes, filtered like GET /api/sales/quotes")
public class QuoteListCommand implements Action {

    @Reference
    Caller caller;

    @Reference
    QuoteService quotes;

    @Option(name = "--state", description = "draft, sent, converted, cancelled or expired")
    String state;

    @Option(name = "--customer", description = "The customer's party id")
    String customer;

    @Option(name = "--limit", description = "At most this many (default 50)")
    int limit = PageRequest.DEFAULT_LIMIT;

    @Override
    public Object execute() {
        caller.require("sales.quotes.read");
        Map<String, String> filters = new HashMap<>();
        if (state != null) {
            filters.put("state", state);
        }
        if (customer != null) {
            filters.put("customer", customer);
        }
        Page<QuoteDTO> page = quotes.list(new PageRequest(0, limit, null, null, filters));
        ShellTable table = new ShellTable();
        table.column("Number");
        table.column("Customer").alignRight();
        table.column("Date");
        table.column("Valid until");
        table.column("State");
        table.column("Total").alignRight();
        table.column("Currency");
        table.column("Margin %").alignRight();
        table.column("Salesperson");
        for (QuoteDTO q : page.items()) {
            table.addRow().addContent(q.number(), q.customerId(), q.date(), q.validUntil(), q.state(), q.total().toPlainString(), q.currency(),
                OrderListCommand.dash(q.marginPercent()), q.salesperson());
        }
        table.print(System.out);
        System.out.println(page.items().size() + " of " + page.total() + " quotes");
        return null;
    }
}
