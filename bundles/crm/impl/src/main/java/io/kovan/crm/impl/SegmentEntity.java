package io.kovan.crm.impl;

import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

import io.kovan.crm.api.SegmentTarget;

/** A row of KV_CRM_SEGMENT; {@code filters} as a URL-encoded query string. */
@Entity
@Table(name = "KV_CRM_SEGMENT")
public class SegmentEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    String name;

    @Enumerated(EnumType.STRING)
    SegmentTarget target;

    String filters;

    /** Optimistic lock: a write based on a stale read fails at commit (409) instead of overwriting. */
    @Version
    long version;
}
