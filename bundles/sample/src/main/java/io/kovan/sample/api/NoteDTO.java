package io.kovan.sample.api;

/** A short note, optionally about a party (by id: modules refer to kernel rows by id, never by relation). */
public record NoteDTO(Long id, String text, Long partyId) {
}
