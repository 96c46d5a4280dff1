package io.kovan.finance.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Budgets per account (and cost centre) and month, and budget against actual. Postings over a
 * budget are checked as configured ({@code io.kovan.finance}: {@code budget.check} = {@code OFF},
 * {@code WARN} (default: posted, logged and announced as {@code finance.budget.exceeded}) or
 * {@code BLOCK} (refused with a 409, also when two postings together would exceed it).
 *
 * @since 1.0
 */
@ProviderType
public interface BudgetService {

    /** Creates the budget, or replaces the amount of the one for the same account, cost centre and month. */
    BudgetDTO save(BudgetDTO budget);

    void delete(long id);

    /** The budgets of a year, optionally of one account. */
    List<BudgetDTO> list(int year, Long accountId);

    /** Budget against actual for every budget of the year (and month, when given). */
    List<BudgetLineDTO> report(int year, Integer month);
}
