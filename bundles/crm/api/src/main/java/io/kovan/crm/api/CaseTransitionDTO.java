package io.kovan.crm.api;

/** Moves a case by a transition: start, wait, resume, resolve, close or reopen. */
public record CaseTransitionDTO(String transition, String comment) {
}
