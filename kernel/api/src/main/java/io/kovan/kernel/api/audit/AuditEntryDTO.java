package io.kovan.kernel.api.audit;

import java.time.Instant;
import java.util.Map;

/**
 * One audited write: sequence number in the chain, when, who, which record ({@code core.party}
 * and its id), the action ({@code created}, {@code updated}, {@code deleted}) and the changed fields.
 */
public record AuditEntryDTO(long sequence, Instant at, String user, String entity, String entityId, String action,
    Map<String, ChangeDTO> changes, String hash) {
}
