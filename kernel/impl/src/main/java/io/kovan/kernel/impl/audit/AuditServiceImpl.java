package io.kovan.kernel.impl.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
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
 * The audit chain in KV_AUDIT. An operation's entry is written in its own transaction to
 * KV_AUDIT_PENDING, which no two writers share, so recording takes no global lock and rolls back
 * with the operation. The chainer then numbers and hashes the committed entries into KV_AUDIT, in
 * the order they committed, under the head row's lock (KV_AUDIT_HEAD), one chainer at a time across
 * every instance on the database: in the background a few times a second, and before every read of
 * the chain. Each hash covers the previous hash and the entry's content.
 */
@Component(service = AuditService.class)
public class AuditServiceImpl implements AuditService {

    /** The hash the first entry follows (the head row's initial value). */
    static final String GENESIS = "GENESIS";

    /** Entries chained per transaction: a burst is taken in a few short ones. */
    private static final int BATCH = 500;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AuditServiceImpl.class);

    private final JpaTemplate jpa;
    private final java.util.concurrent.ScheduledExecutorService chainer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "kovan-audit-chainer");
        t.setDaemon(true);
        return t;
    });

    @Activate
    public AuditServiceImpl(@Reference(target = "(osgi.unit.name=kovan-core)") JpaTemplate jpa, @Reference SchemaReady schemaReady) {
        this.jpa = jpa;
        chainer.scheduleWithFixedDelay(() -> {
            try {
                chain();
            } catch (RuntimeException e) {
                // The database may be going away with the bundle; the next round, or the next read, chains what is left.
                LOG.debug("Audit chaining deferred: {}", e.toString());
            }
        }, 250, 250, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    @org.osgi.service.component.annotations.Deactivate
    void stop() {
        chainer.shutdownNow();
    }

    @Override
    public void record(String entity, String id, String action, Map<String, ChangeDTO> changes) {
        new Violations().check(entity != null && entity.matches("[a-z][a-z0-9]*\\.[a-z][a-z0-9-]*"), "entity", "must be <module>.<entity>")
            .requireText("id", id, 64).requireText("action", action, 32).throwIfAny();
        String changed = json(changes == null ? Map.of() : new TreeMap<>(changes));
        Timestamp at = Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS));
        String user = CurrentUser.name();
        // Plain JDBC on the transaction's connection: as a native query, each entry first flushed the
        // kernel's persistence context, which was half of what recording cost.
        jpa.tx(TransactionType.Required, em -> {
            try (PreparedStatement insert = em.unwrap(Connection.class).prepareStatement(
                "INSERT INTO KV_AUDIT_PENDING (AT_TIME, USER_NAME, ENTITY, ENTITY_ID, ACTION, CHANGES) VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.setTimestamp(1, at);
                insert.setString(2, user);
                insert.setString(3, entity);
                insert.setString(4, id);
                insert.setString(5, action);
                insert.setString(6, changed);
                insert.executeUpdate();
            } catch (SQLException e) {
                throw new javax.persistence.PersistenceException(e);
            }
        });
    }

    /** Chains every committed pending entry; returns how many. */
    int chain() {
        int chained = 0;
        while (true) {
            // Plain JDBC on the transaction's connection, the copies and deletes as batches: the
            // chainer runs a few times a second, and each entry through the provider cost a flush.
            int batch = jpa.txExpr(TransactionType.Required, em -> {
                try {
                    return chainBatch(em.unwrap(Connection.class));
                } catch (SQLException e) {
                    throw new javax.persistence.PersistenceException(e);
                }
            });
            chained += batch;
            if (batch < BATCH) {
                return chained;
            }
        }
    }

    private static int chainBatch(Connection c) throws SQLException {
        try (PreparedStatement any = c.prepareStatement("SELECT ID FROM KV_AUDIT_PENDING")) {
            any.setMaxRows(1);
            try (ResultSet rs = any.executeQuery()) {
                if (!rs.next()) {
                    return 0;
                }
            }
        }
        long seq;
        String previous;
        // The head row's lock makes chainers take turns, also those of other instances on this database.
        try (PreparedStatement lock = c.prepareStatement("UPDATE KV_AUDIT_HEAD SET LAST_SEQ = LAST_SEQ WHERE ID = 1");
            PreparedStatement read = c.prepareStatement("SELECT LAST_SEQ, LAST_HASH FROM KV_AUDIT_HEAD WHERE ID = 1")) {
            lock.executeUpdate();
            try (ResultSet rs = read.executeQuery()) {
                rs.next();
                seq = rs.getLong(1);
                previous = rs.getString(2);
            }
        }
        int count = 0;
        try (PreparedStatement pending = c.prepareStatement("SELECT ID, AT_TIME, USER_NAME, ENTITY, ENTITY_ID, ACTION, CHANGES FROM KV_AUDIT_PENDING ORDER BY ID");
            PreparedStatement insert = c.prepareStatement("INSERT INTO KV_AUDIT (SEQ, PREV_HASH, AT_TIME, USER_NAME, ENTITY, ENTITY_ID, ACTION, CHANGES, HASH) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
            PreparedStatement delete = c.prepareStatement("DELETE FROM KV_AUDIT_PENDING WHERE ID = ?")) {
            pending.setMaxRows(BATCH);
            try (ResultSet rs = pending.executeQuery()) {
                while (rs.next()) {
                    AuditEntity e = new AuditEntity();
                    e.seq = ++seq;
                    e.previousHash = previous;
                    e.at = rs.getTimestamp(2).toLocalDateTime();
                    e.user = rs.getString(3);
                    e.entity = rs.getString(4);
                    e.entityId = rs.getString(5);
                    e.action = rs.getString(6);
                    e.changes = rs.getString(7);
                    e.hash = hash(e);
                    previous = e.hash;
                    insert.setLong(1, e.seq);
                    insert.setString(2, e.previousHash);
                    insert.setTimestamp(3, java.sql.Timestamp.valueOf(e.at));
                    insert.setString(4, e.user);
                    insert.setString(5, e.entity);
                    insert.setString(6, e.entityId);
                    insert.setString(7, e.action);
                    insert.setString(8, e.changes);
                    insert.setString(9, e.hash);
                    insert.addBatch();
                    delete.setLong(1, rs.getLong(1));
                    delete.addBatch();
                    count++;
                }
            }
            if (count == 0) {
                return 0;
            }
            insert.executeBatch();
            delete.executeBatch();
        }
        try (PreparedStatement head = c.prepareStatement("UPDATE KV_AUDIT_HEAD SET LAST_SEQ = ?, LAST_HASH = ? WHERE ID = 1")) {
            head.setLong(1, seq);
            head.setString(2, previous);
            head.executeUpdate();
        }
        return count;
    }

    @Override
    public List<AuditEntryDTO> history(String entity, String id) {
        chain();
        return jpa.txExpr(TransactionType.Supports, em -> em
            .createQuery("SELECT a FROM AuditEntity a WHERE a.entity = :e AND a.entityId = :i ORDER BY a.seq", AuditEntity.class)
            .setParameter("e", entity).setParameter("i", id).getResultList().stream().map(AuditServiceImpl::toDto).toList());
    }

    @Override
    public AuditVerificationDTO verify() {
        chain();
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
