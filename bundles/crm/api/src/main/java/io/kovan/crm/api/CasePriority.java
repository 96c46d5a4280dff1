package io.kovan.crm.api;

/** A case's priority; each has its own response and resolution targets (SLA). */
public enum CasePriority {
    LOW, NORMAL, HIGH, URGENT
}
