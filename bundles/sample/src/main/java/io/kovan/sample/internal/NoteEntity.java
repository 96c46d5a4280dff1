package io.kovan.sample.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** A row of KV_SAMPLE_NOTE. */
@Entity
@Table(name = "KV_SAMPLE_NOTE")
public class NoteEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "NOTE_NUMBER")
    String number;

    String text;

    @Column(name = "PARTY_ID")
    Long partyId;

    @Column(name = "FROM_NOTE_ID")
    Long fromNoteId;

    /** UTC. */
    @Column(name = "CREATED_AT")
    java.time.LocalDateTime createdAt;
}
