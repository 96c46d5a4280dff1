package io.kovan.crm.api;

/** What kind of marketing effort a campaign is. */
public enum CampaignType {
    EMAIL, EVENT, WEBINAR, TRADE_SHOW, ADVERTISING, SOCIAL, REFERRAL, OTHER
}
