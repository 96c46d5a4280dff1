package io.kovan.kernel.impl.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RolePermissionsTest {

    private final RolePermissions permissions = new RolePermissions(Map.of(
        "role.sales-rep", "crm.*.read, crm.leads.write, core.parties.*",
        "role.accountant", "finance.*.*",
        "service.pid", "io.kovan.core.roles"));

    @Test
    void adminMayDoEverything() {
        assertTrue(permissions.permits(List.of("admin"), "core.parties.write"));
        assertTrue(permissions.permits(List.of("admin"), "finance.invoices.approve"));
    }

    @Test
    void viewerReadsEverythingAndWritesNothing() {
        assertTrue(permissions.permits(List.of("viewer"), "core.parties.read"));
        assertTrue(permissions.permits(List.of("viewer"), "sample.notes.read"));
        assertFalse(permissions.permits(List.of("viewer"), "core.parties.write"));
        assertFalse(permissions.permits(List.of("viewer"), "finance.invoices.approve"));
    }

    @Test
    void configuredRolesGrantTheirPatternsOnly() {
        assertTrue(permissions.permits(List.of("sales-rep"), "crm.leads.write"));
        assertTrue(permissions.permits(List.of("sales-rep"), "crm.opportunities.read"));
        assertTrue(permissions.permits(List.of("sales-rep"), "core.parties.write"));
        assertFalse(permissions.permits(List.of("sales-rep"), "crm.opportunities.write"));
        assertFalse(permissions.permits(List.of("sales-rep"), "core.products.write"));
        assertTrue(permissions.permits(List.of("accountant"), "finance.journal-entries.approve"));
        assertFalse(permissions.permits(List.of("ssh", "unknown"), "core.parties.read"));
        assertTrue(permissions.permits(List.of("unknown", "viewer"), "core.parties.read"), "any one role suffices");
    }

    @Test
    void requestsMapToModuleResourceAndAction() {
        assertEquals("core.parties.read", RolePermissions.forRequest("core", "/parties/42", "GET"));
        assertEquals("core.parties.write", RolePermissions.forRequest("core", "parties", "POST"));
        assertEquals("core.currencies.write", RolePermissions.forRequest("core", "/currencies/rates", "POST"));
        assertEquals("sample.notes.write", RolePermissions.forRequest("sample", "notes/1", "DELETE"));
        assertEquals("core.root.read", RolePermissions.forRequest("core", "/", "GET"));
        assertEquals("core.webhooks.admin", RolePermissions.forRequest("core", "/webhooks/3/deliveries", "GET"), "webhooks can carry any data out");
        assertEquals("sales.webhooks.read", RolePermissions.forRequest("sales", "webhooks", "GET"), "only the kernel's webhooks are administration");
        assertEquals("core.users.admin", RolePermissions.forRequest("core", "/users", "GET"));
        assertFalse(permissions.permits(List.of("viewer"), RolePermissions.forRequest("core", "/roles", "GET")));
    }
}
