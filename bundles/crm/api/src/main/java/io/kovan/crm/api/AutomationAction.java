package io.kovan.crm.api;

/**
 * What a rule does to the record an event happened to. Parameters: CREATE_ACTIVITY {@code type},
 * {@code subject}, {@code dueInDays} (1), {@code owner} (the record's); ASSIGN_OWNER {@code owner}
 * (leads); ADD_TO_CAMPAIGN {@code campaign} (code); SEND_WEBHOOK none — it publishes
 * {@code crm.automation.triggered}, which a webhook subscribes to.
 */
public enum AutomationAction {
    CREATE_ACTIVITY, ASSIGN_OWNER, ADD_TO_CAMPAIGN, SEND_WEBHOOK
}
