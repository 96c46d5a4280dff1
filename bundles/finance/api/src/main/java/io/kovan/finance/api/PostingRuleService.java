package io.kovan.finance.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The rules automatic postings take their accounts from (see {@link PostingRuleDTO}). The chart
 * template brings a {@code DEFAULT} rule for every purpose.
 *
 * @since 1.0
 */
@ProviderType
public interface PostingRuleService {

    List<PostingRuleDTO> list();

    PostingRuleDTO create(PostingRuleDTO rule);

    PostingRuleDTO update(long id, PostingRuleDTO rule);

    void delete(long id);
}
