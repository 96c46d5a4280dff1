package io.kovan.kernel.impl.console;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import io.kovan.kernel.api.security.Caller;
import io.kovan.kernel.impl.security.UserAdministration;

/** {@code kovan:user-add}. */
@Service
@Command(scope = "kovan", name = "user-add", description = "Adds a user with a password and one or more roles")
public class UserAddCommand implements Action {

    @Reference
    Caller caller;

    @Reference
    UserAdministration users;

    @Argument(index = 0, name = "user", required = true, description = "User name")
    String user;

    @Argument(index = 1, name = "password", required = true, description = "Password, 12 characters or more")
    String password;

    @Argument(index = 2, name = "roles", required = true, multiValued = true, description = "Roles (admin, viewer, or configured ones)")
    List<String> roles;

    @Override
    public Object execute() {
        caller.require("core.users.admin");
        UserAdministration.UserDTO added = users.add(user, password, roles);
        System.out.println("Added user " + added.name() + " with roles " + String.join(", ", added.roles()));
        return null;
    }
}
