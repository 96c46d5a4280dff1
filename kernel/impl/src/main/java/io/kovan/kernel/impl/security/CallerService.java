package io.kovan.kernel.impl.security;

import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.kovan.kernel.api.security.Caller;

/** The {@link Caller} of the current thread, with permissions from the role registry. */
@Component(service = Caller.class)
public class CallerService implements Caller {

    private final RoleRegistry roles;

    @Activate
    public CallerService(@Reference RoleRegistry roles) {
        this.roles = roles;
    }

    @Override
    public String user() {
        return CurrentUser.name();
    }

    @Override
    public Set<String> roles() {
        return CurrentUser.roles();
    }

    @Override
    public boolean permits(String permission) {
        return roles.permits(roles(), permission);
    }
}
