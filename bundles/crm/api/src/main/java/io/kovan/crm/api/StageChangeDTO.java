package io.kovan.crm.api;

/** Moves an opportunity to {@code stage}; {@code lostReason} is required when that stage is the LOST one. */
public record StageChangeDTO(String stage, String comment, String lostReason) {
}
