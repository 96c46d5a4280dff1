package io.kovan.kernel.api.party;

import io.kovan.kernel.api.Page;
import io.kovan.kernel.api.PageRequest;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Parties: the customers, suppliers and others every module refers to by id.
 * <p>
 * List filters: {@code role}, {@code kind}, {@code taxNumber}, {@code phone} (any way of writing the number: the last ten digits match); {@code q} searches code, name,
 * email and tax number. Sort fields: {@code code}, {@code name}, {@code createdAt}.
 *
 * @since 1.0
 */
@ProviderType
public interface PartyService {

    /** Validates and stores a new party, drawing its code from the {@code C} series. */
    PartyDTO create(PartyDTO party);

    /** Replaces a party's data; {@code party.version()} must match the stored version. */
    PartyDTO update(long id, PartyDTO party);

    PartyDTO get(long id);

    /** Finds by id ({@code 42}) or by code ({@code C-000042}). */
    PartyDTO find(String idOrCode);

    Page<PartyDTO> list(PageRequest request);

    void delete(long id);
}
