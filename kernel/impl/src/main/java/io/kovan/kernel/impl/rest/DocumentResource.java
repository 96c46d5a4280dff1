package io.kovan.kernel.impl.rest;

import io.kovan.kernel.api.rest.Params;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import io.kovan.kernel.api.NotFoundException;
import io.kovan.kernel.api.ValidationException;
import io.kovan.kernel.api.document.DocumentDTO;
import io.kovan.kernel.api.document.DocumentFlowDTO;
import io.kovan.kernel.api.document.DocumentFlowService;

/** {@code /api/core/documents}: the document flow across modules. */
@Component(service = DocumentResource.class)
@JaxrsResource
@JaxrsApplicationSelect(CoreApplication.SELECT)
@Path("documents")
@Produces(MediaType.APPLICATION_JSON)
public class DocumentResource {

    private final DocumentFlowService flow;

    @Activate
    public DocumentResource(@Reference DocumentFlowService flow) {
        this.flow = flow;
    }

    /** A document by its number: {@code ?number=SO-2026-000042}. */
    @GET
    public DocumentDTO byNumber(@QueryParam("number") String number) {
        if (number == null || number.isBlank()) {
            throw new ValidationException("number", "is required");
        }
        return flow.findByNumber(number.strip()).orElseThrow(() -> new NotFoundException("Document", number));
    }

    /** Every document connected to this one, both ways, with the links between them. */
    @GET
    @Path("{type}/{id}/flow")
    public DocumentFlowDTO flow(@PathParam("type") String type, @PathParam("id") String id) {
        return flow.flow(type, Params.id("Document " + type, id));
    }
}
