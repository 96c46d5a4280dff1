package io.kovan.kernel.impl.console;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import io.kovan.kernel.api.ValidationException;
import io.kovan.kernel.api.party.PartyDTO;
import io.kovan.kernel.api.party.PartyKind;
import io.kovan.kernel.api.party.PartyRole;
import io.kovan.kernel.api.party.PartyService;
import io.kovan.kernel.api.security.Caller;

/** {@code core:party-add}. */
@Service
@Command(scope = "core", name = "party-add", description = "Adds a party (an organisation unless --person) and prints its code")
public class PartyAddCommand implements Action {

    @Reference
    Caller caller;

    @Reference
    PartyService parties;

    @Argument(index = 0, name = "name", required = true, description = "The party's name")
    String name;

    @Option(name = "--person", description = "A natural person (tax number is a TCKN) instead of an organisation (VKN)")
    boolean person;

    @Option(name = "--role", multiValued = true, description = "CUSTOMER, SUPPLIER, PROSPECT, EMPLOYEE or PARTNER; repeatable")
    List<String> roles;

    @Option(name = "--tax-number", description = "VKN (10 digits) or TCKN (11 digits)")
    String taxNumber;

    @Option(name = "--tax-office", description = "Tax office")
    String taxOffice;

    @Option(name = "--email", description = "E-mail address")
    String email;

    @Option(name = "--phone", description = "Phone number")
    String phone;

    @Option(name = "--currency", description = "ISO 4217 currency of the account")
    String currency;

    @Option(name = "--credit-limit", description = "Credit limit in the party's currency")
    String creditLimit;

    @Option(name = "--payment-days", description = "Payment terms in days")
    Integer paymentDays;

    @Override
    public Object execute() {
        caller.require("core.parties.write");
        Set<PartyRole> parsedRoles = EnumSet.noneOf(PartyRole.class);
        for (String role : roles == null ? List.<String>of() : roles) {
            try {
                parsedRoles.add(PartyRole.valueOf(role.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new ValidationException("role", "must be one of " + List.of(PartyRole.values()));
            }
        }
        BigDecimal limit = PagedListCommand.decimal("credit-limit", creditLimit);
        PartyDTO created = parties.create(new PartyDTO(null, null, person ? PartyKind.PERSON : PartyKind.ORGANIZATION, name, parsedRoles,
            taxOffice, taxNumber, List.of(), List.of(), phone, email, paymentDays, limit, currency, null, null, null));
        System.out.println("Created party " + created.code() + " (id " + created.id() + "): " + created.name());
        return null;
    }
}
