package io.kovan.kernel.impl.module;

/**
 * A Kovan module as the registry sees it: its bundle, REST base, and where its schema stands.
 * {@code schemaVersion} is the id of the last changeset applied; {@code schemaStatus} is
 * {@code CURRENT}, {@code FAILED: reason} or {@code PENDING}.
 */
public record ModuleInfo(String name, String bundle, String version, String state, String restBase,
    String schemaVersion, String schemaStatus) {
}
