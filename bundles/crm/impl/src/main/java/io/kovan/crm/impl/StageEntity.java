package io.kovan.crm.impl;

import java.math.BigDecimal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.Table;

import io.kovan.crm.api.StageKind;

/** A row of KV_CRM_STAGE. */
@Entity
@Table(name = "KV_CRM_STAGE")
public class StageEntity {

    @Id
    String code;

    String name;

    @Column(name = "SEQ")
    int sequence;

    BigDecimal probability;

    @Enumerated(EnumType.STRING)
    StageKind kind;
}
