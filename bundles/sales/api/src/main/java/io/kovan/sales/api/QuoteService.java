package io.kovan.sales.api;

import org.osgi.annotation.versioning.ProviderType;

import io.kovan.kernel.api.Page;
import io.kovan.kernel.api.PageRequest;

/**
 * Quotes, moved by the {@code sales.quote} workflow: draft → sent; draft | sent → converted,
 * cancelled or expired. List filters: {@code customer}, {@code state}, {@code salesperson},
 * {@code from} and {@code to} (quote dates); {@code q} searches the number.
 *
 * @since 1.0
 */
@ProviderType
public interface QuoteService {

    String DOCUMENT_TYPE = "sales.quote";

    QuoteDTO create(QuoteDTO quote);

    /** Replaces a draft quote's data and lines; {@code version} must match. */
    QuoteDTO update(long id, QuoteDTO quote);

    QuoteDTO get(long id);

    Page<QuoteDTO> list(PageRequest request);

    QuoteDTO send(long id);

    QuoteDTO cancel(long id);

    /** Makes a draft order of the quote's lines and prices, in one transaction; an expired quote is a 409. */
    OrderDTO convert(long id);
}
