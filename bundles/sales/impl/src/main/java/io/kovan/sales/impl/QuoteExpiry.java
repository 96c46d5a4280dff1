package io.kovan.sales.impl;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Expires open quotes past their validity: once at start, then every hour, as the system user. */
@Component(immediate = true)
public class QuoteExpiry {

    private static final Logger LOG = LoggerFactory.getLogger(QuoteExpiry.class);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "kovan-sales-quote-expiry");
        t.setDaemon(true);
        return t;
    });

    @Activate
    public QuoteExpiry(@Reference QuoteServiceImpl quotes) {
        timer.scheduleWithFixedDelay(() -> {
            try {
                int expired = quotes.expireDue();
                if (expired > 0) {
                    LOG.info("Expired {} quotes past their validity", expired);
                }
            } catch (RuntimeException e) {
                LOG.warn("Expiring quotes failed; next try in an hour: {}", e.toString());
            }
        }, 0, 1, TimeUnit.HOURS);
    }

    @Deactivate
    void deactivate() {
        timer.shutdownNow();
    }
}
