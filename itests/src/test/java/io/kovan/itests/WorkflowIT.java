package io.kovan.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;

import com.fasterxml.jackson.databind.JsonNode;

import io.kovan.kernel.api.PageRequest;
import io.kovan.kernel.api.Transactions;
import io.kovan.kernel.api.party.PartyDTO;
import io.kovan.kernel.api.party.PartyKind;
import io.kovan.kernel.api.party.PartyService;
import io.kovan.kernel.api.workflow.HistoryEntryDTO;
import io.kovan.kernel.api.workflow.TransitionDTO;
import io.kovan.kernel.api.workflow.WorkflowAction;
import io.kovan.kernel.api.workflow.WorkflowDTO;
import io.kovan.kernel.api.workflow.WorkflowGuard;
import io.kovan.kernel.api.workflow.WorkflowRefusedException;
import io.kovan.kernel.api.workflow.WorkflowService;
import io.kovan.itests.partner.PartnerBundles;
import io.kovan.itests.partner.PartnerGuards;

/**
 * A workflow declared by a module and extended by guard and action services: their order
 * (ranking, then registration), a refusal, removal at runtime, permissions, history, and an
 * action failure rolling back the whole operation.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class WorkflowIT extends KovanTestSupport {

    private static final String TYPE = "itest.order";

    /** Two partner bundles, each registering a guard on the cancel transition. */
    @Override
    @Configuration
    public Option[] config() {
        return baseConfig(new ArrayList<>(List.of(PartnerBundles.partner("a", PartnerGuards.PartnerA.class), PartnerBundles.partner("b", PartnerGuards.PartnerB.class))))
            .toArray(Option[]::new);
    }

    @Test
    public void twoPartnerBundlesGuardInRankingOrderAndLeaveWithTheirBundle() throws Exception {
        WorkflowService workflows = define();
        assertEquals("cancelled", workflows.transition(TYPE, 10, "draft", "cancel", "erin", Set.of("admin"), "no partner named"));
        assertRefused(workflows, "A and B", "refused by partner A");
        assertRefused(workflows, "B only", "refused by partner B");
        assertEquals(2, workflows.extensions(TYPE).stream().filter(e -> e.contains("PartnerGuards")).count());

        org.osgi.framework.Bundle partnerA = java.util.Arrays.stream(bundleContext.getBundles())
            .filter(b -> "io.kovan.itests.partner.a".equals(b.getSymbolicName())).findFirst().orElseThrow();
        partnerA.uninstall();
        assertRefused(workflows, "A and B", "refused by partner B");
        assertEquals("the removed bundle's guard is gone at once", "cancelled",
            workflows.transition(TYPE, 11, "draft", "cancel", "erin", Set.of("admin"), "A only"));
    }

    private static void assertRefused(WorkflowService workflows, String comment, String reason) {
        try {
            workflows.transition(TYPE, 12, "draft", "cancel", "erin", Set.of("admin"), comment);
            fail("'" + comment + "' must be refused");
        } catch (WorkflowRefusedException e) {
            assertEquals(reason, e.getMessage());
        }
    }

    @Test
    public void guardsAndActionsRunInOrderAndGoAwayWithTheirService() throws Exception {
        WorkflowService workflows = define();
        List<String> calls = new CopyOnWriteArrayList<>();
        ServiceRegistration<?> low = registerGuard("confirm", 5, context -> {
            calls.add("low");
            return Optional.empty();
        });
        ServiceRegistration<?> high = registerGuard("*", 10, context -> {
            calls.add("high");
            return "blocked".equals(context.comment()) ? Optional.of("Order is blocked by the credit check") : Optional.empty();
        });
        ServiceRegistration<?> sameRankLater = registerGuard("confirm", 5, context -> {
            calls.add("low-later");
            return Optional.empty();
        });
        ServiceRegistration<?> action = bundleContext.registerService(WorkflowAction.class, context -> calls.add("action"),
            properties("confirm", 0));
        try {
            assertEquals("confirmed", workflows.transition(TYPE, 1, "draft", "confirm", "alice", Set.of("admin"), "ok"));
            assertEquals("highest ranking first, ties by registration, actions after guards",
                List.of("high", "low", "low-later", "action"), calls);

            calls.clear();
            try {
                workflows.transition(TYPE, 2, "draft", "confirm", "alice", Set.of("admin"), "blocked");
                fail("the guard must refuse");
            } catch (WorkflowRefusedException e) {
                assertEquals("Order is blocked by the credit check", e.getMessage());
            }
            assertEquals("a refusal stops the chain", List.of("high"), calls);

            JsonNode detail = get("/api/core/workflows/" + TYPE).json();
            List<String> mine = new ArrayList<>();
            detail.get("extensions").forEach(e -> {
                if (!e.asText().contains("PartnerGuards")) {
                    mine.add(e.asText());
                }
            });
            assertEquals(detail.toString(), 4, mine.size());
            assertTrue(detail.toString(), mine.get(0).contains("ranking 10"));
            String shown = console("kovan:workflow-show " + TYPE);
            assertTrue(shown, shown.contains("confirm") && shown.contains("itest.order.approve") && shown.contains("ranking 10"));

            high.unregister();
            high = null;
            calls.clear();
            assertEquals("with its guard gone, the refusal is gone at once", "confirmed",
                workflows.transition(TYPE, 2, "draft", "confirm", "alice", Set.of("admin"), "blocked"));
            assertEquals(List.of("low", "low-later", "action"), calls);
            assertEquals(3, workflows.extensions(TYPE).stream().filter(e -> !e.contains("PartnerGuards")).count());
        } finally {
            for (ServiceRegistration<?> r : new ServiceRegistration<?>[] {low, high, sameRankLater, action}) {
                if (r != null) {
                    r.unregister();
                }
            }
        }
    }

    @Test
    public void statesPermissionsAndHistory() throws Exception {
        WorkflowService workflows = define();
        try {
            workflows.transition(TYPE, 3, "draft", "ship", "bob", Set.of("admin"), null);
            fail("ship does not leave draft");
        } catch (WorkflowRefusedException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("does not leave state draft"));
        }
        try {
            workflows.transition(TYPE, 3, "draft", "confirm", "bob", Set.of("viewer"), null);
            fail("confirm needs itest.order.approve");
        } catch (io.kovan.kernel.api.security.ForbiddenException e) {
            assertEquals(403, e.status());
            assertTrue(e.getMessage(), e.getMessage().contains("itest.order.approve"));
        }
        assertEquals("confirmed", workflows.transition(TYPE, 3, "draft", "confirm", "bob", Set.of("admin"), "approved by phone"));
        assertEquals("shipped", workflows.transition(TYPE, 3, "confirmed", "ship", "carol", Set.of("viewer"), null));
        List<HistoryEntryDTO> history = workflows.history(TYPE, 3);
        assertEquals(2, history.size());
        assertEquals("bob", history.get(0).user());
        assertEquals("draft", history.get(0).from());
        assertEquals("approved by phone", history.get(0).comment());
        assertEquals("shipped", history.get(1).to());
        JsonNode rest = get("/api/core/workflows/" + TYPE + "/3/history").json();
        assertEquals(2, rest.size());
        assertEquals("carol", rest.get(1).get("user").asText());
        assertEquals(404, get("/api/core/workflows/no.such/1/history").status());
    }

    @Test
    public void aFailingActionRollsTheWholeOperationBack() throws Exception {
        WorkflowService workflows = define();
        Transactions tx = service(Transactions.class);
        PartyService parties = service(PartyService.class);
        ServiceRegistration<?> failing = bundleContext.registerService(WorkflowAction.class, context -> {
            throw new IllegalStateException("the warehouse is on fire");
        }, properties("ship", 0));
        long before = parties.list(PageRequest.of(0, 1)).total();
        try {
            tx.required(() -> {
                parties.create(new PartyDTO(null, null, PartyKind.PERSON, "Written Before The Action", Set.of(), null, null, List.of(), List.of(),
                    null, null, null, null, null, null, null, null));
                return workflows.transition(TYPE, 4, "confirmed", "ship", "dave", Set.of("admin"), null);
            });
            fail("the action's failure must surface");
        } catch (IllegalStateException expected) {
            assertEquals("the warehouse is on fire", expected.getMessage());
        } finally {
            failing.unregister();
        }
        assertEquals(before, parties.list(PageRequest.of(0, 1)).total());
        assertTrue("no history for a rolled-back transition", workflows.history(TYPE, 4).isEmpty());
    }

    private WorkflowService define() throws InterruptedException {
        WorkflowService workflows = service(WorkflowService.class);
        workflows.define(new WorkflowDTO(TYPE, "draft", List.of("draft", "confirmed", "shipped", "cancelled"), List.of(
            new TransitionDTO("confirm", Set.of("draft"), "confirmed", "itest.order.approve"),
            new TransitionDTO("ship", Set.of("confirmed"), "shipped", null),
            new TransitionDTO("cancel", Set.of("draft", "confirmed"), "cancelled", null))));
        return workflows;
    }

    private ServiceRegistration<?> registerGuard(String transition, int ranking, WorkflowGuard guard) {
        return bundleContext.registerService(WorkflowGuard.class, guard, properties(transition, ranking));
    }

    private static Hashtable<String, Object> properties(String transition, int ranking) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(WorkflowGuard.DOCUMENT_TYPE, TYPE);
        properties.put(WorkflowGuard.TRANSITION, transition);
        properties.put(Constants.SERVICE_RANKING, ranking);
        return properties;
    }
}
