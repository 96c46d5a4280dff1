package io.kovan.sales.impl;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.kovan.kernel.api.KovanException;
import io.kovan.kernel.api.NotFoundException;
import io.kovan.kernel.api.ValidationException;
import io.kovan.kernel.api.Violations;
import io.kovan.kernel.api.company.CompanyService;
import io.kovan.kernel.api.currency.CurrencyService;
import io.kovan.kernel.api.party.PartyDTO;
import io.kovan.kernel.api.party.PartyService;
import io.kovan.kernel.api.product.ProductDTO;
import io.kovan.kernel.api.product.ProductService;

/** The kernel's master data as sales checks it: references named in input become field errors, not 404s. */
@Component(service = KernelData.class)
public class KernelData {

    /** Exchange rates are kept at the kernel's precision. */
    static final int RATE_SCALE = 10;

    private final PartyService parties;
    private final ProductService products;
    private final CurrencyService currencies;
    private final CompanyService companies;

    @Activate
    public KernelData(@Reference PartyService parties, @Reference ProductService products, @Reference CurrencyService currencies,
        @Reference CompanyService companies) {
        this.parties = parties;
        this.products = products;
        this.currencies = currencies;
        this.companies = companies;
    }

    /** The party, or null after recording a violation against {@code field}. */
    PartyDTO party(Violations v, String field, Long id) {
        if (id == null) {
            return null;
        }
        try {
            return parties.get(id);
        } catch (NotFoundException e) {
            v.check(false, field, "unknown party " + id);
            return null;
        }
    }

    PartyDTO party(long id) {
        return parties.get(id);
    }

    /** The party's name, or its id when it has gone. */
    String partyName(long id) {
        try {
            return parties.get(id).name();
        } catch (NotFoundException e) {
            return "#" + id;
        }
    }

    /** The product, or null after recording a violation against {@code field}. */
    ProductDTO product(Violations v, String field, Long id) {
        if (id == null) {
            return null;
        }
        try {
            return products.get(id);
        } catch (NotFoundException e) {
            v.check(false, field, "unknown product " + id);
            return null;
        }
    }

    ProductDTO product(long id) {
        return products.get(id);
    }

    /** The currency's decimals, or 2 after recording a violation when it is unknown. */
    int decimals(Violations v, String field, String code) {
        if (code == null) {
            return 2;
        }
        try {
            return currencies.get(code).decimals();
        } catch (KovanException e) {
            v.check(false, field, "unknown currency " + code);
            return 2;
        }
    }

    int decimals(String code) {
        return currencies.get(code).decimals();
    }

    String baseCurrency() {
        return companies.defaultCompany().baseCurrency();
    }

    /** How many units of {@code to} one unit of {@code from} buys on {@code date}; 1 for one currency. */
    BigDecimal rate(String from, String to, LocalDate date) {
        if (from.equals(to)) {
            return BigDecimal.ONE;
        }
        return currencies.convert(BigDecimal.ONE, from, to, date).rate().setScale(RATE_SCALE, RoundingMode.HALF_UP).stripTrailingZeros();
    }

    /** The rate, or null after recording a violation against {@code field} when none is set. */
    BigDecimal rate(Violations v, String field, String from, String to, LocalDate date) {
        try {
            return rate(from, to, date);
        } catch (ValidationException e) {
            v.check(false, field, "no exchange rate " + from + "/" + to + " on or before " + date);
            return null;
        }
    }

    /** {@code amount} in {@code from} converted to {@code to} on {@code date}, rounded to {@code to}'s decimals. */
    BigDecimal convert(BigDecimal amount, String from, String to, LocalDate date) {
        if (from.equals(to)) {
            return amount.setScale(decimals(to), RoundingMode.HALF_UP);
        }
        return currencies.convert(amount, from, to, date).result();
    }
}
