package io.kovan.crm.api;

/** A record in a segment: {@code kind} is {@code lead} or {@code party}. */
public record SegmentMemberDTO(String kind, long id, String number, String name) {
}
