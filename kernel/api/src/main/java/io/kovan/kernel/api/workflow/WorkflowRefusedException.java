package io.kovan.kernel.api.workflow;

import io.kovan.kernel.api.ConflictException;

/** A guard, or the workflow itself, refused a transition. Answered as 409 with the reason. */
public class WorkflowRefusedException extends ConflictException {

    private static final long serialVersionUID = 1L;

    public WorkflowRefusedException(String reason) {
        super(reason);
    }

    @Override
    public String title() {
        return "Transition refused";
    }
}
