package vn.chuyenhoa.access;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * The accounts a start-up puts in place: the published demo list of the local run (and the tests' own), or in
 * production a first administrator whose password comes from the environment. A production start refuses to run
 * while any published credential is usable, because anyone who read the README could then sign in.
 */
@Component
public class AccountSeed {

    private static final Logger log = LoggerFactory.getLogger(AccountSeed.class);

    /** One line of a seed list, as the login page shows the demo accounts. */
    public record Seeded(String username, String displayName, String password, Set<Role> roles, Set<String> provinces,
                         String token) {}

    private final List<Seeded> seeded;

    AccountSeed(Accounts accounts, ResourceLoader resources,
                @Value("${chuyenhoa.access.seed:}") List<String> seedFiles,
                @Value("${chuyenhoa.access.refuse-demo-credentials:false}") boolean refuseDemo,
                @Value("${chuyenhoa.access.bootstrap-admin:}") String bootstrapAdmin,
                @Value("${chuyenhoa.access.require-admin:false}") boolean requireAdmin,
                @Value("${CHUYENHOA_ADMIN_PASSWORD:}") String bootstrapPassword) throws IOException {
        List<Seeded> all = new ArrayList<>();
        for (String file : seedFiles) {
            if (!file.isBlank()) all.addAll(read(resources.getResource(file.strip())));
        }
        if (refuseDemo && !all.isEmpty()) {
            throw new IllegalStateException("chuyenhoa.access.seed lists published demo accounts " + seedFiles
                    + "; production must not create them. Remove the property. / Không được tạo tài khoản demo khi chạy thật.");
        }
        for (Seeded s : all) {
            if (accounts.find(s.username()).isPresent()) continue;
            accounts.insertDemo(s.username(), s.displayName(), s.password(), s.roles(), s.provinces().isEmpty(), s.provinces());
            if (s.token() != null) accounts.insertDemoToken(s.username(), "demo", s.token());
        }
        this.seeded = List.copyOf(all);
        if (!all.isEmpty()) log.info("{} demo accounts ready (README \"Signing in\"); never use them in production", all.size());

        if (!bootstrapAdmin.isBlank() && accounts.find(bootstrapAdmin).isEmpty()) {
            if (bootstrapPassword.length() < 12) throw new IllegalStateException("chuyenhoa.access.bootstrap-admin="
                    + bootstrapAdmin + " needs CHUYENHOA_ADMIN_PASSWORD (at least 12 characters) in the environment.");
            accounts.create(bootstrapAdmin, "Quản trị viên / Administrator", bootstrapPassword,
                    Set.of(Role.ADMIN), true, Set.of(), "bootstrap");
            log.info("Administrator {} created from chuyenhoa.access.bootstrap-admin", bootstrapAdmin);
        }
        // a database nobody can administer would be started for nothing: and one that starts empty must not be
        // "fixed" by turning the demo list on
        if (requireAdmin && accounts.list().stream().noneMatch(a -> a.enabled() && a.roles().contains(Role.ADMIN))) {
            throw new IllegalStateException("No administrator account: start once with chuyenhoa.access.bootstrap-admin=<name>"
                    + " and CHUYENHOA_ADMIN_PASSWORD (at least 12 characters) in the environment."
                    + " / Chưa có tài khoản quản trị: khởi động với chuyenhoa.access.bootstrap-admin và CHUYENHOA_ADMIN_PASSWORD.");
        }
        if (refuseDemo) {
            List<String> live = accounts.liveDemoCredentials();
            if (!live.isEmpty()) throw new IllegalStateException("Refusing to start in production: published demo credentials"
                    + " are still usable: " + live + ". Disable those accounts and revoke those tokens (page /admin) first."
                    + " / Từ chối khởi động: tài khoản hoặc mã truy cập demo còn dùng được.");
        }
    }

    /** The demo accounts this start put in place (empty in production), for the login page. */
    public List<Seeded> seeded() {
        return seeded;
    }

    private static List<Seeded> read(Resource resource) throws IOException {
        List<Seeded> out = new ArrayList<>();
        try (InputStream in = resource.getInputStream()) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.strip().split(";", -1);
                if (f.length != 6) throw new IllegalStateException(resource + ": expected 6 fields separated by ';' in " + line);
                Set<String> provinces = f[4].isBlank() ? Set.of() : new LinkedHashSet<>(Arrays.asList(f[4].split(",")));
                out.add(new Seeded(f[0], f[1], f[2].isEmpty() ? null : f[2], Accounts.roles(Arrays.asList(f[3].split(","))),
                        provinces, f[5].isEmpty() ? null : f[5]));
            }
        }
        return out;
    }
}
