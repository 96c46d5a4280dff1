package io.kovan.kernel.impl.rest;

import io.kovan.kernel.api.rest.Params;
import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import io.kovan.kernel.api.workflow.HistoryEntryDTO;
import io.kovan.kernel.api.workflow.WorkflowDTO;
import io.kovan.kernel.api.workflow.WorkflowService;

/** {@code /api/core/workflows}: declared workflows, their extensions, and each document's history. */
@Component(service = WorkflowResource.class)
@JaxrsResource
@JaxrsApplicationSelect(CoreApplication.SELECT)
@Path("workflows")
@Produces(MediaType.APPLICATION_JSON)
public class WorkflowResource {

    /** A workflow with the guards and actions registered for it, in the order they run. */
    public record WorkflowDetailDTO(WorkflowDTO workflow, List<String> extensions) {
    }

    private final WorkflowService workflows;

    @Activate
    public WorkflowResource(@Reference WorkflowService workflows) {
        this.workflows = workflows;
    }

    @GET
    public List<WorkflowDTO> list() {
        return workflows.workflows();
    }

    @GET
    @Path("{type}")
    public WorkflowDetailDTO get(@PathParam("type") String type) {
        return new WorkflowDetailDTO(workflows.workflow(type), workflows.extensions(type));
    }

    @GET
    @Path("{type}/{id}/history")
    public List<HistoryEntryDTO> history(@PathParam("type") String type, @PathParam("id") String id) {
        workflows.workflow(type);
        return workflows.history(type, Params.id("Document " + type, id));
    }
}
