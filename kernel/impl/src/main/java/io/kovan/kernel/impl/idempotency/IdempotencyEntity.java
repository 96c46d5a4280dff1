package io.kovan.kernel.impl.idempotency;

import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.Objects;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Lob;
import javax.persistence.Table;

/** One Idempotency-Key of one user: the request it was first used with and, once done, its response. */
@Entity
@Table(name = "KV_IDEMPOTENCY")
@IdClass(IdempotencyEntity.Key.class)
public class IdempotencyEntity {

    /** User and key: keys are private to the user who sent them. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        String user;
        String key;

        public Key() {
        }

        Key(String user, String key) {
            this.user = user;
            this.key = key;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.user.equals(user) && k.key.equals(key);
        }

        @Override
        public int hashCode() {
            return Objects.hash(user, key);
        }
    }

    @Id
    @Column(name = "USER_NAME")
    String user;

    @Id
    @Column(name = "IDEM_KEY")
    String key;

    @Column(name = "REQUEST_HASH")
    String requestHash;

    /** IN_PROGRESS until the response is stored, then DONE. */
    String state;

    @Column(name = "RESPONSE_STATUS")
    Integer responseStatus;

    @Column(name = "RESPONSE_TYPE")
    String responseType;

    @Column(name = "RESPONSE_LOCATION")
    String responseLocation;

    @Lob
    @Column(name = "RESPONSE_BODY")
    String responseBody;

    /** UTC. */
    @Column(name = "EXPIRES_AT")
    LocalDateTime expiresAt;
}
