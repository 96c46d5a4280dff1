package io.kovan.crm.api;

/** Where a lead stands: NEW → QUALIFIED → CONVERTED, or DISQUALIFIED, or MERGED into another lead. */
public enum LeadStatus {
    NEW, QUALIFIED, CONVERTED, DISQUALIFIED, MERGED
}
