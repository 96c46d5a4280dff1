package io.kovan.sales.impl;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Picks a line's price from the price lists: among the lists valid on the document date, those of
 * the customer's price group come before those for every customer; within them the item with the
 * largest quantity break not above the quantity wins (on a tie, the list that started last).
 */
final class PriceSelection {

    private PriceSelection() {
    }

    /** One price list item of the product, in the document currency, with its list's group and validity. */
    record Candidate(long priceListId, String customerGroup, LocalDate validFrom, LocalDate validTo, BigDecimal minQuantity, BigDecimal price) {
    }

    static Optional<Candidate> pick(List<Candidate> candidates, String priceGroup, LocalDate date, BigDecimal quantity) {
        List<Candidate> applicable = candidates.stream()
            .filter(c -> (c.validFrom() == null || !date.isBefore(c.validFrom())) && (c.validTo() == null || !date.isAfter(c.validTo())))
            .filter(c -> c.minQuantity().compareTo(quantity) <= 0)
            .filter(c -> c.customerGroup() == null || Objects.equals(c.customerGroup(), priceGroup))
            .toList();
        Comparator<Candidate> best = Comparator.comparing(Candidate::minQuantity)
            .thenComparing(c -> c.validFrom() == null ? LocalDate.MIN : c.validFrom())
            .thenComparingLong(Candidate::priceListId);
        Optional<Candidate> ofGroup = applicable.stream().filter(c -> c.customerGroup() != null).max(best);
        return ofGroup.isPresent() ? ofGroup : applicable.stream().filter(c -> c.customerGroup() == null).max(best);
    }
}
