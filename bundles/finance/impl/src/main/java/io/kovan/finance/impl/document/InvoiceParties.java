package io.kovan.finance.impl.document;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import io.kovan.kernel.api.company.CompanyDTO;
import io.kovan.kernel.api.party.AddressDTO;
import io.kovan.kernel.api.party.PartyDTO;

/**
 * What the invoice renderers need besides the invoice. {@code seller} and {@code buyer} are in their
 * roles on this invoice: the company's party sells a customer invoice or credit note, the supplier
 * sells a supplier invoice. A credit note names the invoice it credits by {@code creditedInvoiceNumber}
 * and {@code creditedInvoiceDate}, since the invoice itself carries only that invoice's id.
 */
record InvoiceParties(CompanyDTO company, PartyDTO seller, PartyDTO buyer, String creditedInvoiceNumber, LocalDate creditedInvoiceDate) {

    private static final Locale TURKISH = Locale.forLanguageTag("tr-TR");

    InvoiceParties {
        Objects.requireNonNull(company, "company");
        Objects.requireNonNull(seller, "seller");
        Objects.requireNonNull(buyer, "buyer");
    }

    /** For an invoice that credits no other. */
    InvoiceParties(CompanyDTO company, PartyDTO seller, PartyDTO buyer) {
        this(company, seller, buyer, null, null);
    }

    /** Whether an amount in {@code currency} needs the exchange rate to the company's base currency beside it. */
    boolean isForeign(String currency) {
        return !company.baseCurrency().equals(currency);
    }

    /** The address an invoice shows: the billing address, else the first; null when the party has none. */
    static AddressDTO invoiceAddress(PartyDTO party) {
        List<AddressDTO> addresses = party.addresses() == null ? List.of() : party.addresses();
        return addresses.stream().filter(a -> "BILLING".equalsIgnoreCase(a.type())).findFirst().orElse(addresses.isEmpty() ? null : addresses.get(0));
    }

    /** The scheme of a Turkish tax number: a TCKN (11 digits) identifies a person, a VKN (10 digits) an organisation. */
    static String taxIdScheme(String taxNumber) {
        return taxNumber != null && taxNumber.length() == 11 ? "TCKN" : "VKN";
    }

    /** The Turkish name of an ISO 3166 alpha-2 country ("TR" → "Türkiye"); null for null. */
    static String countryName(String isoCode) {
        return isoCode == null ? null : new Locale("", isoCode).getDisplayCountry(TURKISH);
    }
}
