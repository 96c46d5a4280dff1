package io.kovan.crm.impl;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** {@code etc/io.kovan.crm.cfg}: the service levels of after-sales cases, per priority, in minutes. */
@ObjectClassDefinition(id = "io.kovan.crm", name = "Kovan CRM", description = "Service levels (SLA) of after-sales cases")
public @interface CrmConfiguration {

    @AttributeDefinition(name = "Urgent: first response (minutes)")
    int sla_urgent_response_minutes() default 60;

    @AttributeDefinition(name = "Urgent: resolution (minutes)")
    int sla_urgent_resolution_minutes() default 480;

    @AttributeDefinition(name = "High: first response (minutes)")
    int sla_high_response_minutes() default 240;

    @AttributeDefinition(name = "High: resolution (minutes)")
    int sla_high_resolution_minutes() default 1440;

    @AttributeDefinition(name = "Normal: first response (minutes)")
    int sla_normal_response_minutes() default 480;

    @AttributeDefinition(name = "Normal: resolution (minutes)")
    int sla_normal_resolution_minutes() default 4320;

    @AttributeDefinition(name = "Low: first response (minutes)")
    int sla_low_response_minutes() default 1440;

    @AttributeDefinition(name = "Low: resolution (minutes)")
    int sla_low_resolution_minutes() default 10080;
}
