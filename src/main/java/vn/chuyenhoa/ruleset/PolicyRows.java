package vn.chuyenhoa.ruleset;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The decision tables' global: each table row is a rule whose actions hand over that row's cells, keyed by the rule's
 * name. Firing the table rules once per build turns what Drools compiled into data, so there is no second spreadsheet
 * parser. Used by one thread, once.
 */
public final class PolicyRows {

    private final Map<String, Map<String, String>> rows = new LinkedHashMap<>();

    public void cell(String rule, String field, String value) {
        rows.computeIfAbsent(rule, r -> new HashMap<>()).put(field, value);
    }

    Map<String, Map<String, String>> rows() { return rows; }
}
