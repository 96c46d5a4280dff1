package io.kovan.finance.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

import io.kovan.kernel.api.Page;
import io.kovan.kernel.api.PageRequest;

/**
 * The company's chart of accounts. The first start loads a template (configuration
 * {@code io.kovan.finance}: {@code chart.template} = {@code TR} for the Turkish uniform chart,
 * Tekdüzen Hesap Planı, or {@code GENERIC}); accounts with postings are never deleted, only made
 * inactive. List filters: {@code q}, {@code type}, {@code parent}, {@code postable}, {@code active}.
 *
 * @since 1.0
 */
@ProviderType
public interface AccountService {

    AccountDTO create(AccountDTO account);

    AccountDTO update(long id, AccountDTO account);

    AccountDTO get(long id);

    /** By code ({@code 120}, {@code 102.01}). */
    AccountDTO byCode(String code);

    Page<AccountDTO> list(PageRequest request);

    /** Every account, parents before children, in code order. */
    List<AccountDTO> tree();
}
