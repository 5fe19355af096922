package dev.watchpost.docs;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the tables of the docs the tests compare with the code; a table row is one match of a pattern. */
final class DocTables {
    private DocTables() {}

    /**
     * For each match of {@code row} in {@code text}: its group 1, and the group 1 of every match of {@code item} in
     * its group 2, sorted; in the order of the rows.
     */
    static Map<String, Set<String>> itemsByRow(String text, Pattern row, Pattern item) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        Matcher rows = row.matcher(text);
        while (rows.find()) {
            Set<String> found = new TreeSet<>();
            Matcher items = item.matcher(rows.group(2));
            while (items.find()) {
                found.add(items.group(1));
            }
            out.put(rows.group(1), found);
        }
        return out;
    }
}
