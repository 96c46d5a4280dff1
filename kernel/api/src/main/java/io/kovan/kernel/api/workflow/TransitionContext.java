package io.kovan.kernel.api.workflow;

import java.util.Set;

/**
 * One transition under way, as guards and actions see it. {@code roles} are the acting user's.
 */
public record TransitionContext(String documentType, long documentId, String transition, String from, String to, String user,
    Set<String> roles, String comment) {
}
