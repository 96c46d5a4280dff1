package io.kovan.crm.impl;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Small string maps kept in one column as {@code key=value&key=value}, URL-encoded. */
final class QueryStrings {

    private QueryStrings() {
    }

    static String encode(Map<String, String> values) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        return new TreeMap<>(values).entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
            + URLEncoder.encode(e.getValue() == null ? "" : e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    static Map<String, String> decode(String encoded) {
        Map<String, String> values = new TreeMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return values;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }
}
