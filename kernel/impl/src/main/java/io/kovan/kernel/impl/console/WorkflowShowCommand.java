package io.kovan.kernel.impl.console;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import io.kovan.kernel.api.security.Caller;
import io.kovan.kernel.api.workflow.TransitionDTO;
import io.kovan.kernel.api.workflow.WorkflowDTO;
import io.kovan.kernel.api.workflow.WorkflowService;

/** {@code kovan:workflow-show}. */
@Service
@Command(scope = "kovan", name = "workflow-show", description = "Shows a document type's states, transitions, and the guards and actions extending them")
public class WorkflowShowCommand implements Action {

    @Reference
    Caller caller;

    @Reference
    WorkflowService workflows;

    @Argument(index = 0, name = "type", required = true, description = "Document type, e.g. sales.order")
    String type;

    @Override
    public Object execute() {
        caller.require("core.workflows.read");
        WorkflowDTO workflow = workflows.workflow(type);
        System.out.println(workflow.documentType() + ": starts in " + workflow.initialState() + "; states " + String.join(", ", workflow.states()));
        ShellTable table = new ShellTable();
        table.column("Transition");
        table.column("From");
        table.column("To");
        table.column("Permission");
        for (TransitionDTO t : workflow.transitions()) {
            table.addRow().addContent(t.name(), String.join(", ", t.from().stream().sorted().toList()), t.to(),
                t.permission() == null ? "-" : t.permission());
        }
        table.print(System.out);
        workflows.extensions(type).forEach(e -> System.out.println("  " + e));
        return null;
    }
}
