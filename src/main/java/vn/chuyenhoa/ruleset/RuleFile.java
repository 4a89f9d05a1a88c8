package vn.chuyenhoa.ruleset;

/** One rule file: its path relative to the ruleset root, with forward slashes, and its exact bytes. */
public record RuleFile(String path, byte[] content) {}
