package io.kovan.crm.impl;

import java.util.Set;
import java.util.TreeSet;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.kovan.kernel.api.NotFoundException;
import io.kovan.kernel.api.security.Caller;

/**
 * Whose records the caller may see: everyone's with {@code crm.records.all}; their own and their
 * teams' members' (teams they lead) with {@code crm.records.team}; else only their own.
 * A record out of scope is answered as not found, so its existence does not leak.
 */
@Component(service = RecordScope.class)
public class RecordScope {

    static final String ALL = "crm.records.all";
    static final String TEAM = "crm.records.team";

    private final Caller caller;
    private final JpaTemplate jpa;

    @Activate
    public RecordScope(@Reference Caller caller, @Reference(target = "(osgi.unit.name=kovan-crm)") JpaTemplate jpa) {
        this.caller = caller;
        this.jpa = jpa;
    }

    String user() {
        return caller.user();
    }

    Caller caller() {
        return caller;
    }

    /** The owners whose records the caller sees, or null for all. */
    Set<String> visibleOwners() {
        if (caller.permits(ALL)) {
            return null;
        }
        Set<String> owners = new TreeSet<>();
        owners.add(caller.user());
        if (caller.permits(TEAM)) {
            jpa.txExpr(TransactionType.Supports, em -> em.createQuery("SELECT t FROM TeamEntity t WHERE t.leader = :me", TeamEntity.class)
                .setParameter("me", caller.user()).getResultList()).forEach(t -> owners.addAll(t.members));
        }
        return owners;
    }

    /** Refuses, as not found, a record the caller may not see. */
    void check(String kind, Object id, String owner) {
        Set<String> owners = visibleOwners();
        if (owners != null && !owners.contains(owner)) {
            throw new NotFoundException(kind, id);
        }
    }
}
