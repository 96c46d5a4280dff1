package io.kovan.kernel.api.audit;

import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Records every write in a hash chain: each entry's hash covers its content and the previous
 * entry's hash, so editing or deleting stored history is detected by {@link #verify()}.
 * {@link #record} joins the caller's transaction; the acting user is taken from the request or
 * console session.
 *
 * @since 1.0
 */
@ProviderType
public interface AuditService {

    /** Records a write of {@code entity} ({@code <module>.<entity>}) {@code id}; {@code changes} by field. */
    void record(String entity, String id, String action, Map<String, ChangeDTO> changes);

    /** A record's history, oldest first. */
    List<AuditEntryDTO> history(String entity, String id);

    /** Recomputes the whole chain. */
    AuditVerificationDTO verify();

    /** The changes between two versions of a record (e.g. two DTOs), field by field; equal fields are left out. */
    static Map<String, ChangeDTO> diff(Record before, Record after) {
        Map<String, ChangeDTO> changes = new java.util.LinkedHashMap<>();
        Record reference = after != null ? after : before;
        if (reference == null) {
            return changes;
        }
        for (java.lang.reflect.RecordComponent c : reference.getClass().getRecordComponents()) {
            String name = c.getName();
            if (name.equals("version") || name.equals("createdAt") || name.equals("updatedAt")) {
                continue;
            }
            String was = before == null ? null : text(c, before);
            String is = after == null ? null : text(c, after);
            if (!java.util.Objects.equals(was, is)) {
                changes.put(name, new ChangeDTO(was, is));
            }
        }
        return changes;
    }

    private static String text(java.lang.reflect.RecordComponent component, Record record) {
        try {
            Object value = component.getAccessor().invoke(record);
            if (value instanceof java.math.BigDecimal d) {
                return d.stripTrailingZeros().toPlainString();
            }
            if (value instanceof java.util.Collection<?> c && c.isEmpty()) {
                return null;
            }
            return value == null ? null : String.valueOf(value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
