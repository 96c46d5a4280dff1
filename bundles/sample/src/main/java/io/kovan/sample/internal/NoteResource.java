package io.kovan.sample.internal;

import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import io.kovan.kernel.api.ValidationException;
import io.kovan.sample.api.NoteDTO;
import io.kovan.sample.api.NoteService;

/** {@code /api/sample/notes}. */
@Component(service = NoteResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=kovan.sample)")
@Path("notes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class NoteResource {

    private final NoteService notes;

    @Activate
    public NoteResource(@Reference NoteService notes) {
        this.notes = notes;
    }

    @GET
    public List<NoteDTO> list() {
        return notes.list();
    }

    @POST
    public Response create(NoteDTO note) {
        if (note == null || note.text() == null || note.text().isBlank()) {
            throw new ValidationException("text", "is required");
        }
        if (note.text().length() > 200) {
            throw new ValidationException("text", "must be at most 200 characters");
        }
        return Response.status(Response.Status.CREATED).entity(notes.create(note)).build();
    }
}
