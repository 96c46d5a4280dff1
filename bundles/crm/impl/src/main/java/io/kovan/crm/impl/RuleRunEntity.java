package io.kovan.crm.impl;

import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** A row of KV_CRM_RULE_RUN: a rule ran once for one event. */
@Entity
@Table(name = "KV_CRM_RULE_RUN")
public class RuleRunEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "RULE_ID")
    Long ruleId;

    @Column(name = "EVENT_ID")
    long eventId;

    String event;

    @Column(name = "RECORD_KIND")
    String recordKind;

    @Column(name = "RECORD_ID")
    long recordId;

    @Column(name = "RUN_AT")
    LocalDateTime at;

    String outcome;
}
