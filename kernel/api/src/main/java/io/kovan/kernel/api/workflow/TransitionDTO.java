package io.kovan.kernel.api.workflow;

import java.util.Set;

/**
 * A transition named {@code name} from any of {@code from} to {@code to}. {@code permission},
 * when set, is what the acting user must hold (e.g. {@code sales.order.approve}).
 */
public record TransitionDTO(String name, Set<String> from, String to, String permission) {
}
