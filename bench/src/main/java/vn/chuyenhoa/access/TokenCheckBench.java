package vn.chuyenhoa.access;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.chuyenhoa.audit.AuditChain;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * What checking a caller costs per request: a bearer token through {@link Accounts#byToken} (SHA-256 and a map
 * lookup, 200 live tokens), against the bcrypt check a password on every request would cost — the reason systems
 * get tokens and people get sessions. Run: {@code bench/run.sh jmh TokenCheckBench}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class TokenCheckBench {

    private HikariDataSource db;
    private Accounts accounts;
    private PasswordEncoder passwords;
    private String secret, hash;

    @Setup
    public void setUp() {
        db = new HikariDataSource();
        db.setJdbcUrl("jdbc:h2:mem:tokens-" + UUID.randomUUID());
        Flyway.configure().dataSource(db).load().migrate();
        passwords = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        JdbcTemplate jdbc = new JdbcTemplate(db);
        accounts = new Accounts(jdbc, new AuditChain(jdbc, new DataSourceTransactionManager(db)), passwords);
        for (int i = 0; i < 200; i++) {
            accounts.create("he-thong-" + i, "System " + i, null, Set.of(Role.EVALUATOR), true, Set.of(), "bench");
            secret = accounts.issueToken("he-thong-" + i, "bench", "bench").secret();
        }
        hash = passwords.encode("a-password-of-sixteen");
    }

    @TearDown
    public void tearDown() {
        db.close();
    }

    @Benchmark
    public Object bearerToken() {
        return accounts.byToken(secret).orElseThrow();
    }

    @Benchmark
    public boolean bcryptPassword() {
        return passwords.matches("a-password-of-sixteen", hash);
    }
}
