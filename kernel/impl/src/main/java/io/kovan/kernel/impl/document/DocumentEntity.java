package io.kovan.kernel.impl.document;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Table;

/** What the flow knows of one document of some module. */
@Entity
@Table(name = "KV_DOCUMENT")
@IdClass(DocumentEntity.Key.class)
public class DocumentEntity {

    /** The composite key: document type and the owning module's id. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        String type;
        long id;

        public Key() {
        }

        Key(String type, long id) {
            this.type = type;
            this.id = id;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.type.equals(type) && k.id == id;
        }

        @Override
        public int hashCode() {
            return Objects.hash(type, id);
        }
    }

    @Id
    @Column(name = "DOC_TYPE")
    String type;

    @Id
    @Column(name = "DOC_ID")
    long id;

    @Column(name = "DOC_NUMBER")
    String number;

    @Column(name = "DOC_STATE")
    String state;

    @Column(name = "DOC_DATE")
    LocalDate date;

    BigDecimal amount;
    String currency;
}
