package io.kovan.inventory.impl;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.persistence.EntityManager;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.kovan.inventory.api.ExpectedQuantityDTO;
import io.kovan.inventory.api.SupplyDemandProvider;

/**
 * What is expected in and out: inventory's own draft receipts, and whatever every registered
 * {@link SupplyDemandProvider} reports. A provider that fails is left out of the answer (and
 * logged), so one broken module cannot stop a quote.
 */
@Component(service = Expectations.class)
public class Expectations {

    private static final Logger LOG = LoggerFactory.getLogger(Expectations.class);

    private final List<SupplyDemandProvider> providers = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addProvider(SupplyDemandProvider provider) {
        providers.add(provider);
    }

    void removeProvider(SupplyDemandProvider provider) {
        providers.remove(provider);
    }

    /** Expected receipts of the product; {@code warehouseId} null: every warehouse. */
    List<ExpectedQuantityDTO> supply(EntityManager em, long productId, Long warehouseId, long defaultWarehouse) {
        List<ExpectedQuantityDTO> all = new ArrayList<>();
        String sql = "SELECT d.WAREHOUSE_ID, d.DOC_DATE, l.QUANTITY, d.ID, d.DOC_NUMBER FROM KV_INV_DOCUMENT d JOIN KV_INV_DOCUMENT_LINE l "
            + "ON l.DOCUMENT_ID = d.ID WHERE d.KIND = 'RECEIPT' AND d.STATE = 'draft' AND l.PRODUCT_ID = ?" + (warehouseId == null ? "" : " AND d.WAREHOUSE_ID = ?");
        javax.persistence.Query q = em.createNativeQuery(sql).setParameter(1, productId);
        if (warehouseId != null) {
            q.setParameter(2, warehouseId);
        }
        for (Object o : q.getResultList()) {
            Object[] row = (Object[]) o;
            all.add(new ExpectedQuantityDTO(productId, ((Number) row[0]).longValue(), localDate(row[1]), Ledger.decimal(row[2]), "inventory.receipt",
                ((Number) row[3]).longValue(), (String) row[4]));
        }
        for (SupplyDemandProvider p : providers) {
            all.addAll(ask(p, true, productId, warehouseId, defaultWarehouse));
        }
        return all;
    }

    /** Expected shipments of the product not reserved yet. */
    List<ExpectedQuantityDTO> demand(long productId, Long warehouseId, long defaultWarehouse) {
        List<ExpectedQuantityDTO> all = new ArrayList<>();
        for (SupplyDemandProvider p : providers) {
            all.addAll(ask(p, false, productId, warehouseId, defaultWarehouse));
        }
        return all;
    }

    private static List<ExpectedQuantityDTO> ask(SupplyDemandProvider p, boolean supply, long productId, Long warehouseId, long defaultWarehouse) {
        try {
            List<ExpectedQuantityDTO> answer = supply ? p.supply(productId, warehouseId) : p.demand(productId, warehouseId);
            List<ExpectedQuantityDTO> kept = new ArrayList<>();
            for (ExpectedQuantityDTO e : answer == null ? List.<ExpectedQuantityDTO>of() : answer) {
                long w = e.warehouseId() == null ? defaultWarehouse : e.warehouseId();
                if (e.quantity() != null && e.quantity().signum() > 0 && e.date() != null && (warehouseId == null || w == warehouseId)) {
                    kept.add(e);
                }
            }
            return kept;
        } catch (RuntimeException e) {
            if (databaseFailure(e)) {
                // The provider's query failed in the caller's transaction, which is now lost: its cause (a deadlock,
                // say, which the client gets as a 409 to retry) is the caller's answer, not a quantity left out.
                throw e;
            }
            LOG.warn("Supply/demand provider {} failed; its quantities are left out", p.getClass().getName(), e);
            return List.of();
        }
    }

    private static boolean databaseFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException) {
                return true;
            }
        }
        return false;
    }

    static LocalDate localDate(Object value) {
        return value instanceof java.sql.Date d ? d.toLocalDate() : value instanceof LocalDate l ? l : LocalDate.parse(value.toString());
    }

    static BigDecimal sum(List<ExpectedQuantityDTO> list, LocalDate upTo) {
        return list.stream().filter(e -> upTo == null || !e.date().isAfter(upTo)).map(ExpectedQuantityDTO::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
