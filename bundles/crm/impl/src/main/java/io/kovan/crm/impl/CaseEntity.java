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

import io.kovan.crm.api.CasePriority;

/** A row of KV_CRM_CASE; times in UTC. */
@Entity
@Table(name = "KV_CRM_CASE")
public class CaseEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "CASE_NUMBER")
    String number;

    @Column(name = "PARTY_ID")
    Long partyId;

    String subject;

    String description;

    @Enumerated(EnumType.STRING)
    CasePriority priority;

    @Column(name = "PRODUCT_ID")
    Long productId;

    @Column(name = "ORDER_NUMBER")
    String orderNumber;

    @Column(name = "INVOICE_NUMBER")
    String invoiceNumber;

    String state;

    String owner;

    @Column(name = "CREATED_AT")
    LocalDateTime createdAt;

    @Column(name = "FIRST_RESPONSE_AT")
    LocalDateTime firstResponseAt;

    @Column(name = "RESOLVED_AT")
    LocalDateTime resolvedAt;

    @Column(name = "CLOSED_AT")
    LocalDateTime closedAt;

    @Column(name = "RESPONSE_DUE_AT")
    LocalDateTime responseDueAt;

    @Column(name = "RESOLUTION_DUE_AT")
    LocalDateTime resolutionDueAt;

    @Column(name = "REOPEN_COUNT")
    int reopenCount;

    /** Optimistic lock: a write based on a stale read fails at commit (409) instead of overwriting. */
    @Version
    long version;
}
