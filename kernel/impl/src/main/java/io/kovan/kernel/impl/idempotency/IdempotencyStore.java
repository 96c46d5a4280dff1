package io.kovan.kernel.impl.idempotency;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import io.kovan.kernel.impl.module.SchemaReady;

/**
 * Remembers Idempotency-Keys. Claiming a key and storing its response are transactions of
 * their own, apart from the business operation: a key is claimed before the operation runs,
 * so a concurrent repeat finds it taken, and released again if the operation fails with a 5xx.
 */
@Component(service = IdempotencyStore.class, configurationPid = "io.kovan.core.idempotency")
@Designate(ocd = IdempotencyStore.Config.class)
public class IdempotencyStore {

    /** How long keys are kept. */
    @ObjectClassDefinition(name = "Kovan idempotency", description = "Idempotency-Key handling of POST requests")
    public @interface Config {
        @AttributeDefinition(name = "Key lifetime (hours)", description = "After this, a key may be used again for a new request")
        int idempotency_ttl_hours() default 24;
    }

    /** What a claim found. */
    public sealed interface Claim {
        /** The key is new: go ahead, then {@link #complete} or {@link #release}. */
        record Claimed() implements Claim {
        }

        /** The key was used with another request. */
        record Mismatch() implements Claim {
        }

        /** The first request with this key is still running. */
        record InProgress() implements Claim {
        }

        /** The first request's response, to be given again. */
        record Replay(int status, String type, String location, String body) implements Claim {
        }
    }

    private final JpaTemplate jpa;
    private volatile int ttlHours;

    @Activate
    public IdempotencyStore(@Reference(target = "(osgi.unit.name=kovan-core)") JpaTemplate jpa, @Reference SchemaReady schemaReady, Config config) {
        this.jpa = jpa;
        modified(config);
    }

    @Modified
    void modified(Config config) {
        ttlHours = Math.max(1, config.idempotency_ttl_hours());
    }

    public Claim claim(String user, String key, String requestHash) {
        try {
            return jpa.txExpr(TransactionType.RequiresNew, em -> {
                LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
                IdempotencyEntity existing = em.find(IdempotencyEntity.class, new IdempotencyEntity.Key(user, key));
                if (existing != null && existing.expiresAt.isBefore(now)) {
                    em.remove(existing);
                    em.flush();
                    existing = null;
                }
                if (existing != null) {
                    return found(existing, requestHash);
                }
                IdempotencyEntity e = new IdempotencyEntity();
                e.user = user;
                e.key = key;
                e.requestHash = requestHash;
                e.state = "IN_PROGRESS";
                e.expiresAt = now.plusHours(ttlHours);
                em.persist(e);
                em.flush();
                return new Claim.Claimed();
            });
        } catch (RuntimeException raced) {
            // A concurrent request claimed the same key between our look and our insert.
            IdempotencyEntity winner = jpa.txExpr(TransactionType.RequiresNew,
                em -> em.find(IdempotencyEntity.class, new IdempotencyEntity.Key(user, key)));
            if (winner == null) {
                throw raced;
            }
            return found(winner, requestHash);
        }
    }

    public void complete(String user, String key, int status, String type, String location, String body) {
        jpa.tx(TransactionType.RequiresNew, em -> {
            IdempotencyEntity e = em.find(IdempotencyEntity.class, new IdempotencyEntity.Key(user, key));
            if (e != null) {
                e.state = "DONE";
                e.responseStatus = status;
                e.responseType = type;
                e.responseLocation = location;
                e.responseBody = body;
            }
        });
    }

    public void release(String user, String key) {
        jpa.tx(TransactionType.RequiresNew, em -> {
            IdempotencyEntity e = em.find(IdempotencyEntity.class, new IdempotencyEntity.Key(user, key));
            if (e != null) {
                em.remove(e);
            }
        });
    }

    private static Claim found(IdempotencyEntity e, String requestHash) {
        if (!e.requestHash.equals(requestHash)) {
            return new Claim.Mismatch();
        }
        if ("DONE".equals(e.state)) {
            return new Claim.Replay(e.responseStatus, e.responseType, e.responseLocation, e.responseBody);
        }
        return new Claim.InProgress();
    }
}
