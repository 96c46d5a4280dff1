package io.kovan.kernel.impl.console;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import io.kovan.kernel.api.audit.AuditService;
import io.kovan.kernel.api.audit.AuditVerificationDTO;
import io.kovan.kernel.api.security.Caller;

/** {@code kovan:audit-verify}. */
@Service
@Command(scope = "kovan", name = "audit-verify", description = "Checks the audit trail's hash chain: any edited or deleted entry is found")
public class AuditVerifyCommand implements Action {

    @Reference
    Caller caller;

    @Reference
    AuditService audit;

    @Override
    public Object execute() {
        caller.require("core.audit.read");
        AuditVerificationDTO result = audit.verify();
        if (result.intact()) {
            System.out.println("Audit trail intact: " + result.checked() + " entries checked");
        } else {
            System.out.println("Audit trail BROKEN at entry " + result.firstBroken() + ": " + result.problem() + " (" + result.checked()
                + " entries before it are intact)");
        }
        return null;
    }
}
