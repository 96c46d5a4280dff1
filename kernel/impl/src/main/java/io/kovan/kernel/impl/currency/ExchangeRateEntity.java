package io.kovan.kernel.impl.currency;

import java.math.BigDecimal;
import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** One exchange rate for a currency pair and day. */
@Entity
@Table(name = "KV_EXCHANGE_RATE")
public class ExchangeRateEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "FROM_CURRENCY")
    String fromCurrency;

    @Column(name = "TO_CURRENCY")
    String toCurrency;

    @Column(name = "RATE_DATE")
    LocalDate rateDate;

    BigDecimal rate;
}
