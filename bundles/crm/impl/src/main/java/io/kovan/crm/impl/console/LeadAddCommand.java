package io.kovan.crm.impl.console;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import io.kovan.crm.api.LeadDTO;
import io.kovan.crm.api.LeadService;
import io.kovan.kernel.api.security.Caller;

/** {@code crm:lead-add}. */
@Service
@Command(scope = "crm", name = "lead-add", description = "Adds a lead, as POST /api/crm/leads")
public class LeadAddCommand implements Action {

    @Reference
    Caller caller;

    @Reference
    LeadService leads;

    @Argument(index = 0, name = "contactName", description = "The person to talk to", required = true)
    String contactName;

    @Option(name = "--company", description = "Company name")
    String company;

    @Option(name = "--email", description = "E-mail address")
    String email;

    @Option(name = "--phone", description = "Phone number")
    String phone;

    @Option(name = "--source", description = "Where the lead came from (web, fair, referral …)")
    String source;

    @Override
    public Object execute() {
        caller.require("crm.leads.write");
        LeadDTO lead = leads.create(new LeadDTO(null, null, contactName, company, email, phone, null, source, null, null, null, null, null, null,
            null, null, null, null, null));
        System.out.println("Lead " + lead.number() + " created for " + contactName + (company == null ? "" : " (" + company + ")"));
        return null;
    }
}
