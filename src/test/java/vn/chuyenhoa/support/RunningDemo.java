package vn.chuyenhoa.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The application on a random port as a newcomer's local run has it, for the page tests in a browser: the Điện Biên
 * demo loaded into an in-memory H2 database of its own and only the documented demo accounts, no warm-up, no watching
 * of the rule folders.
 *
 * <p>As with {@link RunningServer}, every class so annotated runs on one server, started once per test JVM by
 * Spring's test context cache, so each works in what it stores itself and reads the demo without counting it. A class
 * that needs the demo untouched or changes the rules in force keeps a server of its own and says why.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:demo-${random.uuid};DB_CLOSE_DELAY=-1",
        "chuyenhoa.warmup.evaluations=0",
        "chuyenhoa.ruleset.watch=false",
        "chuyenhoa.demo=dien-bien",
        "chuyenhoa.access.seed=classpath:access/demo-accounts.csv",
        "spring.main.banner-mode=off"})
public @interface RunningDemo {
}
