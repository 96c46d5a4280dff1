package io.kovan.crm.impl;

import java.time.LocalDate;
import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

import io.kovan.crm.api.LeadStatus;

/** A row of KV_CRM_LEAD; the *_KEY columns hold normalised values for duplicate search. */
@Entity
@Table(name = "KV_CRM_LEAD")
public class LeadEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "LEAD_NUMBER")
    String number;

    @Column(name = "CONTACT_NAME")
    String contactName;

    @Column(name = "COMPANY_NAME")
    String companyName;

    @Column(name = "NAME_KEY")
    String nameKey;

    String email;

    @Column(name = "EMAIL_KEY")
    String emailKey;

    String phone;

    @Column(name = "PHONE_KEY")
    String phoneKey;

    @Column(name = "TAX_NUMBER")
    String taxNumber;

    String source;

    @Column(name = "CAMPAIGN_ID")
    Long campaignId;

    String owner;

    Integer score;

    String notes;

    @Enumerated(EnumType.STRING)
    LeadStatus status;

    @Column(name = "DISQUALIFY_REASON")
    String disqualifyReason;

    @Column(name = "PARTY_ID")
    Long partyId;

    @Column(name = "OPPORTUNITY_ID")
    Long opportunityId;

    @Column(name = "MERGED_INTO_ID")
    Long mergedIntoId;

    @Column(name = "CREATED_ON")
    LocalDate createdOn;

    /** UTC. */
    @Column(name = "CREATED_AT")
    LocalDateTime createdAt;

    @Column(name = "UPDATED_AT")
    LocalDateTime updatedAt;

    /** Optimistic lock: a write based on a stale read fails at commit (409) instead of overwriting. */
    @Version
    long version;
}
