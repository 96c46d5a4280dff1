package io.kovan.finance.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

import io.kovan.kernel.api.Page;
import io.kovan.kernel.api.PageRequest;

/**
 * Journal entries, in the caller's transaction. Posting checks that base debits equal base
 * credits (the database refuses an unbalanced entry too) and that the date's period is open; a
 * posted entry is never edited, only reversed. List filters: {@code state}, {@code from},
 * {@code to}, {@code account}, {@code party}, {@code sourceType}, {@code source}.
 *
 * @since 1.0
 */
@ProviderType
public interface JournalService {

    String DOCUMENT_TYPE = "finance.journal-entry";

    /** A draft, or a posted entry with {@code post: true}. */
    JournalEntryDTO create(JournalEntryDTO entry);

    /** Replaces a draft's data and lines; {@code version} must match. */
    JournalEntryDTO update(long id, JournalEntryDTO entry);

    JournalEntryDTO post(long id);

    /** Posts the entry with the opposite lines on {@code date} (the original's when null) and marks the original reversed. */
    JournalEntryDTO reverse(long id, java.time.LocalDate date);

    /** Deletes a draft. */
    void delete(long id);

    JournalEntryDTO get(long id);

    Page<JournalEntryDTO> list(PageRequest request);

    /** The posted entries a document caused. */
    List<JournalEntryDTO> forSource(String sourceType, long sourceId);
}
