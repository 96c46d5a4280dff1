package io.kovan.kernel.impl.workflow;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import io.kovan.kernel.api.NotFoundException;
import io.kovan.kernel.api.audit.AuditService;
import io.kovan.kernel.api.audit.ChangeDTO;
import io.kovan.kernel.api.Violations;
import io.kovan.kernel.api.workflow.HistoryEntryDTO;
import io.kovan.kernel.api.workflow.TransitionContext;
import io.kovan.kernel.api.workflow.TransitionDTO;
import io.kovan.kernel.api.workflow.WorkflowAction;
import io.kovan.kernel.api.workflow.WorkflowDTO;
import io.kovan.kernel.api.workflow.WorkflowGuard;
import io.kovan.kernel.api.security.ForbiddenException;
import io.kovan.kernel.api.workflow.WorkflowRefusedException;
import io.kovan.kernel.api.workflow.WorkflowService;
import io.kovan.kernel.impl.module.SchemaReady;
import io.kovan.kernel.impl.security.RoleRegistry;
import io.kovan.kernel.impl.whiteboard.Ranked;

/**
 * Workflows declared by modules, extended by guard and action services of any bundle. The
 * extensions are tracked dynamically: a bundle's guard stops applying the moment it goes away.
 * Bundles reach it through {@link BundleWorkflowService}, so that a workflow leaves with the
 * bundle that declared it.
 */
@Component(service = WorkflowServiceImpl.class)
public class WorkflowServiceImpl implements WorkflowService {

    /** A guard or action with the document type and transition it extends. */
    record Extension<T>(Ranked<T> ranked, String documentType, String transition) {
        T service() {
            return ranked.service();
        }

        boolean appliesTo(String type, String name) {
            return documentType.equals(type) && (transition.equals("*") || transition.equals(name));
        }

        String describe(String kind) {
            return kind + " " + service().getClass().getName() + " (bundle " + ranked.property("service.bundleid", "?") + ", transition "
                + transition + ", ranking " + ranked.ranking() + ", service.id " + ranked.serviceId() + ")";
        }
    }

    static final Comparator<Extension<?>> ORDER = Comparator.comparing(Extension::ranked, Ranked.ORDER);

    private final JpaTemplate jpa;
    private final RoleRegistry roles;
    private final Map<String, WorkflowDTO> workflows = new ConcurrentHashMap<>();
    /** Which bundle declared each workflow. */
    private final Map<String, Long> declaredBy = new ConcurrentHashMap<>();
    private final List<Extension<WorkflowGuard>> guards = new CopyOnWriteArrayList<>();
    private final List<Extension<WorkflowAction>> actions = new CopyOnWriteArrayList<>();

    private final AuditService audit;

    @Activate
    public WorkflowServiceImpl(@Reference(target = "(osgi.unit.name=kovan-core)") JpaTemplate jpa, @Reference SchemaReady schemaReady,
        @Reference RoleRegistry roles, @Reference AuditService audit) {
        this.jpa = jpa;
        this.roles = roles;
        this.audit = audit;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addGuard(WorkflowGuard guard, Map<String, Object> properties) {
        guards.add(extension(guard, properties));
    }

    void removeGuard(WorkflowGuard guard) {
        guards.removeIf(e -> e.service() == guard);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addAction(WorkflowAction action, Map<String, Object> properties) {
        actions.add(extension(action, properties));
    }

    void removeAction(WorkflowAction action) {
        actions.removeIf(e -> e.service() == action);
    }

    @Override
    public void define(WorkflowDTO workflow) {
        define(workflow, 0L);
    }

    /** Declares a workflow on behalf of a bundle. */
    synchronized void define(WorkflowDTO workflow, long bundleId) {
        Violations v = new Violations();
        v.require("workflow", workflow);
        if (workflow != null) {
            v.check(workflow.documentType() != null && workflow.documentType().matches("[a-z][a-z0-9]*\\.[a-z][a-z0-9-]*"), "documentType",
                "must be <module>.<document>");
            List<String> states = workflow.states() == null ? List.of() : workflow.states();
            v.check(!states.isEmpty(), "states", "at least one state is required");
            v.check(states.contains(workflow.initialState()), "initialState", "must be one of the states");
            Set<String> names = new HashSet<>();
            List<TransitionDTO> transitions = workflow.transitions() == null ? List.of() : workflow.transitions();
            for (int i = 0; i < transitions.size(); i++) {
                TransitionDTO t = transitions.get(i);
                String at = "transitions[" + i + "]";
                v.check(t.name() != null && names.add(t.name()), at + ".name", "must be present and unique");
                v.check(t.from() != null && !t.from().isEmpty() && states.containsAll(t.from()), at + ".from", "must be states of the workflow");
                v.check(states.contains(t.to()), at + ".to", "must be a state of the workflow");
            }
        }
        v.throwIfAny();
        workflows.put(workflow.documentType(), new WorkflowDTO(workflow.documentType(), workflow.initialState(), List.copyOf(workflow.states()),
            List.copyOf(workflow.transitions() == null ? List.of() : workflow.transitions())));
        declaredBy.put(workflow.documentType(), bundleId);
    }

    /** Forgets the workflows a bundle declared (and nobody redeclared since): the bundle is going away. */
    synchronized void forget(long bundleId) {
        declaredBy.entrySet().removeIf(e -> {
            if (e.getValue() == bundleId) {
                workflows.remove(e.getKey());
                return true;
            }
            return false;
        });
    }

    @Override
    public List<WorkflowDTO> workflows() {
        return workflows.values().stream().sorted(Comparator.comparing(WorkflowDTO::documentType)).toList();
    }

    @Override
    public WorkflowDTO workflow(String documentType) {
        WorkflowDTO workflow = documentType == null ? null : workflows.get(documentType);
        if (workflow == null) {
            throw new NotFoundException("Workflow", documentType);
        }
        return workflow;
    }

    @Override
    public String transition(String documentType, long documentId, String currentState, String name, String user, Set<String> userRoles,
        String comment) {
        WorkflowDTO workflow = workflow(documentType);
        TransitionDTO transition = workflow.transitions().stream().filter(t -> t.name().equals(name)).findFirst()
            .orElseThrow(() -> new WorkflowRefusedException("The workflow of " + documentType + " has no transition " + name));
        if (!transition.from().contains(currentState)) {
            throw new WorkflowRefusedException("Transition " + name + " does not leave state " + currentState + " (it leaves "
                + String.join(", ", transition.from().stream().sorted().toList()) + ")");
        }
        Set<String> granted = userRoles == null ? Set.of() : userRoles;
        if (transition.permission() != null && !roles.permits(granted, transition.permission())) {
            throw new ForbiddenException(user, transition.permission() + " (transition " + name + " of " + documentType + ")");
        }
        TransitionContext context = new TransitionContext(documentType, documentId, name, currentState, transition.to(), user, granted, comment);
        for (Extension<WorkflowGuard> guard : ordered(guards, documentType, name)) {
            Optional<String> refusal = guard.service().check(context);
            if (refusal.isPresent()) {
                throw new WorkflowRefusedException(refusal.get());
            }
        }
        return jpa.txExpr(TransactionType.Required, em -> {
            for (Extension<WorkflowAction> action : ordered(actions, documentType, name)) {
                action.service().run(context);
            }
            // Written at once over the transaction's connection, so a document's entries are numbered in the order of its
            // transitions also when several happen in one transaction: persisted, they waited for a flush that inserts
            // new entities in no set order.
            try (PreparedStatement insert = em.unwrap(Connection.class).prepareStatement("INSERT INTO KV_WORKFLOW_HISTORY "
                + "(DOC_TYPE, DOC_ID, TRANSITION, FROM_STATE, TO_STATE, USER_NAME, AT_TIME, COMMENT_TEXT) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, documentType);
                insert.setLong(2, documentId);
                insert.setString(3, name);
                insert.setString(4, currentState);
                insert.setString(5, transition.to());
                insert.setString(6, user);
                insert.setTimestamp(7, Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS)));
                insert.setString(8, comment == null || comment.length() <= 500 ? comment : comment.substring(0, 500));
                insert.executeUpdate();
            } catch (SQLException e) {
                throw new javax.persistence.PersistenceException(e);
            }
            audit.record(documentType, String.valueOf(documentId), "transition " + name,
                Map.of("state", new ChangeDTO(currentState, transition.to())));
            return transition.to();
        });
    }

    @Override
    public List<HistoryEntryDTO> history(String documentType, long documentId) {
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                "SELECT h FROM WorkflowHistoryEntity h WHERE h.documentType = :t AND h.documentId = :i ORDER BY h.id", WorkflowHistoryEntity.class)
            .setParameter("t", documentType).setParameter("i", documentId).getResultList().stream()
            .map(h -> new HistoryEntryDTO(h.transition, h.fromState, h.toState, h.user, h.at.toInstant(ZoneOffset.UTC), h.comment)).toList());
    }

    @Override
    public List<String> extensions(String documentType) {
        workflow(documentType);
        List<String> described = new ArrayList<>();
        guards.stream().filter(g -> g.documentType().equals(documentType)).sorted(ORDER).forEach(g -> described.add(g.describe("guard")));
        actions.stream().filter(a -> a.documentType().equals(documentType)).sorted(ORDER).forEach(a -> described.add(a.describe("action")));
        return described;
    }

    static <T> List<Extension<T>> ordered(List<Extension<T>> extensions, String type, String name) {
        return extensions.stream().filter(e -> e.appliesTo(type, name)).sorted(ORDER).toList();
    }

    private static <T> Extension<T> extension(T service, Map<String, Object> properties) {
        Ranked<T> ranked = Ranked.of(service, properties);
        return new Extension<>(ranked, ranked.property(WorkflowGuard.DOCUMENT_TYPE, ""), ranked.property(WorkflowGuard.TRANSITION, "*"));
    }
}
