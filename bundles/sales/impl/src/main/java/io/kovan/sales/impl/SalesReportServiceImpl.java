package io.kovan.sales.impl;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.kovan.kernel.api.Transactions;
import io.kovan.kernel.api.ValidationException;
import io.kovan.sales.api.DeliveryLineDTO;
import io.kovan.sales.api.DeliveryPerformanceDTO;
import io.kovan.sales.api.OpenOrderLineDTO;
import io.kovan.sales.api.OrderService;
import io.kovan.sales.api.SalesReportDTO;
import io.kovan.sales.api.SalesReportRowDTO;
import io.kovan.sales.api.SalesReportService;

/** The sales reports, read from the orders and shipments, in the company currency at each order's own exchange rate. */
@Component(service = SalesReportService.class)
public class SalesReportServiceImpl implements SalesReportService {

    static final List<String> GROUPS = List.of("period", "customer", "product", "salesperson");
    private static final List<String> SOLD_STATES = List.of("confirmed", "partially-delivered", "delivered");

    private final JpaTemplate jpa;
    private final KernelData kernel;
    private final Stock stock;

    @Activate
    public SalesReportServiceImpl(@Reference(target = "(osgi.unit.name=kovan-sales)") JpaTemplate jpa, @Reference Transactions kernelReady,
        @Reference KernelData kernel, @Reference Stock stock) {
        this.jpa = jpa;
        this.kernel = kernel;
        this.stock = stock;
    }

    /** One group's running sums. */
    private static final class Sums {
        final String name;
        final Set<Long> orders = new HashSet<>();
        BigDecimal quantity = BigDecimal.ZERO;
        BigDecimal net;
        BigDecimal cost;

        Sums(String name, BigDecimal zero) {
            this.name = name;
            this.net = zero;
            this.cost = zero;
        }

        SalesReportRowDTO row(String key) {
            BigDecimal margin = net.subtract(cost);
            return new SalesReportRowDTO(key, name, orders.size(), Docs.quantity(quantity), net, cost, margin, LineMath.marginPercent(margin, net));
        }
    }

    @Override
    public SalesReportDTO sales(LocalDate from, LocalDate to, String groupBy) {
        String by = groupBy == null || groupBy.isBlank() ? "period" : groupBy.strip();
        if (!GROUPS.contains(by)) {
            throw new ValidationException("groupBy", "must be one of " + String.join(", ", GROUPS));
        }
        String base = kernel.baseCurrency();
        int d = kernel.decimals(base);
        BigDecimal zero = BigDecimal.ZERO.setScale(d);
        return jpa.txExpr(TransactionType.Supports, em -> {
            Map<String, Sums> groups = new TreeMap<>();
            Sums all = new Sums("Total", zero);
            Map<Long, String> names = new HashMap<>();
            for (OrderEntity o : orders(em, from, to)) {
                for (OrderLineEntity l : OrderServiceImpl.lines(em, o.id)) {
                    BigDecimal net = l.netAmount.multiply(o.exchangeRate).setScale(d, RoundingMode.HALF_UP);
                    BigDecimal shippedCost = em.createQuery("SELECT COALESCE(SUM(s.costAmount), 0) FROM ShipmentLineEntity s, ShipmentEntity h "
                        + "WHERE s.shipmentId = h.id AND h.state = 'shipped' AND s.orderLineId = :line", BigDecimal.class)
                        .setParameter("line", l.id).getSingleResult();
                    BigDecimal undelivered = l.quantity.subtract(l.deliveredQuantity).max(BigDecimal.ZERO);
                    BigDecimal cost = shippedCost.add(undelivered.multiply(l.unitCost).multiply(o.exchangeRate)).setScale(d, RoundingMode.HALF_UP);
                    String key = switch (by) {
                        case "customer" -> String.valueOf(o.customerId);
                        case "product" -> String.valueOf(l.productId);
                        case "salesperson" -> o.salesperson;
                        default -> o.date.toString().substring(0, 7);
                    };
                    String name = switch (by) {
                        case "customer" -> names.computeIfAbsent(o.customerId, kernel::partyName);
                        case "product" -> l.productCode;
                        default -> key;
                    };
                    for (Sums s : List.of(groups.computeIfAbsent(key, k -> new Sums(name, zero)), all)) {
                        s.orders.add(o.id);
                        s.quantity = s.quantity.add(l.quantity);
                        s.net = s.net.add(net);
                        s.cost = s.cost.add(cost);
                    }
                }
            }
            List<SalesReportRowDTO> rows = new ArrayList<>();
            groups.forEach((key, sums) -> rows.add(sums.row(key)));
            return new SalesReportDTO(from, to, by, base, rows, all.row(null));
        });
    }

    private static List<OrderEntity> orders(EntityManager em, LocalDate from, LocalDate to) {
        return between(em.createQuery("SELECT o FROM OrderEntity o WHERE o.state IN :sold" + (from == null ? "" : " AND o.date >= :from")
            + (to == null ? "" : " AND o.date <= :to") + " ORDER BY o.id", OrderEntity.class), from, to)
            .setParameter("sold", SOLD_STATES).getResultList();
    }

    /** Binds the period's ends that the query names. */
    private static <T> TypedQuery<T> between(TypedQuery<T> query, LocalDate from, LocalDate to) {
        if (from != null) {
            query.setParameter("from", from);
        }
        if (to != null) {
            query.setParameter("to", to);
        }
        return query;
    }

    @Override
    public List<OpenOrderLineDTO> openOrders() {
        return jpa.txExpr(TransactionType.Supports, em -> {
            List<OpenOrderLineDTO> open = new ArrayList<>();
            Map<Long, String> names = new HashMap<>();
            for (OrderEntity o : em.createQuery("SELECT o FROM OrderEntity o WHERE o.state IN :open ORDER BY o.id", OrderEntity.class)
                .setParameter("open", OrderServiceImpl.OPEN_STATES).getResultList()) {
                Map<Long, BigDecimal> reserved = stock.reservedByLine(OrderService.DOCUMENT_TYPE, o.id);
                for (OrderLineEntity l : OrderServiceImpl.lines(em, o.id)) {
                    if (l.deliveredQuantity.compareTo(l.quantity) >= 0) {
                        continue;
                    }
                    BigDecimal r = OrderServiceImpl.reserved(l, reserved);
                    open.add(new OpenOrderLineDTO(o.id, o.number, o.state, o.customerId, names.computeIfAbsent(o.customerId, kernel::partyName), o.date,
                        l.id, l.lineNo, l.productId, l.productCode, Docs.quantity(l.quantity), Docs.quantity(l.deliveredQuantity),
                        Docs.quantity(l.quantity.subtract(l.deliveredQuantity)), r, OrderServiceImpl.backorder(o, l, reserved), l.promisedDate));
                }
            }
            open.sort(Comparator.comparing(OpenOrderLineDTO::promisedDate, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(OpenOrderLineDTO::orderNumber).thenComparing(OpenOrderLineDTO::lineNo));
            return open;
        });
    }

    @Override
    public DeliveryPerformanceDTO deliveryPerformance(LocalDate from, LocalDate to) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            List<DeliveryLineDTO> lines = new ArrayList<>();
            List<ShipmentEntity> shipped = between(em.createQuery("SELECT s FROM ShipmentEntity s WHERE s.state = 'shipped'"
                + (from == null ? "" : " AND s.shippedDate >= :from") + (to == null ? "" : " AND s.shippedDate <= :to")
                + " ORDER BY s.shippedDate, s.id", ShipmentEntity.class), from, to).getResultList();
            int late = 0;
            long daysLate = 0;
            for (ShipmentEntity s : shipped) {
                for (ShipmentLineEntity l : ShipmentServiceImpl.lines(em, s.id)) {
                    long days = l.promisedDate == null ? 0 : Math.max(0, ChronoUnit.DAYS.between(l.promisedDate, s.shippedDate));
                    if (days > 0) {
                        late++;
                        daysLate += days;
                    }
                    lines.add(new DeliveryLineDTO(s.id, s.number, l.orderId, l.orderNumber, s.customerId, l.productId, l.productCode,
                        Docs.quantity(l.quantity), l.promisedDate, s.shippedDate, days));
                }
            }
            int count = lines.size();
            BigDecimal onTimePercent = count == 0 ? null
                : BigDecimal.valueOf(100L * (count - late)).divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP);
            BigDecimal average = late == 0 ? BigDecimal.ZERO.setScale(2) : BigDecimal.valueOf(daysLate).divide(BigDecimal.valueOf(late), 2, RoundingMode.HALF_UP);
            return new DeliveryPerformanceDTO(from, to, lines, count, count - late, late, onTimePercent, average);
        });
    }
}
