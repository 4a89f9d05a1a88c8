package vn.chuyenhoa.access;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

import vn.chuyenhoa.area.AreaDirectory;
import vn.chuyenhoa.area.CodeScheme;
import vn.chuyenhoa.audit.AuditChain;
import vn.chuyenhoa.audit.Canonical;

import vn.chuyenhoa.instances.SharedChanges;
import vn.chuyenhoa.http.Shown;

/**
 * Accounts and their tokens. A token is 32 random bytes shown once when issued and kept only as its SHA-256 hash;
 * the hashes of live tokens are held in memory, so checking a bearer token is one hash and one map lookup, not a
 * password hash or a database query per request.
 *
 * <p>Every change (an account created or changed, a password set, a token issued or revoked) is one write linked
 * into the audit chain: the account or token row as it is after the change, and the {@code account_event} row that
 * says who changed what. A role or province granted in the database behind the application's back breaks the chain.
 * When another instance writes an {@code account_event}, {@link SharedChanges} has this one reload, so a revoked
 * token or a disabled account stops working on every instance within the poll interval.
 */
@Component
public class Accounts implements UserDetailsService {

    public record Account(String username, String displayName, boolean hasPassword, Set<Role> roles, boolean national,
                          Set<String> provinces, boolean enabled, boolean demo, Instant createdAt, String createdBy) {

        Caller caller(String tokenId, Function<String, String> provinceName) {
            Map<String, String> names = new java.util.HashMap<>();
            provinces.forEach(p -> names.put(p, provinceName.apply(p)));
            return new Caller(username, displayName, roles, national, provinces, tokenId, names);
        }
    }

    public record Token(UUID id, String username, String label, boolean demo, Instant createdAt, String createdBy,
                        Instant revokedAt, String revokedBy) {
        public boolean live() {
            return revokedAt == null;
        }
    }

    /** A token just issued: the only moment its secret exists outside the caller's hands. */
    public record Issued(Token token, String secret) {}

    public record Event(long seq, Instant at, String actor, String action, String username, String details) {}

    /** The principal of a form login: the caller, and the password hash until Spring erases it after the check. */
    // Serializable: a signed-in session is stored in the database (Spring Session JDBC), for every instance to read
    public static final class Login implements UserDetails, CredentialsContainer {
        private static final long serialVersionUID = 1L;
        private final Caller caller;
        private final boolean enabled;
        private final boolean locked;
        private String passwordHash;

        Login(Caller caller, String passwordHash, boolean enabled) {
            this(caller, passwordHash, enabled, false);
        }

        private Login(Caller caller, String passwordHash, boolean enabled, boolean locked) {
            this.caller = caller;
            this.passwordHash = passwordHash;
            this.enabled = enabled;
            this.locked = locked;
        }

        /** The same sign-in, refused as locked (too many wrong passwords). */
        Login locked() { return new Login(caller, passwordHash, enabled, true); }
        @Override public boolean isAccountNonLocked() { return !locked; }

        public Caller caller() { return caller; }
        @Override public Collection<? extends GrantedAuthority> getAuthorities() { return authorities(caller.roles()); }
        @Override public String getPassword() { return passwordHash; }
        @Override public String getUsername() { return caller.username(); }
        @Override public boolean isEnabled() { return enabled; }
        @Override public void eraseCredentials() { passwordHash = null; }
        @Override public String toString() { return caller.username(); }
    }

    /** A request an administrator may not make: the field it concerns and why, in both languages. */
    public static class Refused extends IllegalArgumentException {
        public final String field, messageVi;

        public Refused(String field, String messageEn, String messageVi) {
            super(messageEn);
            this.field = field;
            this.messageVi = messageVi;
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String COLUMNS = "username, display_name, password_hash, roles, national, provinces, enabled,"
            + " demo, created_at, created_by";

    private final JdbcTemplate jdbc;
    private final AuditChain chain;
    private final PasswordEncoder passwords;
    /** "QD124_2004:11" → "Tỉnh Điện Biên (11)": how a caller's refusals name its provinces. */
    private final Function<String, String> provinceName;
    // the demo list's accounts share one published password: hashed once per start, not once per account (bcrypt is
    // slow by design, ~80 ms a hash, and a first start seeds nine of them)
    private final Map<String, String> demoHashes = new ConcurrentHashMap<>();
    private volatile Map<String, Caller> liveTokens = Map.of();
    /** Enabled accounts as callers, so a session sees an administrator's change on its next request. */
    private volatile Map<String, Caller> liveAccounts = Map.of();

    @Autowired
    Accounts(JdbcTemplate jdbc, AuditChain chain, PasswordEncoder passwords, SharedChanges changes, AreaDirectory areas) {
        this(jdbc, chain, passwords, provinceNames(areas));
        changes.follow("accounts and tokens", () -> jdbc.queryForObject(
                "SELECT COALESCE(MAX(seq), 0) FROM account_event", Long.class), this::reloadTokens);
    }

    /** Alone on its database (the benchmark), provinces said by their codes. */
    Accounts(JdbcTemplate jdbc, AuditChain chain, PasswordEncoder passwords) {
        this(jdbc, chain, passwords, Function.identity());
    }

    private Accounts(JdbcTemplate jdbc, AuditChain chain, PasswordEncoder passwords, Function<String, String> provinceName) {
        this.provinceName = provinceName;
        this.jdbc = jdbc;
        this.chain = chain;
        this.passwords = passwords;
        reloadTokens();
    }

    /** A "SCHEME:CODE" scope by its province's name and code, as the lists write it; the scope itself if unknown. */
    private static Function<String, String> provinceNames(AreaDirectory areas) {
        return scope -> {
            int colon = scope.indexOf(':');
            return colon < 0 ? scope : areas.provinceLabel(scope.substring(0, colon), scope.substring(colon + 1));
        };
    }

    static List<GrantedAuthority> authorities(Set<Role> roles) {
        return roles.stream().sorted().<GrantedAuthority>map(r -> new SimpleGrantedAuthority(r.authority())).toList();
    }

    // ---- form login ------------------------------------------------------------------------------------------------

    @Override
    public UserDetails loadUserByUsername(String username) {
        List<Object[]> rows = jdbc.query("SELECT " + COLUMNS + " FROM account WHERE username = ?",
                (rs, i) -> new Object[]{account(rs), rs.getString("password_hash")}, username);
        if (rows.isEmpty() || rows.get(0)[1] == null) throw new UsernameNotFoundException(username);
        Account a = (Account) rows.get(0)[0];
        return new Login(a.caller(null, provinceName), (String) rows.get(0)[1], a.enabled());
    }

    // ---- bearer tokens ---------------------------------------------------------------------------------------------

    /** The caller a presented token stands for, if it is live and its account enabled. */
    Optional<Caller> byToken(String secret) {
        return Optional.ofNullable(liveTokens.get(sha256(secret)));
    }

    public Issued issueToken(String username, String label, String by) {
        Account a = find(username).orElseThrow(() -> new Refused("username",
                "There is no account " + username + ".", "Không có tài khoản " + username + "."));
        if (!a.enabled()) throw new Refused("username", "The account " + username + " is disabled.",
                "Tài khoản " + username + " đã bị khóa.");
        if (label == null || label.isBlank() || label.strip().length() > 200) throw new Refused("label",
                "A label of 1 to 200 characters saying which system holds the token is required.",
                "Cần ghi nhãn (1–200 ký tự) cho biết hệ thống nào giữ mã truy cập.");
        label = label.strip();
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String secret = "ch_" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        return new Issued(insertToken(username, label, secret, false, by), secret);
    }

    /** A token whose secret is fixed and published (the demo list); marked so that production refuses to start. */
    Token insertDemoToken(String username, String label, String secret) {
        return insertToken(username, label, secret, true, "seed");
    }

    private Token insertToken(String username, String label, String secret, boolean demo, String by) {
        Token t = new Token(UUID.randomUUID(), username, label, demo, Instant.now(), by, null, null);
        chain.record(AuditChain.Kind.ACCOUNT, links -> {
            jdbc.update("INSERT INTO api_token (id, token_hash, username, label, demo, created_at, created_by)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?)", t.id(), sha256(secret), username, label, demo, utc(t.createdAt()), by);
            links.add(Canonical.API_TOKEN.stored(jdbc, t.id()));
            event(links, by, "TOKEN_ISSUED", username, "token " + t.id() + " (" + label + ")");
            return null;
        });
        reloadTokens();
        return t;
    }

    public Token revokeToken(UUID id, String by) {
        Token t = token(id).orElseThrow(() -> new NoSuchElementException("There is no token " + id + "."));
        if (t.live()) {
            chain.record(AuditChain.Kind.ACCOUNT, links -> {
                jdbc.update("UPDATE api_token SET revoked_at = ?, revoked_by = ? WHERE id = ? AND revoked_at IS NULL",
                        utc(Instant.now()), by, id);
                links.add(Canonical.API_TOKEN.stored(jdbc, id));
                event(links, by, "TOKEN_REVOKED", t.username(), "token " + id + " (" + t.label() + ")");
                return null;
            });
            reloadTokens();
        }
        return token(id).orElseThrow();
    }

    public Optional<Token> token(UUID id) {
        return jdbc.query("SELECT * FROM api_token WHERE id = ?", (rs, i) -> token(rs), id).stream().findFirst();
    }

    public List<Token> tokens(String username) {
        return username == null
                ? jdbc.query("SELECT * FROM api_token ORDER BY created_at DESC", (rs, i) -> token(rs))
                : jdbc.query("SELECT * FROM api_token WHERE username = ? ORDER BY created_at DESC", (rs, i) -> token(rs), username);
    }

    /** The account as it is now, if it is enabled: what a signed-in session must act as. */
    public Optional<Caller> live(String username) {
        return Optional.ofNullable(liveAccounts.get(username));
    }

    private synchronized void reloadTokens() {
        Map<String, Account> accounts = list().stream().collect(Collectors.toMap(Account::username, Function.identity()));
        liveAccounts = accounts.values().stream().filter(Account::enabled)
                .collect(Collectors.toUnmodifiableMap(Account::username, a -> a.caller(null, provinceName)));
        liveTokens = jdbc.query("SELECT id, token_hash, username FROM api_token WHERE revoked_at IS NULL",
                        (rs, i) -> Map.entry(rs.getString("token_hash"), accounts.get(rs.getString("username"))
                                .caller(rs.getString("id"), provinceName)))
                .stream().filter(e -> accounts.get(e.getValue().username()).enabled())
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    // ---- accounts --------------------------------------------------------------------------------------------------

    public List<Account> list() {
        return jdbc.query("SELECT " + COLUMNS + " FROM account ORDER BY username", (rs, i) -> account(rs));
    }

    public Optional<Account> find(String username) {
        return jdbc.query("SELECT " + COLUMNS + " FROM account WHERE username = ?", (rs, i) -> account(rs), username)
                .stream().findFirst();
    }

    /**
     * A new account. {@code password} may be null for a system that only uses tokens.
     *
     * @throws Refused naming the field that cannot be accepted
     */
    public Account create(String username, String displayName, String password, Set<Role> roles, boolean national,
                          Set<String> provinces, String by) {
        return insert(username, displayName, password, roles, national, provinces, false, by);
    }

    Account insertDemo(String username, String displayName, String password, Set<Role> roles, boolean national,
                       Set<String> provinces) {
        return insert(username, displayName, password, roles, national, provinces, true, "seed");
    }

    private Account insert(String username, String displayName, String password, Set<Role> roles, boolean national,
                           Set<String> provinces, boolean demo, String by) {
        check(username, displayName, password, roles, national, provinces);
        if (find(username).isPresent()) throw new Refused("username", "The account " + username + " exists already.",
                "Tài khoản " + username + " đã có.");
        Instant now = Instant.now();
        String passwordHash = password == null || password.isEmpty() ? null
                : demo ? demoHashes.computeIfAbsent(password, passwords::encode) : passwords.encode(password);
        chain.record(AuditChain.Kind.ACCOUNT, links -> {
            jdbc.update("INSERT INTO account (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, TRUE, ?, ?, ?)", username,
                    displayName.strip(), passwordHash, join(roles), national,
                    national ? "" : String.join(",", new java.util.TreeSet<>(provinces)), demo, utc(now), by);
            links.add(Canonical.ACCOUNT.stored(jdbc, username));
            event(links, by, "ACCOUNT_CREATED", username, "roles " + join(roles) + "; " + (national ? "national" : "provinces " + provinces));
            return null;
        });
        reloadTokens();
        return find(username).orElseThrow();
    }

    public Account update(String username, Set<Role> roles, boolean national, Set<String> provinces, boolean enabled,
                          String by) {
        Account a = find(username).orElseThrow(() -> new NoSuchElementException("There is no account " + username + "."));
        check(username, a.displayName(), null, roles, national, provinces);
        // an administrator locking themselves out could leave no one able to undo it
        if (username.equals(by) && !enabled) throw new Refused("enabled", "An administrator cannot disable their own account.",
                "Quản trị viên không thể tự khóa tài khoản của mình.");
        if (username.equals(by) && !roles.contains(Role.ADMIN)) throw new Refused("roles",
                "An administrator cannot take away their own ADMIN role.", "Quản trị viên không thể tự bỏ vai trò ADMIN của mình.");
        chain.record(AuditChain.Kind.ACCOUNT, links -> {
            jdbc.update("UPDATE account SET roles = ?, national = ?, provinces = ?, enabled = ? WHERE username = ?",
                    join(roles), national, national ? "" : String.join(",", new java.util.TreeSet<>(provinces)), enabled, username);
            links.add(Canonical.ACCOUNT.stored(jdbc, username));
            event(links, by, "ACCOUNT_CHANGED", username, "roles " + join(roles) + "; " + (national ? "national" : "provinces " + provinces)
                    + "; " + (enabled ? "enabled" : "disabled"));
            return null;
        });
        reloadTokens();
        return find(username).orElseThrow();
    }

    public void setPassword(String username, String password, String by) {
        Optional<Refused> bad = passwordProblem(password);
        if (bad.isPresent()) throw bad.get();
        String hash = passwords.encode(password);
        chain.record(AuditChain.Kind.ACCOUNT, links -> {
            int n = jdbc.update("UPDATE account SET password_hash = ?, demo = FALSE WHERE username = ?", hash, username);
            if (n == 0) throw new NoSuchElementException("There is no account " + username + ".");
            links.add(Canonical.ACCOUNT.stored(jdbc, username));
            event(links, by, "PASSWORD_SET", username, null);
            return null;
        });
    }

    public List<Event> events(int limit) {
        return jdbc.query("SELECT * FROM account_event ORDER BY seq DESC LIMIT ?", (rs, i) -> new Event(rs.getLong("seq"),
                rs.getObject("event_at", OffsetDateTime.class).toInstant(), rs.getString("actor"), rs.getString("action"),
                rs.getString("username"), rs.getString("details")), limit);
    }

    /** Accounts and tokens from the published demo list that could still be used. */
    List<String> liveDemoCredentials() {
        List<String> found = new java.util.ArrayList<>();
        found.addAll(jdbc.queryForList("SELECT 'account ' || username FROM account WHERE demo AND enabled", String.class));
        found.addAll(jdbc.queryForList("SELECT 'token ' || label || ' of ' || username FROM api_token WHERE demo AND revoked_at IS NULL", String.class));
        return found;
    }

    private void check(String username, String displayName, String password, Set<Role> roles, boolean national,
                       Set<String> provinces) {
        List<Refused> problems = problems(username, displayName, password, roles, national, provinces);
        if (!problems.isEmpty()) throw problems.get(0);
    }

    /**
     * Everything wrong with an account as given, one refusal per field, so that a form or request can name every bad
     * field at once; empty when the account may be stored (whether the name is taken is checked when storing).
     */
    public static List<Refused> problems(String username, String displayName, String password, Set<Role> roles,
                                         boolean national, Set<String> provinces) {
        List<Refused> out = new java.util.ArrayList<>();
        if (username == null || !username.matches("[a-z0-9][a-z0-9._-]{1,63}")) out.add(new Refused("username",
                "A user name is 2 to 64 characters: lower-case letters, digits, '.', '_' or '-'.",
                "Tên đăng nhập dài 2–64 ký tự: chữ thường không dấu, chữ số, '.', '_' hoặc '-'."));
        if (displayName == null || displayName.isBlank() || displayName.strip().length() > 200) out.add(new Refused("displayName",
                "A display name of 1 to 200 characters is required.", "Cần ghi họ tên (1–200 ký tự)."));
        if (password != null && !password.isEmpty()) passwordProblem(password).ifPresent(out::add);
        if (roles == null || roles.isEmpty()) out.add(new Refused("roles", "At least one role is required.",
                "Cần ít nhất một vai trò."));
        if (national && provinces != null && !provinces.isEmpty()) out.add(new Refused("provinces",
                "A national account covers every province; leave the provinces empty or untick national.",
                "Tài khoản toàn quốc có phạm vi mọi tỉnh; để trống danh sách tỉnh hoặc bỏ chọn toàn quốc."));
        if (!national && (provinces == null || provinces.isEmpty())) out.add(new Refused("provinces",
                "An account without national scope needs at least one province (SCHEME:CODE, e.g. QD124_2004:24).",
                "Tài khoản không có phạm vi toàn quốc cần ít nhất một tỉnh."));
        if (!national && provinces != null) for (String p : provinces) {
            if (p == null || !p.matches("[A-Z0-9_]{1,40}:[0-9A-Za-z]{1,10}")) {
                String shown = p == null ? "null" : Shown.clip(p);
                out.add(new Refused("provinces", "A province is written SCHEME:CODE, e.g. QD124_2004:24, not '" + shown + "'.",
                        "Tỉnh được ghi SCHEME:MÃ, ví dụ QD124_2004:24, không phải '" + shown + "'."));
                break;
            }
        }
        return out;
    }

    /**
     * {@link #problems} and, for each province written SCHEME:CODE, whether that scheme's official list has it: a
     * scope naming no province would be stored and grant nothing, and no one would see why. Each is named by its
     * place in the list ({@code provinces[0]}).
     */
    public static List<Refused> problems(String username, String displayName, String password, Set<Role> roles,
                                         boolean national, Set<String> provinces, AreaDirectory areas) {
        List<Refused> out = problems(username, displayName, password, roles, national, provinces);
        if (national || provinces == null || out.stream().anyMatch(r -> r.field.equals("provinces"))) return out;
        int i = 0;
        for (String p : provinces) {
            int colon = p.indexOf(':');
            Optional<CodeScheme> scheme = CodeScheme.parse(p.substring(0, colon));
            if (scheme.isEmpty() || areas.communesOf(scheme.get(), p.substring(colon + 1)).isEmpty()) {
                String shown = Shown.clip(p);
                out.add(new Refused("provinces[" + i + "]", "'" + shown + "' is no province of an official code list "
                        + Arrays.toString(CodeScheme.values()) + ".",
                        "'" + shown + "' không phải là tỉnh trong danh mục mã chính thức " + Arrays.toString(CodeScheme.values()) + "."));
            }
            i++;
        }
        return out;
    }

    /** bcrypt reads only the first 72 bytes (and Spring's encoder refuses more), so a longer password is refused. */
    private static Optional<Refused> passwordProblem(String password) {
        if (password == null || password.length() < 12) return Optional.of(new Refused("password",
                "A password must be at least 12 characters long.", "Mật khẩu phải dài ít nhất 12 ký tự."));
        if (password.getBytes(StandardCharsets.UTF_8).length > 72) return Optional.of(new Refused("password",
                "A password may be at most 72 bytes long (72 letters without accents, fewer with accents).",
                "Mật khẩu dài tối đa 72 byte (72 chữ không dấu, ít hơn nếu có dấu)."));
        return Optional.empty();
    }

    /** Roles from their names, as forms and requests send them. */
    public static Set<Role> roles(Collection<String> names) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String n : names) {
            if (n == null || n.isBlank()) continue;
            try {
                roles.add(Role.valueOf(n.strip()));
            } catch (IllegalArgumentException e) {
                throw new Refused("roles", "There is no role '" + n.strip() + "'; the roles are " + Arrays.toString(Role.values()) + ".",
                        "Không có vai trò '" + n.strip() + "'; các vai trò là " + Arrays.toString(Role.values()) + ".");
            }
        }
        return roles;
    }

    /** An event of the sign-in guard (a lock, an unlock), in the same log, and chain, as the administrators' changes. */
    void logEvent(String actor, String action, String username, String details) {
        chain.record(AuditChain.Kind.ACCOUNT, links -> {
            event(links, actor, action, username, details);
            return null;
        });
    }

    /** The administrators' log, written only inside a chained write (with the row it explains). */
    private void event(AuditChain.Batch links, String actor, String action, String username, String details) {
        KeyHolder seq = new GeneratedKeyHolder();
        jdbc.update(con -> {
            java.sql.PreparedStatement ps = con.prepareStatement("INSERT INTO account_event (event_at, actor, action,"
                    + " username, details) VALUES (?, ?, ?, ?, ?)", new String[] {"seq"});
            ps.setObject(1, utc(Instant.now()));
            ps.setString(2, actor);
            ps.setString(3, action);
            ps.setString(4, username);
            ps.setString(5, details);
            return ps;
        }, seq);
        links.add(Canonical.ACCOUNT_EVENT.stored(jdbc, java.util.Objects.requireNonNull(seq.getKey()).longValue()));
    }

    private static Account account(ResultSet rs) throws SQLException {
        String provinces = rs.getString("provinces");
        return new Account(rs.getString("username"), rs.getString("display_name"), rs.getString("password_hash") != null,
                roles(Arrays.asList(rs.getString("roles").split(","))), rs.getBoolean("national"),
                provinces.isEmpty() ? Set.of() : new LinkedHashSet<>(Arrays.asList(provinces.split(","))),
                rs.getBoolean("enabled"), rs.getBoolean("demo"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getString("created_by"));
    }

    private static Token token(ResultSet rs) throws SQLException {
        OffsetDateTime revoked = rs.getObject("revoked_at", OffsetDateTime.class);
        return new Token(rs.getObject("id", UUID.class), rs.getString("username"), rs.getString("label"),
                rs.getBoolean("demo"), rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getString("created_by"),
                revoked == null ? null : revoked.toInstant(), rs.getString("revoked_by"));
    }

    private static String join(Set<Role> roles) {
        return roles.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }

    private static OffsetDateTime utc(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }

    static String sha256(String secret) {
        return Canonical.sha256(secret);
    }
}
