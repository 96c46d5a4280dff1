package io.kovan.crm.impl;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/**
 * A row of KV_CRM_OPPORTUNITY. {@code reachedSequence} is the highest open stage the opportunity
 * has been in (every open stage once won), which the funnel counts without reading the history.
 */
@Entity
@Table(name = "KV_CRM_OPPORTUNITY")
public class OpportunityEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "OPP_NUMBER")
    String number;

    String name;

    @Column(name = "PARTY_ID")
    Long partyId;

    @Column(name = "LEAD_ID")
    Long leadId;

    @Column(name = "CAMPAIGN_ID")
    Long campaignId;

    String source;

    String stage;

    @Column(name = "REACHED_SEQ")
    int reachedSequence;

    @Column(name = "EXPECTED_REVENUE")
    BigDecimal expectedRevenue;

    String currency;

    @Column(name = "EXPECTED_CLOSE")
    LocalDate expectedCloseDate;

    String owner;

    @Column(name = "TEAM_ID")
    Long teamId;

    @Column(name = "LOST_REASON")
    String lostReason;

    @Column(name = "CLOSED_ON")
    LocalDate closedOn;

    @Column(name = "CREATED_ON")
    LocalDate createdOn;

    @Column(name = "CREATED_AT")
    LocalDateTime createdAt;

    /** Optimistic lock: a write based on a stale read fails at commit (409) instead of overwriting. */
    @Version
    long version;
}
