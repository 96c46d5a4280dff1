package io.kovan.crm.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

import io.kovan.kernel.api.Page;

/**
 * Segments and the marketing automation rules that run on the kernel's events.
 *
 * @since 1.0
 */
@ProviderType
public interface SegmentService {

    SegmentDTO create(SegmentDTO segment);

    SegmentDTO update(long id, SegmentDTO segment);

    SegmentDTO get(long id);

    List<SegmentDTO> list();

    /** The records the segment selects now. */
    Page<SegmentMemberDTO> members(long id, int offset, int limit);

    /** Whether one record is in the segment now. */
    boolean contains(long id, SegmentTarget kind, long recordId);

    AutomationRuleDTO createRule(AutomationRuleDTO rule);

    AutomationRuleDTO updateRule(long id, AutomationRuleDTO rule);

    AutomationRuleDTO getRule(long id);

    List<AutomationRuleDTO> rules();

    /** A rule's runs, newest first. */
    List<AutomationRunDTO> runs(long ruleId, int limit);
}
