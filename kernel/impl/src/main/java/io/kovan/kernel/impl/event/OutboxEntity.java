package io.kovan.kernel.impl.event;

import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Lob;
import javax.persistence.Table;

/** One published event, stored in the publishing transaction (the outbox). */
@Entity
@Table(name = "KV_OUTBOX")
public class OutboxEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "EVENT_NAME")
    String name;

    @Lob
    String payload;

    /** UTC. */
    @Column(name = "AT_TIME")
    LocalDateTime at;

    @Column(name = "USER_NAME")
    String user;
}
