package io.kovan.crm.impl;

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

import io.kovan.crm.api.ActivityType;

/** A row of KV_CRM_ACTIVITY; times in UTC. */
@Entity
@Table(name = "KV_CRM_ACTIVITY")
public class ActivityEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Enumerated(EnumType.STRING)
    ActivityType type;

    String subject;

    String description;

    @Column(name = "DUE_AT")
    LocalDateTime dueAt;

    String owner;

    @Column(name = "LEAD_ID")
    Long leadId;

    @Column(name = "OPPORTUNITY_ID")
    Long opportunityId;

    @Column(name = "PARTY_ID")
    Long partyId;

    @Column(name = "CASE_ID")
    Long caseId;

    boolean done;

    String outcome;

    @Column(name = "COMPLETED_AT")
    LocalDateTime completedAt;

    @Column(name = "CREATED_AT")
    LocalDateTime createdAt;

    /** Optimistic lock: a write based on a stale read fails at commit (409) instead of overwriting. */
    @Version
    long version;
}
