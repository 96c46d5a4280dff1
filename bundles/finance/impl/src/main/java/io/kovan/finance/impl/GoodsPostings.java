package io.kovan.finance.impl;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.kovan.kernel.api.event.DomainEvent;
import io.kovan.kernel.api.event.TransactionalEventListener;
import io.kovan.kernel.api.product.ProductDTO;
import io.kovan.sales.api.ReturnDTO;
import io.kovan.sales.api.ReturnLineDTO;
import io.kovan.sales.api.ReturnService;
import io.kovan.sales.api.ShipmentDTO;
import io.kovan.sales.api.ShipmentLineDTO;
import io.kovan.sales.api.ShipmentService;

/**
 * The cost of goods sold, posted in the transaction that ships them: a shipped sales shipment's
 * stock lines (those inventory issued, so they carry issue moves) debit cost of goods sold and
 * credit stock at the cost inventory recorded; a customer return turns that round for what comes
 * back. A closed period refuses the shipment itself (409), as it refuses any posting.
 */
@Component(service = TransactionalEventListener.class, property = TransactionalEventListener.EVENTS + "=sales.*")
public class GoodsPostings implements TransactionalEventListener {

    private final JpaTemplate jpa;
    private final Company company;
    private final JournalServiceImpl journal;
    private final SalesLink sales;
    private final PeriodServiceImpl periods;

    @Activate
    public GoodsPostings(@Reference(target = "(osgi.unit.name=kovan-finance)") JpaTemplate jpa, @Reference Company company,
        @Reference JournalServiceImpl journal, @Reference SalesLink sales, @Reference PeriodServiceImpl periods) {
        this.jpa = jpa;
        this.company = company;
        this.journal = journal;
        this.sales = sales;
        this.periods = periods;
    }

    @Override
    public void onEvent(DomainEvent event) {
        long id = ((Number) event.data().get("id")).longValue();
        if (event.name().equals("sales.shipment.shipped")) {
            shipped(sales.shipments().get(id));
        } else if (event.name().equals("sales.return.received")) {
            returned(sales.returns().get(id));
        }
    }

    private void shipped(ShipmentDTO s) {
        List<Cost> costs = new ArrayList<>();
        for (ShipmentLineDTO l : s.lines()) {
            if (l.moveIds() != null && !l.moveIds().isEmpty() && l.costAmount() != null) {
                costs.add(new Cost(l.productId(), l.costAmount()));
            }
        }
        post(costs, true, s.shippedDate() != null ? s.shippedDate() : s.date(), s.customerId(), ShipmentService.DOCUMENT_TYPE, s.id(), s.number(),
            "Cost of goods shipped " + s.number());
    }

    private void returned(ReturnDTO r) {
        List<Cost> costs = new ArrayList<>();
        for (ReturnLineDTO l : r.lines()) {
            if (l.moveIds() != null && !l.moveIds().isEmpty() && l.costAmount() != null) {
                costs.add(new Cost(l.productId(), l.costAmount()));
            }
        }
        post(costs, false, r.date(), r.customerId(), ReturnService.DOCUMENT_TYPE, r.id(), r.number(), "Cost of goods returned " + r.number());
    }

    private record Cost(long productId, BigDecimal amount) {
    }

    private void post(List<Cost> costs, boolean out, java.time.LocalDate date, long customer, String sourceType, long sourceId, String number,
        String description) {
        int base = company.decimals(company.currency());
        jpa.tx(TransactionType.Required, em -> {
            // A closed month refuses the shipment or return even when nothing in it carries a cost.
            if (costs.stream().allMatch(c -> c.amount().signum() == 0)) {
                periods.lockOpen(em, company.id(), date);
                return;
            }
            PostingRuleServiceImpl.Rules rules = new PostingRuleServiceImpl.Rules(em, company.id());
            List<JournalServiceImpl.Line> lines = new ArrayList<>();
            BigDecimal none = BigDecimal.ZERO.setScale(base);
            for (Cost c : costs) {
                ProductDTO product = company.product(c.productId());
                PostingRuleServiceImpl.Match match = new PostingRuleServiceImpl.Match(product.category(), null, null);
                long cogs = rules.account("COGS", match);
                long stock = rules.account("INVENTORY", match);
                BigDecimal amount = c.amount().setScale(base, RoundingMode.HALF_UP);
                // Cost of goods sold carries the customer and the product, so that gross margin reads by either.
                lines.add(out ? JournalServiceImpl.Line.base(cogs, customer, c.productId(), "COGS", amount, none, product.code())
                    : JournalServiceImpl.Line.base(cogs, customer, c.productId(), "COGS", none, amount, product.code()));
                lines.add(out ? JournalServiceImpl.Line.base(stock, null, c.productId(), "INVENTORY", none, amount, product.code())
                    : JournalServiceImpl.Line.base(stock, null, c.productId(), "INVENTORY", amount, none, product.code()));
            }
            journal.post(em, journal.header(date, description, company.currency(), BigDecimal.ONE, sourceType, sourceId, number), lines);
        });
    }
}
