package io.kovan.kernel.impl.module;

/**
 * Registered once the kernel's own schema is current. Every kernel service that touches the
 * database references it, so none answers before its tables exist.
 */
public interface SchemaReady {
}
