package vn.chuyenhoa.ruleset;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Verdicts, criterion outcomes and other words of the pages, for the messages a test case or a diff writes outside any
 * page: the words are the pages' own (messages.properties: verdict.*, outcome.*, criterionKind.*, fact.*, the relapse and
 * screening tables' codes: relapseKind.*, rankingKey.*, rankingDirection.*, screening.status.*), so an upload
 * report, a diff and the evaluation page say the same thing. A value that is no verdict or outcome (a typo in a test
 * cell) is quoted as it was typed.
 */
final class Outcomes {

    // no fallback to the JVM's locale: the base file is the Vietnamese one
    private static final ResourceBundle.Control EXACT = ResourceBundle.Control.getNoFallbackControl(
            ResourceBundle.Control.FORMAT_PROPERTIES);
    private static final ResourceBundle VI = ResourceBundle.getBundle("messages", Locale.ROOT, EXACT);
    private static final ResourceBundle EN = ResourceBundle.getBundle("messages", Locale.ENGLISH, EXACT);

    private Outcomes() {}

    /** {@code value} of a test-case column ({@code expect.verdict} or {@code expect.<criterion>}) in words. */
    static String words(String field, String value, boolean en) {
        if (value == null) return null;
        String kind = field.equals("expect.verdict") ? "verdict." : "outcome.";
        return message(kind + value.strip().toUpperCase(Locale.ROOT), value, en);
    }

    /** Any of the pages' words by its key, or {@code otherwise} when the messages have no such key. */
    static String message(String key, String otherwise, boolean en) {
        try {
            return (en ? EN : VI).getString(key);
        } catch (MissingResourceException e) {
            return otherwise;
        }
    }
}
