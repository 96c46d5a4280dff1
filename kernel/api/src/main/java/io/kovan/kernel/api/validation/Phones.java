package io.kovan.kernel.api.validation;

/**
 * Phone numbers compared as the line they reach: "+90 (212) 555 01 02", "0212 555 0102" and
 * "212-555-0102" are one number.
 *
 * @since 1.0
 */
public final class Phones {

    private Phones() {
    }

    /** The last ten digits (fewer when there are fewer), or null when there are under seven digits. */
    public static String key(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("\\D", "");
        if (digits.length() < 7) {
            return null;
        }
        return digits.length() > 10 ? digits.substring(digits.length() - 10) : digits;
    }
}
