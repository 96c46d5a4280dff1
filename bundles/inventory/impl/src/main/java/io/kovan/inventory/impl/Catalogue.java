package io.kovan.inventory.impl;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import javax.persistence.EntityManager;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.kovan.kernel.api.NotFoundException;
import io.kovan.kernel.api.Violations;
import io.kovan.kernel.api.company.CompanyService;
import io.kovan.kernel.api.currency.CurrencyService;
import io.kovan.kernel.api.product.ProductDTO;
import io.kovan.kernel.api.product.ProductService;
import io.kovan.kernel.api.product.ProductType;

/** The kernel's products and company currency as inventory reads them: unknown products named in input become field errors. */
@Component(service = Catalogue.class)
public class Catalogue {

    private final ProductService products;
    private final CompanyService companies;
    private final CurrencyService currencies;

    @Activate
    public Catalogue(@Reference ProductService products, @Reference CompanyService companies, @Reference CurrencyService currencies) {
        this.products = products;
        this.companies = companies;
        this.currencies = currencies;
    }

    ProductDTO product(long id) {
        return products.get(id);
    }

    /** The stocked product, or null after recording why it cannot be used against {@code field}. */
    ProductDTO stocked(Violations v, String field, Long id) {
        if (id == null) {
            v.require(field, null);
            return null;
        }
        try {
            ProductDTO p = products.get(id);
            v.check(p.type() == ProductType.STOCKED, field, "product " + p.code() + " is a " + p.type() + " product; only STOCKED products are kept in stock");
            return p.type() == ProductType.STOCKED ? p : null;
        } catch (NotFoundException e) {
            v.check(false, field, "unknown product " + id);
            return null;
        }
    }

    /** The products of many lines, read at once. */
    Map<Long, ProductDTO> products(java.util.Collection<Long> ids) {
        return products.getAll(ids);
    }

    /** As {@link #stocked(Violations, String, Long)}, from products already read. */
    static ProductDTO stocked(Violations v, String field, Long id, Map<Long, ProductDTO> known) {
        if (id == null) {
            v.require(field, null);
            return null;
        }
        ProductDTO p = known.get(id);
        if (p == null) {
            v.check(false, field, "unknown product " + id);
            return null;
        }
        v.check(p.type() == ProductType.STOCKED, field, "product " + p.code() + " is a " + p.type() + " product; only STOCKED products are kept in stock");
        return p.type() == ProductType.STOCKED ? p : null;
    }

    String code(long productId) {
        try {
            return products.get(productId).code();
        } catch (NotFoundException e) {
            return String.valueOf(productId);
        }
    }

    BigDecimal standardCost(long productId) {
        try {
            return products.get(productId).standardCost();
        } catch (NotFoundException e) {
            return null;
        }
    }

    /** The company currency and its decimals, read at most every few seconds: a thousand-line shipment asks for them at every line. */
    private record Money(String currency, int decimals, long readAt) {
    }

    private static final long MONEY_TTL_NANOS = 5_000_000_000L;

    private volatile Money money;

    private Money money() {
        Money m = money;
        if (m == null || System.nanoTime() - m.readAt() > MONEY_TTL_NANOS) {
            String currency = companies.defaultCompany().baseCurrency();
            m = new Money(currency, currencies.get(currency).decimals(), System.nanoTime());
            money = m;
        }
        return m;
    }

    String currency() {
        return money().currency();
    }

    /** Decimals of the company currency, which stock values and the costs of moves carry. */
    int moneyScale() {
        return money().decimals();
    }

    String warehouseCode(EntityManager em, long warehouseId) {
        List<?> code = em.createNativeQuery("SELECT CODE FROM KV_INV_WAREHOUSE WHERE ID = ?").setParameter(1, warehouseId).getResultList();
        return code.isEmpty() ? String.valueOf(warehouseId) : (String) code.get(0);
    }
}
