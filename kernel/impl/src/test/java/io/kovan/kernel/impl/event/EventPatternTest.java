package io.kovan.kernel.impl.event;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EventPatternTest {

    @Test
    void exactNamesAndEverything() {
        assertTrue(EventPublisherImpl.matches("core.party.created", "core.party.created"));
        assertFalse(EventPublisherImpl.matches("core.party.created", "core.party.updated"));
        assertTrue(EventPublisherImpl.matches("*", "sales.order.confirmed"));
    }

    @Test
    void aPrefixMatchesWholeSegmentsOnly() {
        assertTrue(EventPublisherImpl.matches("sales.*", "sales.order.confirmed"));
        assertTrue(EventPublisherImpl.matches("sales.order.*", "sales.order.confirmed"));
        assertFalse(EventPublisherImpl.matches("sales.*", "salesforce.order.confirmed"));
        assertFalse(EventPublisherImpl.matches("sales.order.*", "sales.orders.confirmed"));
    }

    @Test
    void aSuffixMatchesWholeSegmentsOnly() {
        assertTrue(EventPublisherImpl.matches("*.created", "core.party.created"));
        assertTrue(EventPublisherImpl.matches("*.created", "crm.lead.created"));
        assertFalse(EventPublisherImpl.matches("*.created", "core.party.recreated"));
        assertFalse(EventPublisherImpl.matches("*.created", "core.party.updated"));
    }
}
