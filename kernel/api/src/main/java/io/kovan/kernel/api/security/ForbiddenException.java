package io.kovan.kernel.api.security;

import io.kovan.kernel.api.KovanException;

/**
 * The caller is known but lacks a permission. Answered as 403.
 *
 * @since 1.0
 */
public class ForbiddenException extends KovanException {

    private static final long serialVersionUID = 1L;

    public ForbiddenException(String user, String permission) {
        super("User " + user + " lacks the permission " + permission);
    }

    @Override
    public int status() {
        return 403;
    }

    @Override
    public String title() {
        return "Forbidden";
    }
}
