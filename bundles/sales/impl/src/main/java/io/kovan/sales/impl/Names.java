package io.kovan.sales.impl;

/** Input text as kept. */
final class Names {

    private Names() {
    }

    /** Stripped, and null when blank. */
    static String trimmed(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
