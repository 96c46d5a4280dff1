package io.kovan.kernel.api.workflow;

import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * May refuse a transition. Register as a service with {@link #DOCUMENT_TYPE} (the type, e.g.
 * {@code sales.order}) and {@link #TRANSITION} (a transition name, or {@code *} for all).
 * Guards run before actions, in the caller's transaction, highest {@code service.ranking}
 * first, ties by lowest {@code service.id} (the one registered first); the first refusal stops
 * the transition and reaches REST clients as a 409 with its reason.
 *
 * @since 1.0
 */
@ConsumerType
public interface WorkflowGuard {

    String DOCUMENT_TYPE = "kovan.workflow";
    String TRANSITION = "kovan.transition";

    /** The reason to refuse, or empty to let the transition go on. */
    Optional<String> check(TransitionContext transition);
}
