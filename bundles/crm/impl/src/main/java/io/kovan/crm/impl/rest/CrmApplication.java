package io.kovan.crm.impl.rest;

import javax.ws.rs.core.Application;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationBase;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

import io.kovan.kernel.api.rest.KovanRest;

/** The CRM's own application under {@code /api/crm}. */
@Component(service = Application.class, property = KovanRest.APPLICATION_PROPERTY + "=true")
@JaxrsApplicationBase("api/crm")
@JaxrsName(CrmApplication.NAME)
public class CrmApplication extends Application {

    public static final String NAME = "kovan.crm";
    public static final String SELECT = "(osgi.jaxrs.name=" + NAME + ")";
}
