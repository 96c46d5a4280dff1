package io.kovan.kernel.impl.workflow;

import java.util.List;
import java.util.Set;

import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;

import io.kovan.kernel.api.workflow.HistoryEntryDTO;
import io.kovan.kernel.api.workflow.WorkflowDTO;
import io.kovan.kernel.api.workflow.WorkflowService;

/**
 * The {@link WorkflowService} as one bundle sees it (one instance per using bundle): when the
 * bundle lets go of the service — it stops, or is uninstalled — the workflows it declared go too.
 */
@Component(service = WorkflowService.class, scope = ServiceScope.BUNDLE)
public class BundleWorkflowService implements WorkflowService {

    private final WorkflowServiceImpl workflows;
    private final long bundleId;

    @Activate
    public BundleWorkflowService(@Reference WorkflowServiceImpl workflows, ComponentContext context) {
        this.workflows = workflows;
        this.bundleId = context.getUsingBundle().getBundleId();
    }

    @Deactivate
    void deactivate() {
        workflows.forget(bundleId);
    }

    @Override
    public void define(WorkflowDTO workflow) {
        workflows.define(workflow, bundleId);
    }

    @Override
    public List<WorkflowDTO> workflows() {
        return workflows.workflows();
    }

    @Override
    public WorkflowDTO workflow(String documentType) {
        return workflows.workflow(documentType);
    }

    @Override
    public String transition(String documentType, long documentId, String currentState, String transition, String user, Set<String> roles,
        String comment) {
        return workflows.transition(documentType, documentId, currentState, transition, user, roles, comment);
    }

    @Override
    public List<HistoryEntryDTO> history(String documentType, long documentId) {
        return workflows.history(documentType, documentId);
    }

    @Override
    public List<String> extensions(String documentType) {
        return workflows.extensions(documentType);
    }
}
