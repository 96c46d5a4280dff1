package io.kovan.finance.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Closing a fiscal year (yıl sonu kapanışı): every income and expense account's balance for the
 * year is carried to the year's net profit (590) or loss (591) by one closing entry on 31
 * December, and the year's twelve periods are closed. The income statement leaves the closing
 * entry out; the balance sheet then shows the year's result in equity instead of as the period's
 * profit. To close a year again, reopen December, reverse its closing entry and close it again.
 *
 * @since 1.1
 */
@ProviderType
public interface YearEndService {

    /** The journal entry's source type of a closing entry (its source id is the year). */
    String SOURCE_TYPE = "finance.year-end";

    /** Closes {@code year}: waits for postings under way in it, refuses later ones (409), and 409 when it is closed already. */
    YearEndDTO close(int year);
}
