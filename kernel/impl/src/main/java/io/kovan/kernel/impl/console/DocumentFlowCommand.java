package io.kovan.kernel.impl.console;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import io.kovan.kernel.api.NotFoundException;
import io.kovan.kernel.api.document.DocumentDTO;
import io.kovan.kernel.api.document.DocumentFlowDTO;
import io.kovan.kernel.api.document.DocumentFlowService;
import io.kovan.kernel.api.document.DocumentLinkDTO;
import io.kovan.kernel.api.security.Caller;

/** {@code kovan:document-flow}: the flow around a document, as a tree from where it started. */
@Service
@Command(scope = "kovan", name = "document-flow", description = "Shows every document connected to one, as a tree (quote → order → …)")
public class DocumentFlowCommand implements Action {

    @Reference
    Caller caller;

    @Reference
    DocumentFlowService flows;

    @Argument(index = 0, name = "document", required = true, description = "Document number (SO-2026-000042) or type:id (sales.order:42)")
    String document;

    @Override
    public Object execute() {
        caller.require("core.documents.read");
        DocumentDTO start = find();
        print(flows.flow(start.type(), start.id()), System.out);
        return null;
    }

    private DocumentDTO find() {
        int colon = document.lastIndexOf(':');
        if (colon > 0 && document.substring(colon + 1).matches("\\d{1,18}")) {
            return flows.flow(document.substring(0, colon), Long.parseLong(document.substring(colon + 1))).start();
        }
        return flows.findByNumber(document).orElseThrow(() -> new NotFoundException("Document", document));
    }

    /** Prints each root (a document nothing came from) and, indented below, what came from it. */
    static void print(DocumentFlowDTO flow, PrintStream out) {
        Map<String, DocumentDTO> byKey = new LinkedHashMap<>();
        flow.documents().forEach(d -> byKey.put(key(d.type(), d.id()), d));
        Map<String, List<String>> children = new LinkedHashMap<>();
        Set<String> hasParent = new HashSet<>();
        for (DocumentLinkDTO l : flow.links()) {
            children.computeIfAbsent(key(l.fromType(), l.fromId()), k -> new ArrayList<>()).add(key(l.toType(), l.toId()));
            hasParent.add(key(l.toType(), l.toId()));
        }
        Set<String> printed = new HashSet<>();
        String start = key(flow.start().type(), flow.start().id());
        for (String root : byKey.keySet()) {
            if (!hasParent.contains(root)) {
                print(root, "", byKey, children, printed, start, out);
            }
        }
    }

    private static void print(String key, String indent, Map<String, DocumentDTO> byKey, Map<String, List<String>> children,
        Set<String> printed, String start, PrintStream out) {
        DocumentDTO d = byKey.get(key);
        boolean again = !printed.add(key);
        out.println(indent + (indent.isEmpty() ? "" : "└─ ") + line(d) + (key.equals(start) ? "  ◀" : "") + (again ? "  (shown above)" : ""));
        if (!again) {
            for (String child : children.getOrDefault(key, List.of())) {
                print(child, indent.isEmpty() ? "   " : indent + "   ", byKey, children, printed, start, out);
            }
        }
    }

    private static String line(DocumentDTO d) {
        StringBuilder s = new StringBuilder(d.number() == null ? d.type() + ":" + d.id() : d.number());
        s.append("  ").append(d.type());
        if (d.state() != null) {
            s.append("  ").append(d.state());
        }
        if (d.date() != null) {
            s.append("  ").append(d.date());
        }
        if (d.amount() != null) {
            s.append("  ").append(d.amount().toPlainString()).append(d.currency() == null ? "" : " " + d.currency());
        }
        return s.toString();
    }

    private static String key(String type, long id) {
        return type + ":" + id;
    }
}
