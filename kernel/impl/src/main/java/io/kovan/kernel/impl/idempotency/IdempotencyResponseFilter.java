package io.kovan.kernel.impl.idempotency;

import java.io.IOException;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.core.HttpHeaders;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;

import io.kovan.kernel.api.rest.KovanRest;
import io.kovan.kernel.impl.rest.Json;

/**
 * Stores the response of a request that claimed an Idempotency-Key, so a repeat gets it again;
 * a server error releases the key instead, so the client may retry.
 */
@Component(service = ContainerResponseFilter.class, scope = ServiceScope.PROTOTYPE)
@JaxrsExtension
@JaxrsApplicationSelect(KovanRest.ALL_APPLICATIONS)
public class IdempotencyResponseFilter implements ContainerResponseFilter {

    /** Request property holding the claimed {@code user + key}. */
    public static final String CLAIM = "kovan.idempotency.claim";

    private final IdempotencyStore store;

    @Activate
    public IdempotencyResponseFilter(@Reference IdempotencyStore store) {
        this.store = store;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) throws IOException {
        if (!(request.getProperty(CLAIM) instanceof String[] claim)) {
            return;
        }
        if (response.getStatus() >= 500) {
            store.release(claim[0], claim[1]);
            return;
        }
        Object entity = response.getEntity();
        String body = entity == null ? null : entity instanceof String s ? s : Json.MAPPER.writeValueAsString(entity);
        String type = response.getMediaType() == null ? null : response.getMediaType().toString();
        store.complete(claim[0], claim[1], response.getStatus(), type, response.getHeaderString(HttpHeaders.LOCATION), body);
    }
}
