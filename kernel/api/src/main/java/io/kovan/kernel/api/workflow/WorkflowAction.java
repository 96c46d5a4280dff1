package io.kovan.kernel.api.workflow;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Runs when a transition happens, after every guard agreed, in the caller's transaction: an
 * exception rolls the whole operation back. Registered and ordered like {@link WorkflowGuard}
 * (properties {@link WorkflowGuard#DOCUMENT_TYPE} and {@link WorkflowGuard#TRANSITION}).
 *
 * @since 1.0
 */
@ConsumerType
public interface WorkflowAction {

    void run(TransitionContext transition);
}
