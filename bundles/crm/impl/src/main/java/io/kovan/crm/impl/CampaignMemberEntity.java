package io.kovan.crm.impl;

import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** A row of KV_CRM_CAMPAIGN_MEMBER: a party or a lead in a campaign. */
@Entity
@Table(name = "KV_CRM_CAMPAIGN_MEMBER")
public class CampaignMemberEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "CAMPAIGN_ID")
    Long campaignId;

    @Column(name = "PARTY_ID")
    Long partyId;

    @Column(name = "LEAD_ID")
    Long leadId;

    String status;

    String response;

    @Column(name = "RESPONDED_AT")
    LocalDateTime respondedAt;
}
