package vn.chuyenhoa.access;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.chuyenhoa.access.Accounts.Account;
import vn.chuyenhoa.access.Accounts.Refused;
import vn.chuyenhoa.access.Accounts.Token;
import vn.chuyenhoa.area.AreaDirectory;
import vn.chuyenhoa.http.JsonBody.Arr;
import vn.chuyenhoa.http.JsonBody.Obj;
import vn.chuyenhoa.http.JsonBody.Str;
import vn.chuyenhoa.http.JsonBody.Value;
import vn.chuyenhoa.http.FieldError;
import vn.chuyenhoa.http.JsonReader;
import vn.chuyenhoa.http.Shown;
import vn.chuyenhoa.http.ApiDescription;
import vn.chuyenhoa.http.Ids;
import vn.chuyenhoa.http.Problems;

/**
 * Accounts and bearer tokens, as administrators manage them and auditors read them. Nothing here ever answers with a
 * password hash or a token hash; a token's secret appears once, in the answer that issues it.
 */
@RestController
@RequestMapping("/api/v1/admin")
@Tag(name = ApiDescription.ADMINISTRATION)
class AdminController {

    private static final Set<String> CREATE_KEYS = Set.of("username", "displayName", "password", "roles", "national", "provinces");
    private static final Set<String> UPDATE_KEYS = Set.of("roles", "national", "provinces", "enabled");
    private static final Set<String> PASSWORD_KEYS = Set.of("password");
    private static final Set<String> TOKEN_KEYS = Set.of("username", "label");
    private static final int DEFAULT_EVENTS = 100, MAX_EVENTS = 1000;

    private final Accounts accounts;
    private final LoginThrottle throttle;
    private final AreaDirectory areas;

    AdminController(Accounts accounts, LoginThrottle throttle, AreaDirectory areas) {
        this.accounts = accounts;
        this.throttle = throttle;
        this.areas = areas;
    }

    /** @param lockedUntil when sign-in opens again after too many wrong passwords; null when not locked */
    record AccountView(String username, String displayName, boolean hasPassword, List<String> roles, boolean national,
                       List<String> provinces, boolean enabled, boolean demo, Instant createdAt, String createdBy,
                       Instant lockedUntil) {
        static AccountView of(Account a, LoginThrottle throttle) {
            return new AccountView(a.username(), a.displayName(), a.hasPassword(), a.roles().stream().sorted().map(Enum::name).toList(),
                    a.national(), a.provinces().stream().sorted().toList(), a.enabled(), a.demo(), a.createdAt(), a.createdBy(),
                    throttle.lockedUntil(a.username()).orElse(null));
        }
    }

    record AccountDetail(String username, String displayName, boolean hasPassword, List<String> roles, boolean national,
                         List<String> provinces, boolean enabled, boolean demo, Instant createdAt, String createdBy,
                         Instant lockedUntil, List<TokenView> tokens) {}

    record TokenView(UUID id, String username, String label, boolean live, boolean demo, Instant createdAt,
                     String createdBy, Instant revokedAt, String revokedBy) {
        static TokenView of(Token t) {
            return new TokenView(t.id(), t.username(), t.label(), t.live(), t.demo(), t.createdAt(), t.createdBy(),
                    t.revokedAt(), t.revokedBy());
        }
    }

    record IssuedView(UUID id, String username, String label, Instant createdAt, String token, String note, String noteVi) {}

    @Schema(name = "NewAccount", description = "An account for a person (with a password) or a system (tokens only)")
    record NewAccountSchema(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "hethong.bacgiang") String username,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Hệ thống báo cáo tỉnh Bắc Giang") String displayName,
            @Schema(nullable = true, description = "At least 12 characters, at most 72 bytes; absent or null for a system") String password,
            @ArraySchema(arraySchema = @Schema(requiredMode = Schema.RequiredMode.REQUIRED)) List<Role> roles,
            @Schema(nullable = true, description = "true covers every province; default false") Boolean national,
            @ArraySchema(arraySchema = @Schema(nullable = true, description = "SCHEME:CODE, e.g. QD124_2004:24"),
                    schema = @Schema(example = "QD124_2004:24")) List<String> provinces) {}

    @Schema(name = "AccountChange", description = "An account's roles, scope and whether it may sign in")
    record AccountChangeSchema(
            @ArraySchema(arraySchema = @Schema(requiredMode = Schema.RequiredMode.REQUIRED)) List<Role> roles,
            @Schema(nullable = true, description = "Default false") Boolean national,
            @ArraySchema(arraySchema = @Schema(nullable = true, description = "SCHEME:CODE; default none"),
                    schema = @Schema(example = "QD124_2004:24")) List<String> provinces,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Boolean enabled) {}

    @Schema(name = "NewPassword")
    record NewPasswordSchema(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "At least 12 characters, at most 72 bytes") String password) {}

    @Schema(name = "NewToken")
    record NewTokenSchema(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "hethong") String username,
                          @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Which system holds it", example = "Máy chủ báo cáo tỉnh Bắc Giang, 2026") String label) {}

    // ---- accounts --------------------------------------------------------------------------------------------------

    @Operation(operationId = "listAccounts", summary = "Every account, without any password or token hash / Danh sách tài khoản")
    @GetMapping(path = "/accounts", produces = MediaType.APPLICATION_JSON_VALUE)
    List<AccountView> accounts() {
        return accounts.list().stream().map(a -> AccountView.of(a, throttle)).toList();
    }

    @Operation(operationId = "createAccount", summary = "Create an account / Tạo tài khoản",
            responses = @ApiResponse(responseCode = "201", description = "Created; Location names it",
                    content = @Content(schema = @Schema(implementation = AccountView.class))),
            description = "password is optional: leave it out (or null) for a system that only calls the API with tokens. "
                    + "national: true covers every province; otherwise provinces lists SCHEME:CODE codes.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = NewAccountSchema.class),
                    examples = @ExampleObject(name = "system", value =
                    "{\"username\": \"hethong.bacgiang\", \"displayName\": \"Hệ thống báo cáo tỉnh Bắc Giang\","
                            + " \"password\": null, \"roles\": [\"EVALUATOR\"], \"national\": false,"
                            + " \"provinces\": [\"QD124_2004:24\"]}"))))
    @PostMapping(path = "/accounts", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> create(@RequestBody(required = false) byte[] body) {
        JsonReader f = new JsonReader();
        Obj root = f.root(body, CREATE_KEYS);
        if (root == null) return Problems.badRequest(f.sorted());
        var m = root.members();
        String username = f.requiredString("username", m.get("username"));
        String displayName = f.requiredString("displayName", m.get("displayName"));
        String password = f.optionalString("password", m.get("password"));
        Set<Role> roles = roles(f, m.get("roles"));
        boolean national = Boolean.TRUE.equals(f.optionalFlag("national", m.get("national")));
        Set<String> provinces = provinces(f, m.get("provinces"));
        refusals(f, Accounts.problems(username, displayName, password, roles, national, provinces, areas));
        if (f.hasErrors()) return Problems.badRequest(f.sorted());
        try {
            Account a = accounts.create(username, displayName, password, roles, national, provinces, Caller.name());
            return ResponseEntity.created(URI.create("/api/v1/admin/accounts/" + a.username())).body(AccountView.of(a, throttle));
        } catch (Refused e) {
            return refused(e);
        }
    }

    @ApiResponse(responseCode = "404", description = "There is no such account")
    @Operation(operationId = "getAccount", summary = "One account with its tokens / Một tài khoản và các mã truy cập của nó",
            responses = @ApiResponse(responseCode = "200", description = "The account",
                    content = @Content(schema = @Schema(implementation = AccountDetail.class))))
    @GetMapping(path = "/accounts/{username}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> account(@PathVariable String username) {
        return accounts.find(username).<ResponseEntity<?>>map(a -> ResponseEntity.ok(detail(a)))
                .orElseGet(() -> noAccount(username));
    }

    @ApiResponse(responseCode = "404", description = "There is no such account")
    @Operation(operationId = "updateAccount", summary = "Change an account's roles, scope, or whether it may sign in / Đổi vai trò, phạm vi, khóa hoặc mở tài khoản",
            description = "roles and enabled are required; national defaults to false; provinces to none. Disabling an "
                    + "account stops its tokens at once. An administrator cannot disable themselves or drop their own ADMIN role.",
            responses = @ApiResponse(responseCode = "200", description = "The account now",
                    content = @Content(schema = @Schema(implementation = AccountView.class))),
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = AccountChangeSchema.class),
                    examples = @ExampleObject(name = "disable", value =
                    "{\"roles\": [\"EVALUATOR\"], \"national\": false, \"provinces\": [\"QD124_2004:24\"], \"enabled\": false}"))))
    @PutMapping(path = "/accounts/{username}", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> update(@PathVariable String username, @RequestBody(required = false) byte[] body) {
        Optional<Account> existing = accounts.find(username);
        if (existing.isEmpty()) return noAccount(username);
        JsonReader f = new JsonReader();
        Obj root = f.root(body, UPDATE_KEYS);
        if (root == null) return Problems.badRequest(f.sorted());
        var m = root.members();
        Set<Role> roles = roles(f, m.get("roles"));
        boolean national = Boolean.TRUE.equals(f.optionalFlag("national", m.get("national")));
        Set<String> provinces = provinces(f, m.get("provinces"));
        Boolean enabled = f.optionalFlag("enabled", m.get("enabled"));
        if (JsonReader.absent(m.get("enabled"))) f.missing("enabled");
        refusals(f, Accounts.problems(username, existing.get().displayName(), null, roles, national, provinces, areas));
        if (f.hasErrors()) return Problems.badRequest(f.sorted());
        try {
            return ResponseEntity.ok(AccountView.of(accounts.update(username, roles, national, provinces, enabled, Caller.name()), throttle));
        } catch (Refused e) {
            return refused(e);
        } catch (NoSuchElementException e) {
            return noAccount(username);
        }
    }

    @ApiResponse(responseCode = "404", description = "There is no such account")
    @Operation(operationId = "setPassword", summary = "Set an account's password / Đặt mật khẩu",
            responses = @ApiResponse(responseCode = "204", description = "Set"),
            description = "At least 12 characters, at most 72 bytes. Also turns a demo account into an ordinary one.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = NewPasswordSchema.class),
                    examples = @ExampleObject(name = "password", value =
                    "{\"password\": \"một mật khẩu dài và khó đoán\"}"))))
    @PostMapping(path = "/accounts/{username}/password", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> password(@PathVariable String username, @RequestBody(required = false) byte[] body) {
        if (accounts.find(username).isEmpty()) return noAccount(username);
        JsonReader f = new JsonReader();
        Obj root = f.root(body, PASSWORD_KEYS);
        if (root == null) return Problems.badRequest(f.sorted());
        String password = f.requiredString("password", root.members().get("password"));
        if (f.hasErrors()) return Problems.badRequest(f.sorted());
        try {
            accounts.setPassword(username, password, Caller.name());
            return ResponseEntity.noContent().build();
        } catch (Refused e) {
            return refused(e);
        } catch (NoSuchElementException e) {
            return noAccount(username);
        }
    }

    /** What an unlock did: {@code unlocked} is false when the account was not locked. */
    record UnlockView(String username, boolean unlocked) {}

    @Operation(operationId = "unlockAccount", summary = "Unlock an account locked by wrong passwords / Mở khóa đăng nhập",
            description = "Lets the account sign in again at once; logged as UNLOCKED in the account events. Unlocking an "
                    + "account that is not locked changes nothing. No body.",
            responses = {
                @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = UnlockView.class))),
                @ApiResponse(responseCode = "404", description = "There is no such account",
                        content = @Content(mediaType = "application/problem+json"))})
    @PostMapping(path = "/accounts/{username}/unlock", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> unlock(@PathVariable String username) {
        Optional<Account> a = accounts.find(username);
        if (a.isEmpty()) return noAccount(username);
        boolean was = throttle.unlock(username, Caller.name());
        return ResponseEntity.ok(new UnlockView(username, was));
    }

    // ---- tokens ----------------------------------------------------------------------------------------------------

    @Operation(operationId = "listTokens", summary = "Every token, live and revoked, without hash or secret / Danh sách mã truy cập")
    @GetMapping(path = "/tokens", produces = MediaType.APPLICATION_JSON_VALUE)
    List<TokenView> tokens() {
        return accounts.tokens(null).stream().map(TokenView::of).toList();
    }

    @Operation(operationId = "issueToken", summary = "Issue a bearer token; its secret is shown only in this answer / Cấp mã truy cập (chỉ hiển thị một lần)",
            description = "The service keeps only the SHA-256 hash of the secret: copy it now into the system that will "
                    + "send it as Authorization: Bearer <token>. A lost secret cannot be shown again; revoke it and issue another.",
            responses = @ApiResponse(responseCode = "201", description = "Issued; the secret is in token",
                    content = @Content(schema = @Schema(implementation = IssuedView.class))),
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = NewTokenSchema.class),
                    examples = @ExampleObject(name = "system", value =
                    "{\"username\": \"hethong\", \"label\": \"Máy chủ báo cáo tỉnh Bắc Giang, 2026\"}"))))
    @PostMapping(path = "/tokens", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> issue(@RequestBody(required = false) byte[] body) {
        JsonReader f = new JsonReader();
        Obj root = f.root(body, TOKEN_KEYS);
        if (root == null) return Problems.badRequest(f.sorted());
        String username = f.requiredString("username", root.members().get("username"));
        String label = f.requiredString("label", root.members().get("label"));
        if (f.hasErrors()) return Problems.badRequest(f.sorted());
        try {
            Accounts.Issued issued = accounts.issueToken(username, label, Caller.name());
            Token t = issued.token();
            return ResponseEntity.status(HttpStatus.CREATED).header("Cache-Control", "no-store")
                    .body(new IssuedView(t.id(), t.username(), t.label(), t.createdAt(), issued.secret(),
                            "Shown only once: the service keeps only its SHA-256 hash. Store it now in the calling system.",
                            "Chỉ hiển thị một lần: dịch vụ chỉ giữ mã băm SHA-256. Hãy lưu ngay vào hệ thống sẽ gọi API."));
        } catch (Refused e) {
            return refused(e);
        }
    }

    @ApiResponse(responseCode = "404", description = "There is no such token")
    @Operation(operationId = "revokeToken", summary = "Revoke a token; it is refused from the next request on / Thu hồi mã truy cập",
            description = "Revoking a token already revoked changes nothing and answers the same record.",
            responses = @ApiResponse(responseCode = "200", description = "The token, revoked",
                    content = @Content(schema = @Schema(implementation = TokenView.class))))
    @PostMapping(path = "/tokens/{id}/revocation", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> revoke(@PathVariable String id) {
        Optional<UUID> uuid = Ids.uuid(id);
        if (uuid.isEmpty()) return noToken(id);
        try {
            return ResponseEntity.ok(TokenView.of(accounts.revokeToken(uuid.get(), Caller.name())));
        } catch (NoSuchElementException e) {
            return noToken(id);
        }
    }

    @Operation(operationId = "listAdministrationEvents", summary = "What administrators changed, newest first / Nhật ký quản trị tài khoản",
            responses = @ApiResponse(responseCode = "200", description = "The events",
                    content = @Content(array = @ArraySchema(schema = @Schema(implementation = Accounts.Event.class)))))
    @GetMapping(path = "/events", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> events(@Parameter(description = "1 to " + MAX_EVENTS + "; default " + DEFAULT_EVENTS)
                             @RequestParam(required = false) Integer limit) {
        int n = limit == null ? DEFAULT_EVENTS : limit;
        if (n < 1 || n > MAX_EVENTS) return Problems.badRequest(List.of(new FieldError("limit", "out_of_range",
                "limit must be between 1 and " + MAX_EVENTS + ".", "limit phải từ 1 đến " + MAX_EVENTS + ".")));
        return ResponseEntity.ok(accounts.events(n));
    }

    // ---- reading requests ------------------------------------------------------------------------------------------

    /** Null when absent or wrong (each item reported); an empty set is left to {@link Accounts#problems} to refuse. */
    private static Set<Role> roles(JsonReader f, Value value) {
        List<String> names = strings(f, "roles", value, true);
        if (names == null) return null;
        Set<Role> roles = EnumSet.noneOf(Role.class);
        boolean bad = false;
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (name == null) {
                bad = true;
                continue;
            }
            try {
                roles.add(Role.valueOf(name));
            } catch (IllegalArgumentException e) {
                String shown = Shown.clip(name);
                f.error("roles[" + i + "]", "unknown_role", "There is no role \"" + shown + "\"; the roles are "
                        + List.of(Role.values()) + ".", "Không có vai trò \"" + shown + "\"; các vai trò là " + List.of(Role.values()) + ".");
                bad = true;
            }
        }
        return bad ? null : roles;
    }

    private static Set<String> provinces(JsonReader f, Value value) {
        List<String> items = strings(f, "provinces", value, false);
        return items == null || items.stream().anyMatch(java.util.Objects::isNull) ? null : new LinkedHashSet<>(items);
    }

    /**
     * An array of strings, stripped, with null in place of each item that is not a string (each reported); absent is
     * empty unless required. Null when absent and required, or not an array.
     */
    private static List<String> strings(JsonReader f, String field, Value value, boolean required) {
        if (JsonReader.absent(value)) {
            if (required) f.missing(field);
            return required ? null : List.of();
        }
        if (!(value instanceof Arr array)) {
            f.wrongType(field, value, "an array of strings", "một mảng chuỗi");
            return null;
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < array.items().size(); i++) {
            if (array.items().get(i) instanceof Str s) {
                out.add(s.value().strip());
            } else {
                f.wrongType(field + "[" + i + "]", array.items().get(i), "a string", "một chuỗi");
                out.add(null);
            }
        }
        return out;
    }

    /**
     * The account's own refusals, for the fields not already reported as malformed (a field sent with the wrong type
     * has one error, not two).
     */
    private static void refusals(JsonReader f, List<Refused> refusals) {
        List<FieldError> sorted = f.sorted();
        for (Refused r : refusals) {
            boolean reported = sorted.stream().anyMatch(e -> e.field() != null
                    && (e.field().equals(r.field) || e.field().startsWith(r.field + "[")));
            if (!reported) f.error(r.field, "invalid_value", r.getMessage(), r.messageVi);
        }
    }

    private static ResponseEntity<ProblemDetail> refused(Refused e) {
        return Problems.badRequest(List.of(new FieldError(e.field, "invalid_value", e.getMessage(), e.messageVi)));
    }

    private AccountDetail detail(Account a) {
        AccountView v = AccountView.of(a, throttle);
        return new AccountDetail(v.username(), v.displayName(), v.hasPassword(), v.roles(), v.national(), v.provinces(),
                v.enabled(), v.demo(), v.createdAt(), v.createdBy(), v.lockedUntil(),
                accounts.tokens(a.username()).stream().map(TokenView::of).toList());
    }

    private static ResponseEntity<ProblemDetail> noAccount(String username) {
        return Problems.notFound("There is no account " + Shown.clip(username) + ".", "Không có tài khoản " + Shown.clip(username) + ".");
    }

    private static ResponseEntity<ProblemDetail> noToken(String id) {
        return Problems.notFound("There is no token " + Shown.clip(id) + ".", "Không có mã truy cập " + Shown.clip(id) + ".");
    }
}
