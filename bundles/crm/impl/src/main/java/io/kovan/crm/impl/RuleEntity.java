package io.kovan.crm.impl;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

import io.kovan.crm.api.AutomationAction;

/** A row of KV_CRM_RULE; {@code parameters} as a URL-encoded query string. */
@Entity
@Table(name = "KV_CRM_RULE")
public class RuleEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    String name;

    String event;

    @Column(name = "SEGMENT_ID")
    Long segmentId;

    @Enumerated(EnumType.STRING)
    AutomationAction action;

    String parameters;

    boolean active;

    /** Optimistic lock: a write based on a stale read fails at commit (409) instead of overwriting. */
    @Version
    long version;
}
