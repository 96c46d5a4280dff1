package io.kovan.crm.impl;

import java.math.BigDecimal;
import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

import io.kovan.crm.api.CampaignType;

/** A row of KV_CRM_CAMPAIGN. */
@Entity
@Table(name = "KV_CRM_CAMPAIGN")
public class CampaignEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    String code;

    String name;

    @Enumerated(EnumType.STRING)
    CampaignType type;

    @Column(name = "START_DATE")
    LocalDate startDate;

    @Column(name = "END_DATE")
    LocalDate endDate;

    BigDecimal budget;

    @Column(name = "ACTUAL_COST")
    BigDecimal actualCost;

    String currency;

    /** Optimistic lock: a write based on a stale read fails at commit (409) instead of overwriting. */
    @Version
    long version;
}
