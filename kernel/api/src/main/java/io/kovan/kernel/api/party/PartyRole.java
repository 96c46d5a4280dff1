package io.kovan.kernel.api.party;

/** The roles a party plays towards the company; one party may hold several. */
public enum PartyRole {
    CUSTOMER, SUPPLIER, PROSPECT, EMPLOYEE, PARTNER
}
