package io.kovan.crm.api;

import org.osgi.annotation.versioning.ProviderType;

import io.kovan.kernel.api.Page;
import io.kovan.kernel.api.PageRequest;

/**
 * Activities. List filters: {@code owner}, {@code type}, {@code lead}, {@code opportunity},
 * {@code party}, {@code case}, {@code done}, {@code overdue}. Sort: {@code dueAt}, {@code createdAt}.
 *
 * @since 1.0
 */
@ProviderType
public interface ActivityService {

    ActivityDTO create(ActivityDTO activity);

    ActivityDTO update(long id, ActivityDTO activity);

    ActivityDTO get(long id);

    Page<ActivityDTO> list(PageRequest request);

    /** Marks an activity done with its outcome. */
    ActivityDTO complete(long id, String outcome);
}
