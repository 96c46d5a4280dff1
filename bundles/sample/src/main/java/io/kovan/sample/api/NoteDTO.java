package io.kovan.sample.api;

/**
 * A short note, optionally about a party (by id: modules refer to kernel rows by id, never by
 * relation) and optionally following another note ({@code fromNoteId}), which the document flow
 * records. {@code number} is drawn from the {@code NOTE} series.
 */
public record NoteDTO(Long id, String number, String text, Long partyId, Long fromNoteId) {
}
