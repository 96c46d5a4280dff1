package io.kovan.kernel.impl.rest;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import io.kovan.kernel.api.Page;
import io.kovan.kernel.api.rest.Params;
import io.kovan.kernel.api.webhook.WebhookDTO;
import io.kovan.kernel.api.webhook.WebhookDeliveryDTO;
import io.kovan.kernel.api.webhook.WebhookService;

/**
 * {@code /api/core/webhooks}: for administrators only (permission core.webhooks.admin), since a
 * webhook can carry any data out of the system.
 */
@Component(service = WebhookResource.class)
@JaxrsResource
@JaxrsApplicationSelect(CoreApplication.SELECT)
@Path("webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WebhookResource {

    private final WebhookService webhooks;

    @Activate
    public WebhookResource(@Reference WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    /** A page of them, in their own order; {@code q} searches. */
    @GET
    public Page<WebhookDTO> list(@Context UriInfo uri) {
        return Page.slice(webhooks.list(), Params.page(uri), w -> w.url());
    }

    /** {@code {"url", "events": ["core.party.created", "sales.*", "*"], "secret"}}; the secret is never shown again. */
    @POST
    public Response create(WebhookDTO webhook, @Context UriInfo uri) {
        WebhookDTO created = webhooks.create(Params.body(webhook));
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build()).entity(created).build();
    }

    @GET
    @Path("{id}")
    public WebhookDTO get(@PathParam("id") String id) {
        return webhooks.get(Params.id("Webhook", id));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        webhooks.delete(Params.id("Webhook", id));
        return Response.noContent().build();
    }

    /** Newest first; {@code ?status=PENDING|DELIVERED|FAILED}, {@code offset}, {@code limit}. */
    @GET
    @Path("{id}/deliveries")
    public Page<WebhookDeliveryDTO> deliveries(@PathParam("id") String id, @Context UriInfo uri) {
        return webhooks.deliveries(Params.id("Webhook", id), Params.page(uri, "status"));
    }

    /** Sends a delivery again: one that failed, or one the receiver lost. */
    @POST
    @Path("{id}/deliveries/{delivery}/redeliver")
    public WebhookDeliveryDTO redeliver(@PathParam("id") String id, @PathParam("delivery") String delivery) {
        return webhooks.redeliver(Params.id("Webhook", id), Params.id("Delivery", delivery));
    }
}
