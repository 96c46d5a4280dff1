package io.kovan.crm.api;

/** The kinds of interaction kept on a lead, opportunity, party or case. */
public enum ActivityType {
    CALL, MEETING, EMAIL, TASK, NOTE
}
