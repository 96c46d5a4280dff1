package io.kovan.kernel.api.validation;

/**
 * Turkish tax identifiers: the VKN (vergi kimlik numarası, 10 digits, organisations) and the
 * TCKN (T.C. kimlik numarası, 11 digits, persons), each with its check digits.
 *
 * @since 1.0
 */
public final class TaxNumbers {

    private TaxNumbers() {
    }

    /** True if {@code vkn} is 10 digits whose last digit is the VKN check digit of the first nine. */
    public static boolean isValidVkn(String vkn) {
        if (vkn == null || !vkn.matches("\\d{10}")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            int digit = vkn.charAt(i) - '0';
            int p = (digit + 9 - i) % 10;
            if (p != 0) {
                int q = (p * (1 << (9 - i))) % 9;
                sum += q == 0 ? 9 : q;
            }
        }
        int check = (10 - sum % 10) % 10;
        return check == vkn.charAt(9) - '0';
    }

    /**
     * True if {@code tckn} is 11 digits, not starting with 0, whose 10th digit is
     * ((sum of odd positions) * 7 - (sum of even positions)) mod 10 and whose 11th digit is
     * the sum of the first ten mod 10.
     */
    public static boolean isValidTckn(String tckn) {
        if (tckn == null || !tckn.matches("[1-9]\\d{10}")) {
            return false;
        }
        int[] d = tckn.chars().map(c -> c - '0').toArray();
        int odd = d[0] + d[2] + d[4] + d[6] + d[8];
        int even = d[1] + d[3] + d[5] + d[7];
        int tenth = Math.floorMod(odd * 7 - even, 10);
        int eleventh = (odd + even + d[9]) % 10;
        return d[9] == tenth && d[10] == eleventh;
    }
}
