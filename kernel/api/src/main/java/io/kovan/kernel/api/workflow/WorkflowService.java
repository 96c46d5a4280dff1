package io.kovan.kernel.api.workflow;

import java.util.List;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Declares workflows and moves documents through them. The owning module keeps each document's
 * state; {@link #transition} checks the move, runs guards and actions, records the history and
 * returns the new state, all in the caller's transaction.
 *
 * @since 1.0
 */
@ProviderType
public interface WorkflowService {

    /** Declares (or redeclares) a document type's workflow; a module calls it when it starts. */
    void define(WorkflowDTO workflow);

    List<WorkflowDTO> workflows();

    WorkflowDTO workflow(String documentType);

    /**
     * Moves a document from {@code currentState} by the named transition, as {@code user} with
     * {@code roles}. Refused (409) if the transition does not leave that state, the user lacks its
     * permission, or a guard refuses.
     */
    String transition(String documentType, long documentId, String currentState, String transition, String user, Set<String> roles,
        String comment);

    /** A document's transitions, oldest first. */
    List<HistoryEntryDTO> history(String documentType, long documentId);

    /** Descriptions of the guards and actions registered for a type, in the order they run. */
    List<String> extensions(String documentType);
}
