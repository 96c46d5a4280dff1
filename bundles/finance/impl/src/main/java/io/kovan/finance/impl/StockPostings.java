package io.kovan.finance.impl;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import io.kovan.inventory.api.MoveDTO;
import io.kovan.inventory.api.StockMoveService;
import io.kovan.kernel.api.event.DomainEvent;
import io.kovan.kernel.api.event.TransactionalEventListener;
import io.kovan.kernel.api.product.ProductDTO;

/**
 * Inventory counts and adjustments change the stock's value; this books the change in the same
 * transaction, per product at the cost inventory recorded: a surplus debits stock (153) and
 * credits {@code STOCK_GAIN} (679), a shortage debits {@code STOCK_LOSS} (689) and credits stock.
 * Receipts are booked by their supplier invoice (153 / 320), transfers change no value, and
 * issues for sales by {@link GoodsPostings}.
 */
@Component(service = TransactionalEventListener.class, property = TransactionalEventListener.EVENTS + "=inventory.*")
public class StockPostings implements TransactionalEventListener {

    private static final Map<String, String> DOCUMENTS = Map.of("inventory.count.posted", "inventory.count", "inventory.adjustment.posted",
        "inventory.adjustment");

    private final JpaTemplate jpa;
    private final Company company;
    private final JournalServiceImpl journal;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile StockMoveService moves;

    @Activate
    public StockPostings(@Reference(target = "(osgi.unit.name=kovan-finance)") JpaTemplate jpa, @Reference Company company,
        @Reference JournalServiceImpl journal) {
        this.jpa = jpa;
        this.company = company;
        this.journal = journal;
    }

    @Override
    public void onEvent(DomainEvent event) {
        String sourceType = DOCUMENTS.get(event.name());
        StockMoveService ledger = moves;
        if (sourceType == null || ledger == null) {
            return;
        }
        long id = ((Number) event.data().get("id")).longValue();
        String number = String.valueOf(event.data().get("number"));
        List<MoveDTO> caused = ledger.forSource(sourceType, id);
        if (caused.isEmpty()) {
            return;
        }
        int base = company.decimals(company.currency());
        // Per product: value in less value out.
        Map<Long, BigDecimal> change = new TreeMap<>();
        for (MoveDTO m : caused) {
            BigDecimal value = m.totalCost() == null ? BigDecimal.ZERO : m.totalCost();
            change.merge(m.productId(), m.toLocationId() != null ? value : value.negate(), BigDecimal::add);
        }
        jpa.tx(TransactionType.Required, em -> {
            PostingRuleServiceImpl.Rules rules = new PostingRuleServiceImpl.Rules(em, company.id());
            BigDecimal none = BigDecimal.ZERO.setScale(base);
            List<JournalServiceImpl.Line> lines = new ArrayList<>();
            change.forEach((productId, value) -> {
                BigDecimal amount = value.setScale(base, RoundingMode.HALF_UP);
                if (amount.signum() == 0) {
                    return;
                }
                ProductDTO product = company.product(productId);
                PostingRuleServiceImpl.Match match = new PostingRuleServiceImpl.Match(product.category(), null, null);
                long stock = rules.account("INVENTORY", match);
                boolean surplus = amount.signum() > 0;
                long counter = rules.account(surplus ? "STOCK_GAIN" : "STOCK_LOSS", match);
                BigDecimal size = amount.abs();
                lines.add(JournalServiceImpl.Line.base(stock, null, productId, "INVENTORY", surplus ? size : none, surplus ? none : size, product.code()));
                lines.add(JournalServiceImpl.Line.base(counter, null, productId, surplus ? "STOCK_GAIN" : "STOCK_LOSS", surplus ? none : size,
                    surplus ? size : none, product.code()));
            });
            if (!lines.isEmpty()) {
                journal.post(em, journal.header(caused.get(0).date(), (sourceType.endsWith("count") ? "Stock count " : "Stock adjustment ") + number,
                    company.currency(), BigDecimal.ONE, sourceType, id, number), lines);
            }
        });
    }
}
