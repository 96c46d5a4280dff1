package io.kovan.crm.api;

import java.math.BigDecimal;

/**
 * A pipeline stage: {@code code} (lowercase, e.g. {@code proposal}), name, position in the
 * pipeline, win probability in percent, and kind. Defaults: new 10, qualified 25, proposal 50,
 * negotiation 75, won 100, lost 0.
 */
public record StageDTO(String code, String name, Integer sequence, BigDecimal probability, StageKind kind) {
}
