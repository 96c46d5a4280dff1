package io.kovan.crm.api;

import java.io.Reader;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

import io.kovan.kernel.api.Page;
import io.kovan.kernel.api.PageRequest;

/**
 * Leads. List filters: {@code status}, {@code owner}, {@code source}, {@code campaign}, {@code minScore}; {@code q}
 * searches number, names, email and phone. Sort: {@code number}, {@code createdAt}, {@code score}.
 * A sales representative sees only their own leads, a manager those of their teams.
 *
 * @since 1.0
 */
@ProviderType
public interface LeadService {

    LeadDTO create(LeadDTO lead);

    LeadDTO update(long id, LeadDTO lead);

    LeadDTO get(long id);

    Page<LeadDTO> list(PageRequest request);

    LeadDTO qualify(long id, String comment);

    LeadDTO disqualify(long id, String reason);

    /** Creates (or reuses) the party with the lead's contact person, and an opportunity, in one transaction. */
    LeadConversionResultDTO convert(long id, LeadConversionDTO conversion);

    /** Leads and parties that look like this lead. */
    List<DuplicateDTO> duplicates(long id);

    /** Folds {@code duplicateId} into {@code id}: empty fields are filled from it, and it becomes MERGED. */
    LeadDTO merge(long id, long duplicateId);

    /**
     * Imports leads from CSV with a header line naming the columns ({@code contactName},
     * {@code companyName}, {@code email}, {@code phone}, {@code taxNumber}, {@code source},
     * {@code campaign}, {@code owner}, {@code score}, {@code notes}). Each good row is kept; each
     * bad one is reported by line number.
     */
    LeadImportResultDTO importCsv(Reader csv);
}
