package io.kovan.kernel.impl.rest;

import javax.ws.rs.core.Application;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationBase;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/**
 * The public application under {@code /api} that serves {@code /api/openapi.json}. It is not a
 * Kovan module application, so the authentication filter does not apply to it.
 */
@Component(service = Application.class)
@JaxrsApplicationBase("api")
@JaxrsName(OpenApiApplication.NAME)
public class OpenApiApplication extends Application {

    public static final String NAME = "kovan.openapi";
}
