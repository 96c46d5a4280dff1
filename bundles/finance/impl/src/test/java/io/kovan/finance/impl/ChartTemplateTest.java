package io.kovan.finance.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The chart templates as the first start reads them: every account under the group its code begins, of the group's type, rules on postable accounts. */
class ChartTemplateTest {

    @ParameterizedTest
    @ValueSource(strings = {"TR", "GENERIC"})
    void everyAccountSitsUnderItsGroupAndEveryRuleNamesAPostableAccount(String template) throws IOException {
        Map<String, String[]> accounts = new LinkedHashMap<>();
        Map<String, String> rules = new LinkedHashMap<>();
        try (InputStream in = ChartTemplateTest.class.getResourceAsStream("/chart/" + template + ".txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\\|");
                if (line.startsWith(AccountServiceImpl.PURPOSE_PREFIX)) {
                    rules.put(f[0].substring(1), f[1]);
                } else {
                    accounts.put(f[0], f);
                }
            }
        }
        List<String> misplaced = new ArrayList<>();
        for (String code : accounts.keySet()) {
            if (code.length() == 1) {
                continue;
            }
            // The parent is the longest code that begins this one: one digit shorter, else the class.
            String parent = accounts.containsKey(code.substring(0, code.length() - 1)) ? code.substring(0, code.length() - 1)
                : accounts.containsKey(code.substring(0, 2)) ? code.substring(0, 2) : code.substring(0, 1);
            boolean groupOfItsOwn = code.length() > 2 && parent.length() == 1;
            if (groupOfItsOwn || !accounts.get(parent)[2].equals(accounts.get(code)[2]) && parent.length() > 1) {
                misplaced.add(code + " under " + parent);
            }
        }
        assertEquals(List.of(), misplaced, template + ": accounts not under a group of their type");
        assertEquals(17, rules.size(), template + ": a DEFAULT rule for every purpose");
        for (Map.Entry<String, String> rule : rules.entrySet()) {
            String code = rule.getValue();
            assertTrue(accounts.containsKey(code), template + " " + rule);
            assertTrue(accounts.keySet().stream().noneMatch(c -> c.length() > code.length() && c.startsWith(code)), template + " " + rule
                + " names a heading");
        }
    }
}
