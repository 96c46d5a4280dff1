package io.kovan.finance.impl.rest;

import javax.ws.rs.core.Application;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationBase;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

import io.kovan.kernel.api.rest.KovanRest;

/** Finance's own application under {@code /api/finance}. */
@Component(service = Application.class, property = KovanRest.APPLICATION_PROPERTY + "=true")
@JaxrsApplicationBase("api/finance")
@JaxrsName(FinanceApplication.NAME)
public class FinanceApplication extends Application {

    public static final String NAME = "kovan.finance";
    public static final String SELECT = "(osgi.jaxrs.name=" + NAME + ")";
}
