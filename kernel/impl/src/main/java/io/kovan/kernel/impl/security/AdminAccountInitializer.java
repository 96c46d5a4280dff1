package io.kovan.kernel.impl.security;

import java.io.IOException;
import java.nio.file.Path;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs {@link AdminAccount} when the kernel starts. */
@Component(immediate = true, service = {})
public class AdminAccountInitializer {

    private static final Logger LOG = LoggerFactory.getLogger(AdminAccountInitializer.class);

    @Activate
    public AdminAccountInitializer(BundleContext context) {
        Path etc = Path.of(context.getProperty("karaf.etc"));
        Path data = Path.of(context.getProperty("karaf.data"));
        String fromEnvironment = System.getenv("KOVAN_ADMIN_PASSWORD");
        if (fromEnvironment == null) {
            fromEnvironment = System.getProperty("kovan.admin.password");
        }
        try {
            String password = AdminAccount.ensure(etc.resolve("users.properties"), data.resolve("kovan/admin-password"),
                fromEnvironment, System.out);
            if (password != null) {
                boolean generated = fromEnvironment == null || fromEnvironment.isBlank();
                LOG.info("User 'admin' created with the {} password{}; it is kept in {}", generated ? "generated" : "given",
                    generated ? " " + password : "", data.resolve("kovan/admin-password"));
            }
        } catch (IOException e) {
            LOG.error("Could not create the admin user", e);
        }
    }
}
