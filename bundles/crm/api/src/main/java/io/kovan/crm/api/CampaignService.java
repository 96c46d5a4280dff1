package io.kovan.crm.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

import io.kovan.kernel.api.Page;
import io.kovan.kernel.api.PageRequest;

/**
 * Campaigns and their members. List filters: {@code type}, {@code active} (running today).
 *
 * @since 1.0
 */
@ProviderType
public interface CampaignService {

    CampaignDTO create(CampaignDTO campaign);

    CampaignDTO update(long id, CampaignDTO campaign);

    CampaignDTO get(long id);

    /** By id or by code. */
    CampaignDTO find(String idOrCode);

    Page<CampaignDTO> list(PageRequest request);

    /** Adds a party or a lead; adding one twice changes nothing. */
    CampaignMemberDTO addMember(long campaignId, CampaignMemberDTO member);

    List<CampaignMemberDTO> members(long campaignId);

    /** Records a member's response. */
    CampaignMemberDTO respond(long campaignId, long memberId, String response);
}
