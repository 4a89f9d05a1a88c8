package vn.chuyenhoa.area;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The commune-level units of both code schemes, looked up by {@code (scheme, code)} because the
 * 2025 reform reused codes (domain spec §8). Immutable once built, so one instance can be shared
 * by every request thread.
 */
public final class AreaDirectory {

    static final String RESOURCE_2024 = "/area/admin-units-2024.csv";
    static final String RESOURCE_2025 = "/area/admin-units-2025.csv";
    static final String RESOURCE_MAPPING = "/area/admin-units-2024-to-2025.csv";
    static final String RESOURCE_CORRECTIONS = "/area/admin-units-2024-to-2025-corrections.csv";

    private final Map<CodeScheme, Map<String, AdminUnit>> units;
    // every evaluation and batch item names its province (provinceLabel): looked up, not searched among 10,047 units
    private final Map<CodeScheme, Map<String, String>> provinceNames = new EnumMap<>(CodeScheme.class);
    private final Reform reform;

    private AreaDirectory(Map<CodeScheme, Map<String, AdminUnit>> units, List<UnitMapping.Row> mapping) {
        this.units = units;
        // the name of a province's first commune by code, as communesOf lists them
        units.forEach((scheme, byCode) -> provinceNames.put(scheme, byCode.values().stream()
                .sorted(java.util.Comparator.comparing(AdminUnit::code))
                .collect(java.util.stream.Collectors.toUnmodifiableMap(AdminUnit::provinceCode, AdminUnit::provinceName,
                        (first, later) -> first))));
        // the mapping's rows become links between the units of this directory, so both lists are read first
        this.reform = new Reform(mapping, this);
    }

    /**
     * The lists shipped in this jar ({@code area/admin-units-2024.csv}, {@code area/admin-units-2025.csv}) and the
     * mapping between them with its corrections.
     */
    public static AreaDirectory loadBundled() {
        try (InputStream csv2024 = open(RESOURCE_2024);
             InputStream csv2025 = open(RESOURCE_2025);
             InputStream mapping = open(RESOURCE_MAPPING);
             InputStream corrections = open(RESOURCE_CORRECTIONS)) {
            return new AreaDirectory(units(csv2024, csv2025),
                    UnitMapping.read(mapping, UnitMapping.corrections(corrections)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close bundled admin-unit lists", e);
        }
    }

    /** The 2024→2025 mapping between the two lists (empty for a directory loaded without one). */
    public Reform reform() {
        return reform;
    }

    /**
     * Reads both lists (UTF-8) without closing the streams.
     *
     * @throws IllegalArgumentException if a list is malformed or repeats a code
     * @throws UncheckedIOException if a stream cannot be read or is not valid UTF-8
     */
    public static AreaDirectory load(InputStream csv2024, InputStream csv2025) {
        Objects.requireNonNull(csv2024, "csv2024");
        Objects.requireNonNull(csv2025, "csv2025");
        return new AreaDirectory(units(csv2024, csv2025), List.of());
    }

    private static Map<CodeScheme, Map<String, AdminUnit>> units(InputStream csv2024, InputStream csv2025) {
        Map<CodeScheme, Map<String, AdminUnit>> units = new EnumMap<>(CodeScheme.class);
        units.put(CodeScheme.QD124_2004, Map.copyOf(AdminUnitCsv.read(csv2024, CodeScheme.QD124_2004)));
        units.put(CodeScheme.QD19_2025, Map.copyOf(AdminUnitCsv.read(csv2025, CodeScheme.QD19_2025)));
        return Collections.unmodifiableMap(units);
    }

    private static InputStream open(String resource) {
        InputStream in = AreaDirectory.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("bundled admin-unit list missing from the classpath: " + resource);
        }
        return in;
    }

    /**
     * The unit with exactly this 5-digit code in this scheme. No padding or trimming: "7795"
     * is not 07795, and guessing would hide caller bugs.
     */
    public Optional<AdminUnit> find(CodeScheme scheme, String code) {
        if (scheme == null || code == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(units.get(scheme).get(code));
    }

    /**
     * Whether {@code givenName} names {@code unit} in the sense of domain spec §8. A null or
     * blank name never matches: whether the name may be omitted is the caller's decision.
     */
    public boolean nameMatches(AdminUnit unit, String givenName) {
        Objects.requireNonNull(unit, "unit");
        if (givenName == null) {
            return false;
        }
        String given = canonicalName(givenName);
        return !given.isEmpty() && given.equals(canonicalName(unit.name()));
    }

    /** The communes of a province in a scheme, in code order; empty when the scheme has no such province. */
    public java.util.List<AdminUnit> communesOf(CodeScheme scheme, String provinceCode) {
        Objects.requireNonNull(scheme, "scheme");
        return units.get(scheme).values().stream().filter(u -> u.provinceCode().equals(provinceCode))
                .sorted(java.util.Comparator.comparing(AdminUnit::code)).toList();
    }

    /**
     * A province as every sentence names it: its name beside its code ("Tỉnh Bắc Giang (24)"), in either language since
     * the name is the official one; "SCHEME:CODE" when the lists have no such province, so it is still identified.
     */
    public String provinceLabel(String codeScheme, String provinceCode) {
        return CodeScheme.parse(codeScheme).flatMap(s -> provinceName(s, provinceCode))
                .map(name -> name + " (" + provinceCode + ")").orElse(codeScheme + ":" + provinceCode);
    }

    /** A province's official name ("Tỉnh Bắc Giang"); empty when the scheme's list has no such province. */
    public Optional<String> provinceName(CodeScheme scheme, String provinceCode) {
        return Optional.ofNullable(provinceNames.get(scheme).get(provinceCode));
    }

    int communeCount(CodeScheme scheme) {
        Objects.requireNonNull(scheme, "scheme");
        return units.get(scheme).size();
    }

    /**
     * The form two names are compared in: NFC, locale-independent lower case, blanks trimmed and
     * collapsed, and each word's tone mark moved to the end of the word. The last step is what
     * makes the old placement ("Hoà", "Thuỷ") equal the new one ("Hòa", "Thủy"): both then
     * carry the same mark after the same letters. Only the five tone marks move; circumflex,
     * breve, horn and đ stay where they are, so they still distinguish names. The result is a
     * comparison key, not text to display.
     */
    static String canonicalName(String name) {
        Objects.requireNonNull(name, "name");
        // Lower-case the composed form so Locale.ROOT rules apply to whole letters (Đ → đ, Ấ → ấ),
        // then decompose so tone marks become separate code points we can move.
        String folded = Normalizer.normalize(name, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        String decomposed = Normalizer.normalize(folded, Normalizer.Form.NFD);

        StringBuilder out = new StringBuilder(decomposed.length());
        StringBuilder tones = new StringBuilder(2);
        boolean pendingBlank = false;
        for (int i = 0; i < decomposed.length(); ) {
            int cp = decomposed.codePointAt(i);
            i += Character.charCount(cp);
            if (isBlank(cp)) {
                flushTones(out, tones);
                pendingBlank = out.length() > 0;
            } else if (isToneMark(cp)) {
                tones.appendCodePoint(cp);
            } else {
                if (!isWordPart(cp)) {
                    // Punctuation ends a word, so a tone never migrates across an apostrophe or hyphen.
                    flushTones(out, tones);
                }
                if (pendingBlank) {
                    out.append(' ');
                    pendingBlank = false;
                }
                out.appendCodePoint(cp);
            }
        }
        flushTones(out, tones);
        return Normalizer.normalize(out, Normalizer.Form.NFC);
    }

    private static void flushTones(StringBuilder out, StringBuilder tones) {
        out.append(tones);
        tones.setLength(0);
    }

    private static boolean isToneMark(int cp) {
        return cp == 0x0300    // huyền (grave)
                || cp == 0x0301 // sắc (acute)
                || cp == 0x0303 // ngã (tilde)
                || cp == 0x0309 // hỏi (hook above)
                || cp == 0x0323; // nặng (dot below)
    }

    private static boolean isWordPart(int cp) {
        if (Character.isLetterOrDigit(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    /** Any Unicode blank, not just ASCII: names pasted from documents often carry U+00A0. */
    static boolean isBlank(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp);
    }

    /** Trims Unicode blanks at both ends (String.strip() misses U+00A0). */
    static String trimBlanks(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isBlank(s.codePointAt(start))) {
            start += Character.charCount(s.codePointAt(start));
        }
        while (end > start && isBlank(s.codePointBefore(end))) {
            end -= Character.charCount(s.codePointBefore(end));
        }
        return s.substring(start, end);
    }
}
