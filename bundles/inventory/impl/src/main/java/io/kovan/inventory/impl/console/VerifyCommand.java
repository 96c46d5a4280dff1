package io.kovan.inventory.impl.console;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import io.kovan.inventory.api.StockService;
import io.kovan.kernel.api.security.Caller;

/** {@code stock:verify}. */
@Service
@Command(scope = "stock", name = "verify", description = "Recomputes every stock balance from the ledger and reports differences")
public class VerifyCommand implements Action {

    @Reference
    Caller caller;

    @Reference
    StockService stock;

    @Override
    public Object execute() {
        caller.require("inventory.stock.read");
        List<String> differences = stock.verify();
        if (differences.isEmpty()) {
            System.out.println("Stock is sound: every balance equals the sum of its moves, nothing reserved exceeds on hand");
        } else {
            differences.forEach(System.out::println);
            System.out.println(differences.size() + " differences");
        }
        return null;
    }
}
