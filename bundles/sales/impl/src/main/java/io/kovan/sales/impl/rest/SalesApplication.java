package io.kovan.sales.impl.rest;

import javax.ws.rs.core.Application;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationBase;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

import io.kovan.kernel.api.rest.KovanRest;

/** Sales' own application under {@code /api/sales}. */
@Component(service = Application.class, property = KovanRest.APPLICATION_PROPERTY + "=true")
@JaxrsApplicationBase("api/sales")
@JaxrsName(SalesApplication.NAME)
public class SalesApplication extends Application {

    public static final String NAME = "kovan.sales";
    public static final String SELECT = "(osgi.jaxrs.name=" + NAME + ")";
}
