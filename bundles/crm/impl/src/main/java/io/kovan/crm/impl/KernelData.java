package io.kovan.crm.impl;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.kovan.kernel.api.KovanException;
import io.kovan.kernel.api.NotFoundException;
import io.kovan.kernel.api.Violations;
import io.kovan.kernel.api.company.CompanyService;
import io.kovan.kernel.api.currency.CurrencyDTO;
import io.kovan.kernel.api.currency.CurrencyService;
import io.kovan.kernel.api.party.PartyDTO;
import io.kovan.kernel.api.party.PartyService;
import io.kovan.kernel.api.product.ProductService;

/** The kernel's master data as the CRM checks it: references named in input become field errors, not 404s. */
@Component(service = KernelData.class)
public class KernelData {

    final PartyService parties;
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

    void product(Violations v, String field, Long id) {
        if (id == null) {
            return;
        }
        try {
            products.get(id);
        } catch (NotFoundException e) {
            v.check(false, field, "unknown product " + id);
        }
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

    /** The company currency for one report: looked up once, every amount converted at {@code date}. */
    BaseCurrency base(LocalDate date) {
        String code = baseCurrency();
        return new BaseCurrency(code, decimals(code), date);
    }

    /** Sums of one report in the company currency. */
    final class BaseCurrency {

        final String code;
        private final int decimals;
        private final LocalDate date;

        private BaseCurrency(String code, int decimals, LocalDate date) {
            this.code = code;
            this.decimals = decimals;
            this.date = date;
        }

        BigDecimal zero() {
            return BigDecimal.ZERO.setScale(decimals);
        }

        int decimals() {
            return decimals;
        }

        /** {@code amount} in {@code from}, converted and rounded half-up to the company currency's decimals. */
        BigDecimal of(BigDecimal amount, String from) {
            if (amount == null) {
                return zero();
            }
            if (from.equals(code)) {
                return amount.setScale(decimals, RoundingMode.HALF_UP);
            }
            return currencies.convert(amount, from, code, date).result();
        }
    }

    CurrencyDTO currency(String code) {
        return currencies.get(code);
    }
}
