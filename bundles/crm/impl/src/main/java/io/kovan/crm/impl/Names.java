package io.kovan.crm.impl;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/** Normalised forms of names and e-mail addresses, for finding duplicates (phones: the kernel's {@code Phones}). */
final class Names {

    /** Legal-form words that say nothing about who a company is. */
    private static final Set<String> LEGAL_FORMS = Set.of("AS", "A", "S", "LTD", "STI", "SIRKETI", "TIC", "SAN", "VE", "INC", "LLC",
        "GMBH", "CO", "CORP", "LIMITED", "HOLDING", "AG", "SA", "PLC");

    private Names() {
    }

    /** Upper case, Turkish letters folded to ASCII, punctuation and legal forms dropped: "Acme Makina A.Ş." → "ACME MAKINA". */
    static String nameKey(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String folded = name.replace('ı', 'i').replace('İ', 'I');
        folded = Normalizer.normalize(folded, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toUpperCase(Locale.ROOT);
        folded = folded.replaceAll("[^A-Z0-9 ]", " ");
        StringBuilder key = new StringBuilder();
        for (String word : folded.split("\\s+")) {
            if (!word.isEmpty() && !LEGAL_FORMS.contains(word)) {
                key.append(key.length() == 0 ? "" : " ").append(word);
            }
        }
        // Upper-casing can lengthen a name ("ß" → "SS"): the key keeps to its column.
        return key.length() == 0 ? null : key.length() > 200 ? key.substring(0, 200) : key.toString();
    }

    /** Input text as kept: stripped, and null when blank. */
    static String trimmed(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static String emailKey(String email) {
        if (email == null || email.isBlank()) {
            return null;
        }
        String key = email.strip().toLowerCase(Locale.ROOT);
        return key.length() > 200 ? key.substring(0, 200) : key;
    }
}
