package io.kovan.crm.api;

/** What a segment selects: leads or parties. */
public enum SegmentTarget {
    LEAD, PARTY
}
