package io.kovan.finance.impl;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

import io.kovan.kernel.api.KovanException;
import io.kovan.kernel.api.NotFoundException;
import io.kovan.kernel.api.ValidationException;
import io.kovan.kernel.api.Violations;
import io.kovan.kernel.api.company.CompanyDTO;
import io.kovan.kernel.api.company.CompanyService;
import io.kovan.kernel.api.currency.CurrencyService;
import io.kovan.kernel.api.party.PartyDTO;
import io.kovan.kernel.api.party.PartyService;
import io.kovan.kernel.api.product.ProductDTO;
import io.kovan.kernel.api.product.ProductService;

/**
 * The company whose books these are (the kernel's default company) and the kernel's master data as
 * finance checks it: references named in input become field errors, not 404s.
 */
@Component(service = Company.class, configurationPid = "io.kovan.finance")
@Designate(ocd = FinanceConfiguration.class)
public class Company {

    static final int RATE_SCALE = 10;

    private final CompanyService companies;
    private final PartyService parties;
    private final ProductService products;
    private final CurrencyService currencies;
    private volatile FinanceConfiguration config;

    @Activate
    public Company(@Reference CompanyService companies, @Reference PartyService parties, @Reference ProductService products,
        @Reference CurrencyService currencies, FinanceConfiguration config) {
        this.companies = companies;
        this.parties = parties;
        this.products = products;
        this.currencies = currencies;
        this.config = config;
    }

    @Modified
    void modified(FinanceConfiguration config) {
        this.config = config;
    }

    /** Amounts and quantities fit DECIMAL(19,4): at most 15 digits before the point. */
    static final BigDecimal LARGEST = new BigDecimal("999999999999999");
    static final LocalDate FIRST_DAY = LocalDate.of(1900, 1, 1);
    static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);

    /** A 400 on {@code field} when the value is beyond what the books hold. */
    static void bounded(Violations v, String field, BigDecimal value) {
        v.check(value == null || value.abs().compareTo(LARGEST) <= 0, field, "must be at most " + LARGEST.toPlainString());
    }

    static void dated(Violations v, String field, LocalDate date) {
        v.check(date == null || !date.isBefore(FIRST_DAY) && !date.isAfter(LAST_DAY), field, "must be between 1900-01-01 and 9999-12-31");
    }

    /** A 400 unless a rate in the company currency is 1. */
    void rateOfOwnCurrency(Violations v, String field, String currency, BigDecimal rate) {
        v.check(rate == null || !currency.equals(currency()) || rate.compareTo(BigDecimal.ONE) == 0, field, "must be 1 in the company currency");
        v.check(rate == null || rate.compareTo(new BigDecimal("1000000000")) < 0, field, "must be below 1000000000");
    }

    CompanyDTO company() {
        return companies.defaultCompany();
    }

    long id() {
        return company().id();
    }

    String currency() {
        return company().baseCurrency();
    }

    String chartTemplate() {
        return config.chart_template().strip().toUpperCase(java.util.Locale.ROOT);
    }

    /** OFF, WARN or BLOCK. */
    String budgetCheck() {
        String check = config.budget_check().strip().toUpperCase(java.util.Locale.ROOT);
        return java.util.Set.of("OFF", "WARN", "BLOCK").contains(check) ? check : "WARN";
    }

    int paymentTermsDays() {
        return Math.max(0, config.payment_terms_days());
    }

    PartyDTO party(Violations v, String field, Long id) {
        if (id == null) {
            v.require(field, null);
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

    String partyName(long id) {
        try {
            return parties.get(id).name();
        } catch (NotFoundException e) {
            return "#" + id;
        }
    }

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

    int decimals(Violations v, String field, String code) {
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

    /** The rate of {@code currency} to the company currency on {@code date}, or null after recording a violation when none is set. */
    BigDecimal rate(Violations v, String field, String currency, LocalDate date) {
        if (currency.equals(currency())) {
            return BigDecimal.ONE;
        }
        try {
            return currencies.convert(BigDecimal.ONE, currency, currency(), date).rate().setScale(RATE_SCALE, RoundingMode.HALF_UP)
                .stripTrailingZeros();
        } catch (ValidationException e) {
            v.check(false, field, "no exchange rate " + currency + "/" + currency() + " on or before " + date);
            return null;
        }
    }
}
