package vn.chuyenhoa.support;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Runs a {@code @SpringBootTest} class again on PostgreSQL, through a subclass:
 * <pre>
 * &#64;ActiveProfiles("postgres")
 * &#64;DirtiesContext
 * class SomeApiOnPostgresTest extends SomeApiTest {
 *     &#64;DynamicPropertySource
 *     static void postgres(DynamicPropertyRegistry registry) { OnPostgres.register(registry); }
 * }
 * </pre>
 * The application starts with the real {@code postgres} profile on a new schema of the test server
 * ({@link Postgres}), with the tests' accounts asked for explicitly, as that profile requires. The schema is left
 * to the throw-away cluster (the context that uses it outlives the test class's own callbacks).
 */
public final class OnPostgres {

    private OnPostgres() {
    }

    /** Points the context at a new schema, made when the context starts, and asks for the tests' accounts. */
    public static void register(DynamicPropertyRegistry registry) {
        String[] url = new String[1];
        registry.add("spring.datasource.url", () -> {
            synchronized (url) {
                if (url[0] == null) url[0] = Postgres.freshSchema().url();
                return url[0];
            }
        });
        registry.add("chuyenhoa.access.seed",
                () -> "classpath:access/demo-accounts.csv,classpath:access/test-accounts.csv");
    }
}
