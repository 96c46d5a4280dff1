package io.kovan.sales.impl;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.kovan.inventory.api.ExpectedQuantityDTO;
import io.kovan.inventory.api.SupplyDemandProvider;
import io.kovan.kernel.api.Transactions;
import io.kovan.sales.api.OrderService;

/**
 * Tells inventory what confirmed orders will take that is not reserved yet (their back-orders), on
 * the lines' promised dates, so available-to-promise and replenishment count it. Sales expects no supply.
 */
@Component(service = SupplyDemandProvider.class)
public class SalesDemand implements SupplyDemandProvider {

    private final JpaTemplate jpa;
    private final Stock stock;

    @Activate
    public SalesDemand(@Reference(target = "(osgi.unit.name=kovan-sales)") JpaTemplate jpa, @Reference Transactions kernelReady,
        @Reference Stock stock) {
        this.jpa = jpa;
        this.stock = stock;
    }

    @Override
    public List<ExpectedQuantityDTO> supply(long productId, Long warehouseId) {
        return List.of();
    }

    @Override
    public List<ExpectedQuantityDTO> demand(long productId, Long warehouseId) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            List<ExpectedQuantityDTO> demand = new ArrayList<>();
            // The product's open lines only (IX_SALES_ORDER_LINE_OPEN): reading every line of the product
            // and keeping the open ones grew with the history, and took a fifth of the order-to-cash
            // benchmark's request CPU in the sixth session.
            List<Object[]> rows = em.createQuery("SELECT o, l FROM OrderEntity o, OrderLineEntity l WHERE l.productId = :product "
                + "AND l.openQuantity > 0 AND l.orderId = o.id AND o.state IN :open ORDER BY o.id, l.lineNo", Object[].class)
                .setParameter("product", productId).setParameter("open", OrderServiceImpl.OPEN_STATES).getResultList();
            // The orders' reservations in a few queries, and the default warehouse once, not once per order.
            Map<Long, Map<Long, BigDecimal>> reserved = stock.reservedByLines(OrderService.DOCUMENT_TYPE,
                rows.stream().map(row -> ((OrderEntity) row[0]).id).distinct().toList());
            Long defaultWarehouse = rows.stream().anyMatch(row -> ((OrderEntity) row[0]).warehouseId == null) ? stock.warehouse(null) : null;
            for (Object[] row : rows) {
                OrderEntity o = (OrderEntity) row[0];
                OrderLineEntity l = (OrderLineEntity) row[1];
                Long warehouse = o.warehouseId != null ? o.warehouseId : defaultWarehouse;
                if (warehouseId != null && warehouse != null && !warehouseId.equals(warehouse)) {
                    continue;
                }
                BigDecimal backorder = OrderServiceImpl.backorder(o, l, reserved == null ? null : reserved.getOrDefault(o.id, Map.of()));
                if (backorder.signum() > 0) {
                    demand.add(new ExpectedQuantityDTO(productId, o.warehouseId, l.promisedDate, backorder, OrderService.DOCUMENT_TYPE, o.id, o.number));
                }
            }
            return demand;
        });
    }
}
