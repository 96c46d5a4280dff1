package io.kovan.kernel.impl.webhook;

import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

import io.kovan.kernel.api.webhook.WebhookDeliveryDTO;

/** One event to one webhook, and how its sending went. Times are UTC. */
@Entity
@Table(name = "KV_WEBHOOK_DELIVERY")
public class DeliveryEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "WEBHOOK_ID")
    long webhookId;

    @Column(name = "EVENT_ID")
    long eventId;

    @Column(name = "EVENT_NAME")
    String eventName;

    @Column(name = "DOCUMENT_KEY")
    String documentKey;

    @Enumerated(EnumType.STRING)
    WebhookDeliveryDTO.Status status;

    int attempts;

    @Column(name = "CREATED_AT")
    LocalDateTime createdAt;

    @Column(name = "NEXT_AT")
    LocalDateTime nextAt;

    @Column(name = "LAST_AT")
    LocalDateTime lastAt;

    @Column(name = "LAST_STATUS")
    Integer lastStatus;

    @Column(name = "LAST_ERROR")
    String lastError;

    @Column(name = "DELIVERED_AT")
    LocalDateTime deliveredAt;
}
