package io.kovan.finance.api;

/** What an account holds; it decides the side its balance normally sits on and the statement it goes to. */
public enum AccountType {
    /** Debit balance, balance sheet. */
    ASSET,
    /** Credit balance, balance sheet. */
    LIABILITY,
    /** Credit balance, balance sheet. */
    EQUITY,
    /** Credit balance, income statement. */
    INCOME,
    /** Debit balance, income statement. */
    EXPENSE
}
