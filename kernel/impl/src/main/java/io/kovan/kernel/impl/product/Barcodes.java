package io.kovan.kernel.impl.product;

/** GS1 barcodes (EAN-8, UPC-A, EAN-13, GTIN-14): digits whose last one is the mod-10 check digit. */
final class Barcodes {

    private Barcodes() {
    }

    static boolean isValid(String code) {
        if (code == null || !code.matches("\\d{8}|\\d{12,14}")) {
            return false;
        }
        int sum = 0;
        int n = code.length();
        for (int i = n - 2; i >= 0; i--) {
            int digit = code.charAt(i) - '0';
            sum += ((n - 2 - i) % 2 == 0) ? digit * 3 : digit;
        }
        return (10 - sum % 10) % 10 == code.charAt(n - 1) - '0';
    }
}
