package io.kovan.kernel.impl.webhook;

import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** A subscriber; {@code events} holds the name patterns, comma-separated. */
@Entity
@Table(name = "KV_WEBHOOK")
public class WebhookEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    String url;

    String events;

    String secret;

    boolean active;

    /** UTC. */
    @Column(name = "CREATED_AT")
    LocalDateTime createdAt;

    @Column(name = "CREATED_BY")
    String createdBy;
}
