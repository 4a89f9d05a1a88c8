package vn.chuyenhoa.ruleset;

import java.util.Arrays;
import java.util.Objects;

/** One rule file of a stored rule set version, as the bytes that were loaded. */
public record StoredFile(String path, byte[] content) {

    // A record compares arrays by identity; two stored files are the same when their bytes are.
    @Override
    public boolean equals(Object o) {
        return o instanceof StoredFile f && Objects.equals(path, f.path) && Arrays.equals(content, f.content);
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hashCode(path) + Arrays.hashCode(content);
    }

    @Override
    public String toString() {
        return "StoredFile[path=" + path + ", " + (content == null ? "no content" : content.length + " bytes") + "]";
    }
}
