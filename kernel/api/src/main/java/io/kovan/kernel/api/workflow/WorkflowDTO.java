package io.kovan.kernel.api.workflow;

import java.util.List;

/** A document type's workflow: where documents start and how they move. */
public record WorkflowDTO(String documentType, String initialState, List<String> states, List<TransitionDTO> transitions) {
}
