package io.kovan.inventory.impl.rest;

import javax.ws.rs.core.Application;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationBase;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

import io.kovan.kernel.api.rest.KovanRest;

/** Inventory's own application under {@code /api/inventory}. */
@Component(service = Application.class, property = KovanRest.APPLICATION_PROPERTY + "=true")
@JaxrsApplicationBase("api/inventory")
@JaxrsName(InventoryApplication.NAME)
public class InventoryApplication extends Application {

    public static final String NAME = "kovan.inventory";
    public static final String SELECT = "(osgi.jaxrs.name=" + NAME + ")";
}
