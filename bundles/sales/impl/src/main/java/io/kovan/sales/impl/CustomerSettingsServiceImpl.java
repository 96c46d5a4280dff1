package io.kovan.sales.impl;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.kovan.kernel.api.StaleVersionException;
import io.kovan.kernel.api.Transactions;
import io.kovan.kernel.api.Violations;
import io.kovan.kernel.api.audit.AuditService;
import io.kovan.sales.api.CustomerSettingsDTO;
import io.kovan.sales.api.CustomerSettingsService;

/** Sales' settings of parties in KV_SALES_CUSTOMER: any party may have them, as any party may buy. */
@Component(service = CustomerSettingsService.class)
public class CustomerSettingsServiceImpl implements CustomerSettingsService {

    static final String ENTITY = "sales.customer";

    private final JpaTemplate jpa;
    private final AuditService audit;
    private final KernelData kernel;

    @Activate
    public CustomerSettingsServiceImpl(@Reference(target = "(osgi.unit.name=kovan-sales)") JpaTemplate jpa, @Reference Transactions kernelReady,
        @Reference AuditService audit, @Reference KernelData kernel) {
        this.jpa = jpa;
        this.audit = audit;
        this.kernel = kernel;
    }

    @Override
    public CustomerSettingsDTO get(long partyId) {
        kernel.party(partyId);
        return jpa.txExpr(TransactionType.Supports, em -> {
            CustomerSettingsEntity e = em.find(CustomerSettingsEntity.class, partyId);
            return e == null ? new CustomerSettingsDTO(partyId, null, null, null) : toDto(e);
        });
    }

    @Override
    public CustomerSettingsDTO save(long partyId, CustomerSettingsDTO s) {
        kernel.party(partyId);
        Violations v = new Violations();
        v.maxLength("priceGroup", s.priceGroup(), 32).maxLength("salesperson", s.salesperson(), 100);
        v.check(s.partyId() == null || s.partyId() == partyId, "partyId", "must be the party of the path, " + partyId);
        v.throwIfAny();
        return jpa.txExpr(TransactionType.Required, em -> {
            CustomerSettingsEntity e = em.find(CustomerSettingsEntity.class, partyId);
            if (e != null && (s.version() == null || e.version != s.version())) {
                throw new StaleVersionException("Customer settings", partyId, s.version() == null ? -1 : s.version(), e.version);
            }
            CustomerSettingsDTO before = e == null ? null : toDto(e);
            if (e == null) {
                e = new CustomerSettingsEntity();
                e.partyId = partyId;
                em.persist(e);
            }
            e.priceGroup = Names.trimmed(s.priceGroup());
            e.salesperson = Names.trimmed(s.salesperson());
            em.flush();
            CustomerSettingsDTO after = toDto(e);
            audit.record(ENTITY, String.valueOf(partyId), before == null ? "created" : "updated", AuditService.diff(before, after));
            return after;
        });
    }

    private static CustomerSettingsDTO toDto(CustomerSettingsEntity e) {
        return new CustomerSettingsDTO(e.partyId, e.priceGroup, e.salesperson, e.version);
    }
}
