package io.kovan.kernel.impl.console;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import io.kovan.kernel.api.security.Caller;
import io.kovan.kernel.impl.security.UserAdministration;

/** {@code kovan:role-grant}. */
@Service
@Command(scope = "kovan", name = "role-grant", description = "Gives a user one more role")
public class RoleGrantCommand implements Action {

    @Reference
    Caller caller;

    @Reference
    UserAdministration users;

    @Argument(index = 0, name = "user", required = true, description = "User name")
    String user;

    @Argument(index = 1, name = "role", required = true, description = "Role")
    String role;

    @Override
    public Object execute() {
        caller.require("core.roles.admin");
        System.out.println("User " + user + " now has roles " + String.join(", ", users.grant(user, role).roles()));
        return null;
    }
}
