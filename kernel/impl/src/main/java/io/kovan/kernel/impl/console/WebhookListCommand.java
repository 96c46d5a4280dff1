package io.kovan.kernel.impl.console;

import java.util.Map;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import io.kovan.kernel.api.security.Caller;
import io.kovan.kernel.api.webhook.WebhookDTO;
import io.kovan.kernel.impl.webhook.WebhookStore;

/** {@code kovan:webhook-list}: the webhooks and how their deliveries stand. */
@Service
@Command(scope = "kovan", name = "webhook-list", description = "Lists the webhooks with their pending, delivered and failed deliveries")
public class WebhookListCommand implements Action {

    @Reference
    Caller caller;

    @Reference
    WebhookStore webhooks;

    @Override
    public Object execute() {
        caller.require("core.webhooks.admin");
        Map<Long, Map<String, Object>> summary = webhooks.summary();
        ShellTable table = new ShellTable();
        table.column("Id").alignRight();
        table.column("URL");
        table.column("Events");
        table.column("Active");
        table.column("Pending").alignRight();
        table.column("Delivered").alignRight();
        table.column("Failed").alignRight();
        table.column("Last attempt (UTC)");
        for (WebhookDTO w : webhooks.list()) {
            Map<String, Object> counts = summary.getOrDefault(w.id(), Map.of());
            table.addRow().addContent(w.id(), w.url(), String.join(", ", w.events()), w.active() ? "yes" : "no",
                counts.getOrDefault("PENDING", 0L), counts.getOrDefault("DELIVERED", 0L), counts.getOrDefault("FAILED", 0L),
                counts.getOrDefault("lastAt", "-"));
        }
        table.print(System.out);
        return null;
    }
}
