package io.kovan.finance.impl.console;

import java.util.HashMap;
import java.util.Map;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import io.kovan.finance.api.InvoiceDTO;
import io.kovan.finance.api.InvoiceService;
import io.kovan.kernel.api.KovanException;
import io.kovan.kernel.api.Page;
import io.kovan.kernel.api.PageRequest;
import io.kovan.kernel.api.security.Caller;

/** {@code finance:invoice-list}. */
@Service
@Command(scope = "finance", name = "invoice-list", description = "Lists invoices, filtered like GET /api/finance/invoices")
public class InvoiceListCommand implements Action {

    @Reference
    Caller caller;

    @Reference
    InvoiceService invoices;

    @Option(name = "--kind", description = "CUSTOMER_INVOICE, CREDIT_NOTE or SUPPLIER_INVOICE")
    String kind;

    @Option(name = "--party", description = "The party's id")
    String party;

    @Option(name = "--open", description = "Only posted invoices not fully paid")
    boolean open;

    @Option(name = "--limit", description = "At most this many (default 50)")
    int limit = PageRequest.DEFAULT_LIMIT;

    @Override
    public Object execute() {
        caller.require("finance.invoices.read");
        Map<String, String> filters = new HashMap<>();
        if (kind != null) {
            filters.put("kind", kind);
        }
        if (party != null) {
            filters.put("party", party);
        }
        if (open) {
            filters.put("open", "true");
        }
        try {
            Page<InvoiceDTO> page = invoices.list(new PageRequest(0, limit, null, null, filters));
            ShellTable table = new ShellTable();
            table.column("Number");
            table.column("Kind");
            table.column("Party");
            table.column("Date");
            table.column("Due");
            table.column("State");
            table.column("Total").alignRight();
            table.column("Open").alignRight();
            table.column("Currency");
            for (InvoiceDTO i : page.items()) {
                table.addRow().addContent(i.number() == null ? "(draft " + i.id() + ")" : i.number(), i.kind(), i.partyName(), i.date(), i.dueDate(),
                    i.state(), i.total().toPlainString(), i.openAmount().toPlainString(), i.currency());
            }
            table.print(System.out);
            System.out.println(page.items().size() + " of " + page.total() + " invoices");
        } catch (KovanException e) {
            System.out.println(e.getMessage());
        }
        return null;
    }
}
