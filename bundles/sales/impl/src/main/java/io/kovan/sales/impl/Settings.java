package io.kovan.sales.impl;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

/** The module's configuration, changed live; the services read it here. */
@Component(service = Settings.class, configurationPid = "io.kovan.sales")
@Designate(ocd = SalesConfiguration.class)
public class Settings {

    private volatile SalesConfiguration config;

    @Activate
    public Settings(SalesConfiguration config) {
        this.config = config;
    }

    @Modified
    void modified(SalesConfiguration config) {
        this.config = config;
    }

    /** True when a short confirm back-orders (the default), false when it is refused. */
    boolean backorder() {
        return !"REFUSE".equalsIgnoreCase(config.confirm_shortage().strip());
    }

    int quoteValidityDays() {
        return Math.max(0, config.quote_validity_days());
    }
}
