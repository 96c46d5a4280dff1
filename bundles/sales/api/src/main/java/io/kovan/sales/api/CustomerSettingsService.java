package io.kovan.sales.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Sales' settings of a party. A party sales has no settings for answers with empty settings and version null.
 *
 * @since 1.0
 */
@ProviderType
public interface CustomerSettingsService {

    CustomerSettingsDTO get(long partyId);

    /** Creates or replaces the settings; a replacement must carry the stored {@code version}. */
    CustomerSettingsDTO save(long partyId, CustomerSettingsDTO settings);
}
