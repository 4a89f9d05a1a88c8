package vn.chuyenhoa.ruleset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Optional;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Reading a ruleset from disk and naming it: the version id is a hash of exactly the files that decide. */
public final class RuleFiles {

    private RuleFiles() {}

    /** Every regular file under the given folders of {@code root}, editor lock files left out, sorted as hashed. */
    public static List<RuleFile> read(Path root, List<String> folders) {
        List<RuleFile> files = new ArrayList<>();
        for (String folder : folders) {
            Path dir = root.resolve(folder);
            if (!Files.isDirectory(dir)) continue;
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.filter(Files::isRegularFile).toList()) {
                    if (isLockFile(p.getFileName().toString())) continue;
                    String rel = root.relativize(p).toString().replace('\\', '/');
                    files.add(new RuleFile(rel, Files.readAllBytes(p)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read rule files under " + dir, e);
            }
        }
        return sorted(files);
    }

    /** Where the build puts a copy of rules/ and decision-tables/ in the jar (pom.xml, resources). */
    static final String BUNDLED = "bundled/";

    /**
     * The rule files the jar was built with, under the given folders, as {@link #read} would read them from the
     * project: the version a service starts from when no rules folder is configured and the database holds none.
     */
    public static List<RuleFile> bundled(List<String> folders) {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(RuleFiles.class.getClassLoader());
        List<RuleFile> files = new ArrayList<>();
        try {
            for (String folder : folders) {
                for (Resource r : resolver.getResources("classpath*:" + BUNDLED + folder + "/**")) {
                    String url = r.getURL().toString();
                    if (url.endsWith("/") || !r.isReadable()) continue;
                    String rel = URLDecoder.decode(url.substring(url.lastIndexOf("/" + BUNDLED) + BUNDLED.length() + 1)
                            .replace("+", "%2B"), StandardCharsets.UTF_8);
                    if (isLockFile(rel.substring(rel.lastIndexOf('/') + 1))) continue;
                    try (var in = r.getInputStream()) {
                        files.add(new RuleFile(rel, in.readAllBytes()));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the rule files bundled in the jar", e);
        }
        return sorted(files);
    }

    /** LibreOffice ({@code .~lock.x#}) and Excel ({@code ~$x}) leave these beside an open file; they are not rules. */
    public static boolean isLockFile(String name) {
        return (name.startsWith(".~lock.") && name.endsWith("#")) || name.startsWith("~$");
    }

    /** Sorted by path in UTF-8 byte order, the order the version id is computed in. */
    public static List<RuleFile> sorted(List<RuleFile> files) {
        List<RuleFile> copy = new ArrayList<>(files);
        copy.sort((a, b) -> Arrays.compareUnsigned(utf8(a.path()), utf8(b.path())));
        return List.copyOf(copy);
    }

    /**
     * SHA-256 over the files sorted by path (UTF-8 byte order), each contributing its path, a 0x00 byte, its length as
     * 8 bytes big-endian and its bytes; lowercase hex.
     */
    public static String versionId(List<RuleFile> files) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        for (RuleFile f : sorted(files)) {
            sha.update(utf8(f.path()));
            sha.update((byte) 0);
            sha.update(ByteBuffer.allocate(8).putLong(f.content().length).array());
            sha.update(f.content());
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Where an uploaded file goes: a path given with its folder is kept; a bare name replaces the file of that name in
     * the version in force, or goes to rules/ (.drl) or decision-tables/ (anything else, which validation judges).
     */
    static String pathFor(String name, List<RuleFile> base) {
        if (name == null || name.isBlank() || name.contains("..")) return null;
        String n = name.replace('\\', '/').strip();
        if (n.startsWith("/")) n = n.substring(1);
        if (n.contains("/")) return n;
        final String bare = n;
        Optional<String> existing = base.stream().map(RuleFile::path)
                .filter(p -> p.substring(p.lastIndexOf('/') + 1).equals(bare)).findFirst();
        if (existing.isPresent()) return existing.get();
        return bare.endsWith(".drl") ? "rules/" + bare : "decision-tables/" + bare;
    }
}
