package io.kovan.crm.impl;

import java.util.ArrayList;
import java.util.List;

import javax.persistence.CollectionTable;
import javax.persistence.Column;
import javax.persistence.ElementCollection;
import javax.persistence.Entity;
import javax.persistence.FetchType;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.Table;
import javax.persistence.Version;

/** A row of KV_CRM_TEAM with its members. */
@Entity
@Table(name = "KV_CRM_TEAM")
public class TeamEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    String name;

    String leader;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "KV_CRM_TEAM_MEMBER", joinColumns = @JoinColumn(name = "TEAM_ID"))
    @Column(name = "MEMBER")
    List<String> members = new ArrayList<>();

    /** Optimistic lock: a write based on a stale read fails at commit (409) instead of overwriting. */
    @Version
    long version;
}
