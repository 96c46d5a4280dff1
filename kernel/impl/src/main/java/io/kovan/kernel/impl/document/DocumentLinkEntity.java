package io.kovan.kernel.impl.document;

import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.Objects;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Table;

/** One edge of the flow: document TO came from document FROM. */
@Entity
@Table(name = "KV_DOCUMENT_LINK")
@IdClass(DocumentLinkEntity.Key.class)
public class DocumentLinkEntity {

    /** The composite key: both ends. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        String fromType;
        long fromId;
        String toType;
        long toId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.fromType.equals(fromType) && k.fromId == fromId && k.toType.equals(toType) && k.toId == toId;
        }

        @Override
        public int hashCode() {
            return Objects.hash(fromType, fromId, toType, toId);
        }
    }

    @Id
    @Column(name = "FROM_TYPE")
    String fromType;

    @Id
    @Column(name = "FROM_ID")
    long fromId;

    @Id
    @Column(name = "TO_TYPE")
    String toType;

    @Id
    @Column(name = "TO_ID")
    long toId;

    /** UTC. */
    @Column(name = "CREATED_AT")
    LocalDateTime createdAt;
}
