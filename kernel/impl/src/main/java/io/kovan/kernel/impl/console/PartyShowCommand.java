package io.kovan.kernel.impl.console;

import static io.kovan.kernel.impl.console.PagedListCommand.orDash;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import io.kovan.kernel.api.party.AddressDTO;
import io.kovan.kernel.api.party.ContactPersonDTO;
import io.kovan.kernel.api.party.PartyDTO;
import io.kovan.kernel.api.party.PartyService;
import io.kovan.kernel.api.security.Caller;

/** {@code core:party-show}. */
@Service
@Command(scope = "core", name = "party-show", description = "Shows one party with its addresses and contact persons")
public class PartyShowCommand implements Action {

    @Reference
    Caller caller;

    @Reference
    PartyService parties;

    @Argument(index = 0, name = "party", required = true, description = "Party code (C-000042) or id")
    @Completion(PartyCompleter.class)
    String party;

    @Override
    public Object execute() {
        caller.require("core.parties.read");
        PartyDTO p = parties.find(party);
        ShellTable fields = new ShellTable().noHeaders();
        fields.column("Field");
        fields.column("Value");
        fields.addRow().addContent("Code", p.code());
        fields.addRow().addContent("Id", p.id());
        fields.addRow().addContent("Name", p.name());
        fields.addRow().addContent("Kind", p.kind());
        fields.addRow().addContent("Roles", String.join(",", p.roles().stream().map(Enum::name).sorted().toList()));
        fields.addRow().addContent("Tax office", orDash(p.taxOffice()));
        fields.addRow().addContent("Tax number", orDash(p.taxNumber()));
        fields.addRow().addContent("Phone", orDash(p.phone()));
        fields.addRow().addContent("E-mail", orDash(p.email()));
        fields.addRow().addContent("Payment terms", p.paymentTermDays() == null ? "-" : p.paymentTermDays() + " days");
        fields.addRow().addContent("Credit limit", p.creditLimit() == null ? "-" : p.creditLimit() + " " + orDash(p.currency()));
        fields.addRow().addContent("Version", p.version());
        fields.print(System.out);
        if (!p.addresses().isEmpty()) {
            ShellTable addresses = new ShellTable();
            addresses.column("Address type");
            addresses.column("Address");
            addresses.column("City");
            addresses.column("Country");
            for (AddressDTO a : p.addresses()) {
                addresses.addRow().addContent(orDash(a.type()), orDash(a.line1()), orDash(a.city()), orDash(a.country()));
            }
            addresses.print(System.out);
        }
        if (!p.contacts().isEmpty()) {
            ShellTable contacts = new ShellTable();
            contacts.column("Contact");
            contacts.column("Title");
            contacts.column("E-mail");
            contacts.column("Phone");
            for (ContactPersonDTO c : p.contacts()) {
                contacts.addRow().addContent(c.name(), orDash(c.title()), orDash(c.email()), orDash(c.phone()));
            }
            contacts.print(System.out);
        }
        return null;
    }
}
