package io.kovan.sales.impl;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** {@code etc/io.kovan.sales.cfg}. */
@ObjectClassDefinition(id = "io.kovan.sales", name = "Kovan sales", description = "Order confirmation and quote validity")
public @interface SalesConfiguration {

    @AttributeDefinition(name = "Stock shortage on confirm", description = "BACKORDER reserves what there is and back-orders the rest; "
        + "REFUSE answers 409 and reserves nothing", options = {@Option(value = "BACKORDER"), @Option(value = "REFUSE")})
    String confirm_shortage() default "BACKORDER";

    @AttributeDefinition(name = "Quote validity (days)", description = "How long a quote stays valid when it names no date")
    int quote_validity_days() default 30;
}
