package io.kovan.kernel.impl.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;

import io.kovan.kernel.api.Violations;
import io.kovan.kernel.api.audit.AuditEntryDTO;
import io.kovan.kernel.api.audit.AuditService;
import io.kovan.kernel.api.audit.AuditVerificationDTO;
import io.kovan.kernel.api.audit.ChangeDTO;
import io.kovan.kernel.impl.module.SchemaReady;
import io.kovan.kernel.impl.rest.Json;
import io.kovan.kernel.impl.security.CurrentUser;

/**
 * The audit chain in KV_AUDIT. The head row (KV_AUDIT_HEAD) is updated first by each writer, so
 * its row lock orders the chain; the audited operation should record its entry last, which keeps
 * the lock short. Each hash covers the previous hash and the entry's content.
 */
@Component(service = AuditService.class)
public class AuditServiceImpl implements AuditService {

    /** The hash the first entry follows (the head row's initial value). */
    static final String GENESIS = "GENESIS";

    private final JpaTemplate jpa;

    @Activate
    public AuditServiceImpl(@Reference(target = "(osgi.unit.name=kovan-core)") JpaTemplate jpa, @Reference SchemaReady schemaReady) {
        this.jpa = jpa;
    }

    @Override
    public void record(String entity, String id, String action, Map<String, ChangeDTO> changes) {
        new Violations().check(entity != null && entity.matches("[a-z][a-z0-9]*\\.[a-z][a-z0-9-]*"), "entity", "must be <module>.<entity>")
            .requireText("id", id, 64).requireText("action", action, 32).throwIfAny();
        jpa.tx(TransactionType.Required, em -> {
            em.createNativeQuery("UPDATE KV_AUDIT_HEAD SET LAST_SEQ = LAST_SEQ + 1 WHERE ID = 1").executeUpdate();
            Object[] head = (Object[]) em.createNativeQuery("SELECT LAST_SEQ, LAST_HASH FROM KV_AUDIT_HEAD WHERE ID = 1").getSingleResult();
            AuditEntity e = new AuditEntity();
            e.seq = ((Number) head[0]).longValue();
            e.previousHash = (String) head[1];
            e.at = LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
            e.user = CurrentUser.name();
            e.entity = entity;
            e.entityId = id;
            e.action = action;
            e.changes = json(changes == null ? Map.of() : new TreeMap<>(changes));
            e.hash = hash(e);
            em.persist(e);
            em.createNativeQuery("UPDATE KV_AUDIT_HEAD SET LAST_HASH = ? WHERE ID = 1").setParameter(1, e.hash).executeUpdate();
        });
    }

    @Override
    public List<AuditEntryDTO> history(String entity, String id) {
        return jpa.txExpr(TransactionType.Supports, em -> em
            .createQuery("SELECT a FROM AuditEntity a WHERE a.entity = :e AND a.entityId = :i ORDER BY a.seq", AuditEntity.class)
            .setParameter("e", entity).setParameter("i", id).getResultList().stream().map(AuditServiceImpl::toDto).toList());
    }

    @Override
    public AuditVerificationDTO verify() {
        return jpa.txExpr(TransactionType.Supports, em -> {
            String previous = GENESIS;
            long expected = 1;
            for (AuditEntity e : em.createQuery("SELECT a FROM AuditEntity a ORDER BY a.seq", AuditEntity.class).getResultList()) {
                if (e.seq != expected) {
                    return new AuditVerificationDTO(false, expected - 1, expected, "entry " + expected + " is missing");
                }
                if (!previous.equals(e.previousHash) || !hash(e).equals(e.hash)) {
                    return new AuditVerificationDTO(false, expected - 1, e.seq, "entry " + e.seq + " was altered");
                }
                previous = e.hash;
                expected++;
            }
            Object[] head = (Object[]) em.createNativeQuery("SELECT LAST_SEQ, LAST_HASH FROM KV_AUDIT_HEAD WHERE ID = 1").getSingleResult();
            long last = ((Number) head[0]).longValue();
            if (last != expected - 1 || !previous.equals(head[1])) {
                return new AuditVerificationDTO(false, expected - 1, expected, "entries after " + (expected - 1) + " are missing");
            }
            return new AuditVerificationDTO(true, expected - 1, null, null);
        });
    }

    static String hash(AuditEntity e) {
        String content = String.join("|", e.previousHash, String.valueOf(e.seq), e.at.toString(), String.valueOf(e.user), e.entity,
            e.entityId, e.action, e.changes);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String json(Map<String, ChangeDTO> changes) {
        try {
            return Json.MAPPER.writeValueAsString(changes);
        } catch (JsonProcessingException ex) {
            throw new IllegalArgumentException(ex);
        }
    }

    private static AuditEntryDTO toDto(AuditEntity e) {
        Map<String, ChangeDTO> changes;
        try {
            changes = Json.MAPPER.readValue(e.changes, new TypeReference<TreeMap<String, ChangeDTO>>() { });
        } catch (JsonProcessingException ex) {
            changes = Map.of();
        }
        return new AuditEntryDTO(e.seq, e.at.toInstant(ZoneOffset.UTC), e.user, e.entity, e.entityId, e.action, changes, e.hash);
    }
}
