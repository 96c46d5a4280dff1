package io.kovan.finance.impl;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.kovan.finance.api.CreditExposureDTO;
import io.kovan.finance.api.CreditExposureService;
import io.kovan.kernel.api.PageRequest;
import io.kovan.sales.api.CreditExposureProvider;
import io.kovan.sales.api.OrderDTO;
import io.kovan.sales.api.OrderLineDTO;
import io.kovan.sales.api.OrderService;

/**
 * What a customer owes: the balance of its receivable postings (invoices less credit notes and
 * collections, advances included) and what is delivered but not invoiced yet, which sales' credit
 * check adds to the open orders it counts itself.
 */
@Component(service = {CreditExposureService.class, CreditExposureProvider.class})
public class CreditExposureServiceImpl implements CreditExposureService, CreditExposureProvider {

    /** The order states sales counts as open for credit. */
    private static final java.util.List<String> OPEN_ORDER_STATES = java.util.List.of("confirmed", "partially-delivered");

    private final JpaTemplate jpa;
    private final Company company;
    private final SalesLink sales;
    private final UnbilledDeliveries unbilled;

    @Activate
    public CreditExposureServiceImpl(@Reference(target = "(osgi.unit.name=kovan-finance)") JpaTemplate jpa, @Reference Company company,
        @Reference SalesLink sales, @Reference UnbilledDeliveries unbilled) {
        this.jpa = jpa;
        this.company = company;
        this.sales = sales;
        this.unbilled = unbilled;
    }

    @Override
    public CreditExposureDTO exposure(long partyId) {
        company.party(partyId);
        String currency = company.currency();
        int decimals = company.decimals(currency);
        BigDecimal[] owed = jpa.txExpr(TransactionType.Supports, em -> new BigDecimal[] {booked(em, partyId, decimals),
            unbilled.total(em, partyId).setScale(decimals, RoundingMode.HALF_UP)});
        BigDecimal openOrders = openOrders(partyId, currency);
        BigDecimal total = owed[0].add(owed[1]);
        return new CreditExposureDTO(partyId, currency, owed[0], owed[1], openOrders, openOrders == null ? total : total.add(openOrders));
    }

    /** For sales' credit check, which counts the open orders itself: the books' receivable and what is delivered and not invoiced. */
    @Override
    public BigDecimal receivables(long partyId, String currency) {
        int decimals = company.decimals(currency);
        return jpa.txExpr(TransactionType.Supports, em -> booked(em, partyId, decimals).add(unbilled.total(em, partyId))
            .setScale(decimals, RoundingMode.HALF_UP));
    }

    private BigDecimal booked(javax.persistence.EntityManager em, long partyId, int decimals) {
        Object sum = em.createNativeQuery("SELECT COALESCE(SUM(l.BASE_DEBIT - l.BASE_CREDIT), 0) FROM KV_FIN_ENTRY_LINE l WHERE l.COMPANY_ID = ? "
            + "AND l.POSTED = 1 AND l.PARTY_ID = ? AND l.PURPOSE = 'RECEIVABLE'").setParameter(1, company.id()).setParameter(2, partyId).getSingleResult();
        return new BigDecimal(sum.toString()).setScale(decimals, RoundingMode.HALF_UP);
    }

    /** What the customer's open orders still have to deliver, with VAT, in the company currency; null without sales. */
    private BigDecimal openOrders(long partyId, String currency) {
        OrderService orders = sales.ordersIfPresent();
        if (orders == null) {
            return null;
        }
        int decimals = company.decimals(currency);
        BigDecimal open = BigDecimal.ZERO.setScale(decimals);
        for (String state : OPEN_ORDER_STATES) {
            int offset = 0;
            while (true) {
                java.util.List<OrderDTO> page = orders.list(new PageRequest(offset, 200, null, null, java.util.Map.of("customer", String.valueOf(partyId),
                    "state", state))).items();
                for (OrderDTO o : page) {
                    for (OrderLineDTO l : o.lines()) {
                        BigDecimal undelivered = l.quantity().subtract(l.deliveredQuantity()).max(BigDecimal.ZERO);
                        open = open.add(l.totalAmount().multiply(undelivered).divide(l.quantity(), 10, RoundingMode.HALF_UP).multiply(o.exchangeRate())
                            .setScale(decimals, RoundingMode.HALF_UP));
                    }
                }
                if (page.size() < 200) {
                    break;
                }
                offset += 200;
            }
        }
        return open;
    }
}
