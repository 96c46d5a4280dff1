package io.kovan.itests;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.util.tracker.ServiceTracker;

import io.kovan.inventory.api.ExpectedQuantityDTO;
import io.kovan.inventory.api.IssueLine;
import io.kovan.inventory.api.IssueRequest;
import io.kovan.inventory.api.MoveDTO;
import io.kovan.inventory.api.StockMoveService;
import io.kovan.inventory.api.SupplyDemandProvider;

/**
 * What tests do through inventory's exported API, as another module would. Kept out of the test
 * classes: Pax Exam reads their methods before a test installs inventory, and the API's classes
 * can be loaded only once it is there.
 */
final class InventoryCalls {

    /** An issue move as a test reads it. */
    record Move(long id, String lotNumber, BigDecimal quantity, BigDecimal unitCost, BigDecimal totalCost) {
    }

    private InventoryCalls() {
    }

    /** A goods issue through {@code StockMoveService}, as sales' shipments make them. */
    static List<Move> issue(BundleContext context, long product, long warehouse, String quantity) throws InterruptedException {
        ServiceTracker<StockMoveService, StockMoveService> tracker = new ServiceTracker<>(context, StockMoveService.class, null);
        tracker.open();
        try {
            StockMoveService moves = tracker.waitForService(30_000);
            List<MoveDTO> issued = moves.issue(new IssueRequest("itest.issue", product, "ITEST-" + product, null,
                List.of(new IssueLine(1L, product, warehouse, null, new BigDecimal(quantity), null, null, null, null))));
            return issued.stream().map(m -> new Move(m.id(), m.lotNumber(), m.quantity(), m.unitCost(), m.totalCost())).toList();
        } finally {
            tracker.close();
        }
    }

    /** Registers another module's expected demand for the product; closing it unregisters it. */
    static AutoCloseable expectDemand(BundleContext context, long product, long warehouse, LocalDate date, String quantity) {
        SupplyDemandProvider provider = new SupplyDemandProvider() {
            @Override
            public List<ExpectedQuantityDTO> supply(long productId, Long warehouseId) {
                return List.of();
            }

            @Override
            public List<ExpectedQuantityDTO> demand(long productId, Long warehouseId) {
                return productId != product ? List.of()
                    : List.of(new ExpectedQuantityDTO(productId, warehouse, date, new BigDecimal(quantity), "itest.plan", 1L, "PLAN-1"));
            }
        };
        ServiceRegistration<SupplyDemandProvider> registration = context.registerService(SupplyDemandProvider.class, provider, null);
        return registration::unregister;
    }
}
