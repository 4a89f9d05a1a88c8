package vn.chuyenhoa.access;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;

import org.springframework.http.HttpStatus;
import vn.chuyenhoa.web.PageController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;
import vn.chuyenhoa.http.Ids;
import vn.chuyenhoa.access.Accounts.Account;
import vn.chuyenhoa.access.Accounts.Refused;
import vn.chuyenhoa.access.Accounts.Token;
import vn.chuyenhoa.area.AreaDirectory;
import vn.chuyenhoa.area.UnitChoice;
import vn.chuyenhoa.area.CodeScheme;
import vn.chuyenhoa.web.FormError;
import vn.chuyenhoa.web.PageNotFound;

/**
 * Administrators' pages: who holds which account and token, and the forms to create, change, disable, set passwords,
 * issue and revoke. Auditors see the same lists without the forms (the access table refuses them the POSTs anyway).
 */
@PageController
class AdminPages {

    /** What the new-account form had, shown again with its errors. */
    public record NewAccount(String username, String displayName, Set<String> roles, boolean national, String provinces) {}

    /** What the change form has: the account's values, or what was sent when it was refused. */
    public record AccountForm(Set<String> roles, boolean national, String provinces, boolean enabled) {}

    private static final int RECENT_EVENTS = 50;

    /** A lock's end as the administrator reads it: Vietnam time, day first. */
    private static final DateTimeFormatter VIETNAM_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
            .withZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh"));

    /**
     * A province an account limited to an old province may be given since the 2025 reform (domain spec §8.1): the
     * administrator is shown it and grants it, recorded as any other change; an account is never widened by itself.
     */
    public record ProvinceSuggestion(String oldScope, String oldName, String newScope, String newName) {}

    private final Accounts accounts;
    private final LoginThrottle throttle;
    private final AreaDirectory areas;
    private final UnitChoice units;

    AdminPages(Accounts accounts, LoginThrottle throttle, AreaDirectory areas, UnitChoice units) {
        this.units = units;
        this.accounts = accounts;
        this.throttle = throttle;
        this.areas = areas;
    }

    @GetMapping("/admin")
    String overview(Model model) {
        overviewPage(model, List.of(), new NewAccount("", "", Set.of(), false, ""), null, "");
        return "admin";
    }

    @PostMapping("/admin/accounts")
    String create(@RequestParam(required = false) String username, @RequestParam(required = false) String displayName,
                  @RequestParam(required = false) String password, @RequestParam(required = false) List<String> roles,
                  @RequestParam(required = false) String national, @RequestParam(required = false) String provinces,
                  Model model, HttpServletResponse response) {
        String name = username == null ? null : username.strip();
        NewAccount form = new NewAccount(name, displayName, names(roles), national != null, provinces);
        List<FormError> errors = new ArrayList<>();
        Set<Role> parsed = roles(roles, errors);
        Set<String> scope = provinces(provinces);
        String pw = password == null || password.isEmpty() ? null : password;
        // a role name that is not a role was reported above; the stand-in keeps "no role" from being reported as well
        Accounts.problems(name, displayName, pw, parsed == null ? Set.of(Role.EVALUATOR) : parsed, national != null, scope, areas)
                .forEach(r -> errors.add(error(r)));
        if (errors.isEmpty()) {
            try {
                accounts.create(name, displayName, pw, parsed, national != null, scope, Caller.name());
                return "redirect:/admin/accounts/" + name + "?created";
            } catch (Refused e) {
                errors.add(error(e));
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        overviewPage(model, errors, form, null, "");
        return "admin";
    }

    @GetMapping("/admin/accounts/{username}")
    String account(@PathVariable String username, Model model) {
        Account a = find(username);
        accountPage(model, a, List.of(), form(a));
        return "admin-account";
    }

    @PostMapping("/admin/accounts/{username}")
    String update(@PathVariable String username, @RequestParam(required = false) List<String> roles,
                  @RequestParam(required = false) String national, @RequestParam(required = false) String provinces,
                  @RequestParam(required = false) String enabled, Model model, HttpServletResponse response) {
        Account a = find(username);
        List<FormError> errors = new ArrayList<>();
        Set<Role> parsed = roles(roles, errors);
        Set<String> scope = provinces(provinces);
        Accounts.problems(username, a.displayName(), null, parsed == null ? Set.of(Role.EVALUATOR) : parsed,
                national != null, scope, areas).forEach(r -> errors.add(error(r)));
        if (errors.isEmpty()) {
            try {
                accounts.update(username, parsed, national != null, scope, enabled != null, Caller.name());
                return "redirect:/admin/accounts/" + username + "?saved";
            } catch (Refused e) {
                errors.add(error(e));
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        accountPage(model, a, errors, new AccountForm(names(roles), national != null, provinces, enabled != null));
        return "admin-account";
    }

    /** Lets an account locked by wrong passwords sign in again now (logged as UNLOCKED). */
    @PostMapping("/admin/accounts/{username}/unlock")
    String unlock(@PathVariable String username) {
        Account a = find(username);
        throttle.unlock(a.username(), Caller.name());
        return "redirect:/admin?unlocked=" + a.username();
    }

    @PostMapping("/admin/accounts/{username}/password")
    String password(@PathVariable String username, @RequestParam(required = false) String password,
                    @RequestParam(required = false) String passwordRepeat, Model model, HttpServletResponse response) {
        Account a = find(username);
        List<FormError> errors = new ArrayList<>();
        if (password == null || !password.equals(passwordRepeat)) {
            errors.add(new FormError("passwordRepeat", "Hai lần nhập mật khẩu không giống nhau.", "The two passwords differ."));
        } else {
            try {
                accounts.setPassword(username, password, Caller.name());
                return "redirect:/admin/accounts/" + username + "?password";
            } catch (Refused e) {
                errors.add(error(e));
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        accountPage(model, a, errors, form(a));
        return "admin-account";
    }

    /** The one page that shows a token's secret: answered to the POST itself, so reloading or going back cannot show it again. */
    @PostMapping("/admin/tokens")
    String issue(@RequestParam(required = false) String username, @RequestParam(required = false) String label,
                 Model model, HttpServletResponse response) {
        String name = username == null ? "" : username.strip();
        try {
            Accounts.Issued issued = accounts.issueToken(name, label, Caller.name());
            response.setHeader("Cache-Control", "no-store");
            model.addAttribute("issued", issued.token());
            model.addAttribute("secret", issued.secret());
            model.addAttribute("account", accounts.find(name).orElseThrow());
            return "admin-token";
        } catch (Refused e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            Optional<Account> a = accounts.find(name);
            // refused for an account that exists (disabled, no label): say so on its page, where the form was
            if (a.isPresent() && !"username".equals(e.field)) {
                accountPage(model, a.get(), List.of(error(e)), form(a.get()));
                model.addAttribute("label", label);
                return "admin-account";
            }
            overviewPage(model, List.of(error(e)), new NewAccount("", "", Set.of(), false, ""), name, label);
            return "admin";
        }
    }

    @PostMapping("/admin/tokens/{id}/revocation")
    String revoke(@PathVariable String id, @RequestParam(required = false) String confirm, Model model,
                  HttpServletResponse response) {
        Token t = Ids.uuid(id).flatMap(accounts::token).orElseThrow(() -> new PageNotFound(
                "Không có mã truy cập " + id + ".", "There is no token " + id + "."));
        if (confirm == null) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            Account a = find(t.username());
            accountPage(model, a, List.of(new FormError("confirm", "Đánh dấu ô xác nhận để thu hồi mã truy cập \""
                    + t.label() + "\".", "Tick the box to confirm revoking the token \"" + t.label() + "\".")), form(a));
            return "admin-account";
        }
        try {
            accounts.revokeToken(t.id(), Caller.name());
        } catch (NoSuchElementException e) {
            throw new PageNotFound("Không có mã truy cập " + id + ".", "There is no token " + id + ".");
        }
        return "redirect:/admin/accounts/" + t.username() + "?revoked";
    }

    // ---- the pages -------------------------------------------------------------------------------------------------

    private void overviewPage(Model model, List<FormError> errors, NewAccount form, String tokenUsername, String tokenLabel) {
        List<Account> all = accounts.list();
        model.addAttribute("accounts", all);
        model.addAttribute("tokens", accounts.tokens(null));
        model.addAttribute("events", accounts.events(RECENT_EVENTS));
        model.addAttribute("enabledAccounts", all.stream().filter(Account::enabled).toList());
        // the published demo credentials still usable, as the list and token table name them
        model.addAttribute("demoAccounts", all.stream().filter(a -> a.demo() && a.enabled()).map(Account::username).toList());
        model.addAttribute("demoTokens", accounts.tokens(null).stream().filter(t -> t.demo() && t.live()).map(Token::username)
                .distinct().sorted().toList());
        Map<String, String> locks = new java.util.TreeMap<>();
        throttle.locks().forEach((name, until) -> locks.put(name, VIETNAM_TIME.format(until)));
        model.addAttribute("locks", locks);
        common(model, errors);
        model.addAttribute("form", form);
        provinceChoices(model, form.provinces());
        model.addAttribute("tokenUsername", tokenUsername);
        model.addAttribute("label", tokenLabel);
    }

    private void accountPage(Model model, Account a, List<FormError> errors, AccountForm form) {
        model.addAttribute("account", a);
        model.addAttribute("tokens", accounts.tokens(a.username()));
        model.addAttribute("events", accounts.events(RECENT_EVENTS).stream().filter(e -> e.username().equals(a.username())).toList());
        model.addAttribute("form", form);
        provinceChoices(model, form.provinces());
        model.addAttribute("label", "");
        List<ProvinceSuggestion> suggestions = suggestions(a);
        model.addAttribute("suggestions", suggestions);
        Set<String> widened = new java.util.TreeSet<>(a.provinces());
        suggestions.forEach(x -> widened.add(x.newScope()));
        model.addAttribute("suggestedProvinces", String.join(", ", widened));
        common(model, errors);
    }

    /** For each old province the account holds, the new provinces its communes went into that it does not hold yet. */
    private List<ProvinceSuggestion> suggestions(Account a) {
        if (a.national()) return List.of();
        List<ProvinceSuggestion> out = new ArrayList<>();
        String old = CodeScheme.QD124_2004.name() + ":";
        for (String scope : a.provinces().stream().sorted().toList()) {
            if (!scope.startsWith(old)) continue;
            String code = scope.substring(old.length());
            String oldName = areas.communesOf(CodeScheme.QD124_2004, code).stream().findFirst().map(u -> u.provinceName()).orElse(code);
            areas.reform().newProvinces(code).forEach((newCode, newName) -> {
                String newScope = CodeScheme.QD19_2025.name() + ":" + newCode;
                if (!a.provinces().contains(newScope)) out.add(new ProvinceSuggestion(scope, oldName, newScope, newName));
            });
        }
        return out;
    }

    /**
     * Provinces are picked by name from both code lists, never typed as codes; the picker sends the same
     * "SCHEME:CODE, …" the API takes (Spring joins a multiple select's values with commas).
     */
    private void provinceChoices(Model model, String chosen) {
        Map<CodeScheme, List<UnitChoice.Province>> byList = new java.util.LinkedHashMap<>();
        for (CodeScheme scheme : CodeScheme.values()) byList.put(scheme, units.provinces(scheme, (c, p) -> true));
        model.addAttribute("provinceChoices", byList);
        model.addAttribute("chosenProvinces", chosen == null ? Set.of()
                : java.util.Arrays.stream(chosen.split(",")).map(String::strip).collect(java.util.stream.Collectors.toSet()));
    }

    private static void common(Model model, List<FormError> errors) {
        model.addAttribute("errors", errors);
        model.addAttribute("roles", Role.values());
        model.addAttribute("mayChange", Caller.current().map(c -> c.has(Role.ADMIN)).orElse(false));
    }

    private static AccountForm form(Account a) {
        return new AccountForm(names(a.roles().stream().map(Enum::name).toList()), a.national(),
                String.join(", ", a.provinces().stream().sorted().toList()), a.enabled());
    }

    private Account find(String username) {
        return accounts.find(username).orElseThrow(() -> new PageNotFound("Không có tài khoản " + username + ".",
                "There is no account " + username + "."));
    }

    // ---- reading forms ---------------------------------------------------------------------------------------------

    /** Null when a name is not a role (reported); the ticked boxes otherwise, perhaps none. */
    private static Set<Role> roles(List<String> names, List<FormError> errors) {
        try {
            return Accounts.roles(names == null ? List.of() : names);
        } catch (Refused e) {
            errors.add(error(e));
            return null;
        }
    }

    /** Provinces as a person types them, one per line or separated by commas; a typo is shown whole in the error. */
    private static Set<String> provinces(String text) {
        if (text == null || text.isBlank()) return Set.of();
        Set<String> out = new LinkedHashSet<>();
        for (String p : text.split("[,;\\n]")) if (!p.isBlank()) out.add(p.strip());
        return out;
    }

    private static Set<String> names(List<String> names) {
        return names == null ? Set.of() : new LinkedHashSet<>(names);
    }

    /** The form has one provinces box: a refusal naming one of its entries is shown beside the box. */
    private static FormError error(Refused r) {
        return new FormError(r.field.replaceFirst("\\[\\d+]$", ""), r.messageVi, r.getMessage());
    }
}
