package io.kovan.itests.partner;

import java.util.Hashtable;
import java.util.Optional;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;

import io.kovan.kernel.api.workflow.TransitionContext;
import io.kovan.kernel.api.workflow.WorkflowGuard;

/**
 * Two partners' guards on the test workflow, each packed by WorkflowIT into a bundle of its own.
 * Both refuse a comment that names them; the reason says who refused.
 */
public final class PartnerGuards {

    private PartnerGuards() {
    }

    abstract static class Partner implements BundleActivator, WorkflowGuard {
        private final String name;
        private final int ranking;

        Partner(String name, int ranking) {
            this.name = name;
            this.ranking = ranking;
        }

        @Override
        public void start(BundleContext context) {
            Hashtable<String, Object> properties = new Hashtable<>();
            properties.put(WorkflowGuard.DOCUMENT_TYPE, "itest.order");
            properties.put(WorkflowGuard.TRANSITION, "cancel");
            properties.put(Constants.SERVICE_RANKING, ranking);
            context.registerService(WorkflowGuard.class, this, properties);
        }

        @Override
        public void stop(BundleContext context) {
            // the framework unregisters the guard with the bundle
        }

        @Override
        public Optional<String> check(TransitionContext transition) {
            String comment = transition.comment() == null ? "" : transition.comment();
            return comment.contains(name) ? Optional.of("refused by partner " + name) : Optional.empty();
        }
    }

    /** Ranking 20: asked first. */
    public static final class PartnerA extends Partner {
        public PartnerA() {
            super("A", 20);
        }
    }

    /** Ranking 10: asked after A. */
    public static final class PartnerB extends Partner {
        public PartnerB() {
            super("B", 10);
        }
    }
}
