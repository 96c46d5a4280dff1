package io.kovan.kernel.impl.rest;

import javax.ws.rs.core.Application;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationBase;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

import io.kovan.kernel.api.rest.KovanRest;

/** The kernel's own JAX-RS application, under {@code /api/core}. */
@Component(service = Application.class, property = KovanRest.APPLICATION_PROPERTY + "=true")
@JaxrsApplicationBase(CoreApplication.BASE)
@JaxrsName(CoreApplication.NAME)
public class CoreApplication extends Application {

    public static final String BASE = "api/core";
    public static final String NAME = "kovan.core";
    public static final String SELECT = "(osgi.jaxrs.name=" + NAME + ")";
}
