package io.kovan.finance.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Fiscal years of twelve monthly periods. A period comes into being open the first time
 * something is dated in it; closing it waits for postings running in it to finish and then
 * refuses every later one (409), until it is reopened.
 *
 * @since 1.0
 */
@ProviderType
public interface PeriodService {

    /** The year's twelve periods, made if they are not there yet. */
    List<PeriodDTO> openYear(int year);

    List<PeriodDTO> list(Integer year);

    PeriodDTO get(long id);

    PeriodDTO close(long id);

    PeriodDTO reopen(long id);
}
