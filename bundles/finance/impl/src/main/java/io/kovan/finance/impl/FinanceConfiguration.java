package io.kovan.finance.impl;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** {@code etc/io.kovan.finance.cfg}. */
@ObjectClassDefinition(id = "io.kovan.finance", name = "Kovan finance", description = "Chart of accounts and payment terms")
public @interface FinanceConfiguration {

    @AttributeDefinition(name = "Chart template", description = "The chart the first start loads: TR (Tekdüzen Hesap Planı) or GENERIC",
        options = {@Option(value = "TR"), @Option(value = "GENERIC")})
    String chart_template() default "TR";

    @AttributeDefinition(name = "Payment terms (days)", description = "Due date of an invoice whose party names no payment terms")
    int payment_terms_days() default 30;

    @AttributeDefinition(name = "Budget check", description = "What a posting over its account's budget for the month does: OFF, WARN (posted, "
        + "logged and announced) or BLOCK (refused)", options = {@Option(value = "OFF"), @Option(value = "WARN"), @Option(value = "BLOCK")})
    String budget_check() default "WARN";
}
