package vn.chuyenhoa.access;

import java.util.Optional;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is making the request: an account signed in with the form, or the account a bearer token was issued to.
 *
 * @param national   may act anywhere; otherwise only in {@code provinces}
 * @param provinces  "SCHEME:PROVINCE" codes, e.g. {@code QD124_2004:24}
 * @param tokenId    the token used, or null for a signed-in person
 * @param provinceNames each of {@code provinces} as people read it ("Tỉnh Điện Biên (11)"), for the sentences that
 *                   say where the caller may act; a province missing from it is said by its code
 */
public record Caller(String username, String displayName, Set<Role> roles, boolean national, Set<String> provinces,
                     String tokenId, java.util.Map<String, String> provinceNames) implements java.io.Serializable {

    public Caller {
        roles = Set.copyOf(roles);
        provinces = Set.copyOf(provinces);
        provinceNames = java.util.Map.copyOf(provinceNames);
    }

    /** The caller of the request this thread serves, if it authenticated. */
    public static Optional<Caller> current() {
        return of(SecurityContextHolder.getContext().getAuthentication());
    }

    public static Optional<Caller> of(Authentication a) {
        if (a == null) return Optional.empty();
        if (a.getPrincipal() instanceof Caller c) return Optional.of(c);
        if (a.getPrincipal() instanceof Accounts.Login l) return Optional.of(l.caller());
        return Optional.empty();
    }

    /** The name recorded as having done what this request does; the filter chain guarantees there is one. */
    public static String name() {
        return required().username();
    }

    /** The caller of a request the filter chain let through only authenticated. */
    public static Caller required() {
        return current().orElseThrow(() -> new IllegalStateException("no authenticated caller on this request"));
    }

    /** Holds a role that reads the programme's data (every role but ADMIN does). */
    public boolean reads() {
        return roles.stream().anyMatch(r -> r != Role.ADMIN);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** May act on a province given by code scheme and province code. */
    public boolean covers(String codeScheme, String provinceCode) {
        return national || (codeScheme != null && provinceCode != null && provinces.contains(codeScheme + ":" + provinceCode));
    }

    /** Why this caller may not act in a province (named, e.g. "Tỉnh Thanh Hóa (QD124_2004:38)"); nothing was stored. */
    public String outsideVi(String province) {
        return "Tài khoản " + username + " chỉ được thao tác trong phạm vi " + scopeVi() + ", không phải " + province
                + "; không có gì được lưu.";
    }

    public String outsideEn(String province) {
        return "The account " + username + " may act only in " + scopeEn() + ", not in " + province + "; nothing was stored.";
    }

    String scopeVi() {
        return national ? "toàn quốc" : String.join(", ", provinces.stream().map(p -> provinceNames.getOrDefault(p, p)).sorted().toList());
    }

    String scopeEn() {
        return national ? "national" : String.join(", ", provinces.stream().map(p -> provinceNames.getOrDefault(p, p)).sorted().toList());
    }
}
