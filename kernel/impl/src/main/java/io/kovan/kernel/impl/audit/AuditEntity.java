package io.kovan.kernel.impl.audit;

import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Lob;
import javax.persistence.Table;

/** One link of the audit chain. */
@Entity
@Table(name = "KV_AUDIT")
public class AuditEntity {

    @Id
    long seq;

    /** UTC. */
    @Column(name = "AT_TIME")
    LocalDateTime at;

    @Column(name = "USER_NAME")
    String user;

    String entity;

    @Column(name = "ENTITY_ID")
    String entityId;

    String action;

    @Lob
    String changes;

    @Column(name = "PREV_HASH")
    String previousHash;

    String hash;
}
