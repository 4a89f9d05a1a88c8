package vn.chuyenhoa.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The application on a random port, as the HTTP tests call it: empty stores in an in-memory H2 database of its own,
 * the demo and the tests' accounts (src/test/resources/config), no warm-up, no watching of the rule folders.
 *
 * <p>Every class so annotated has the same configuration, so Spring's test context cache starts the server once per
 * test JVM and every such class runs on it: starting the application (Flyway, the Drools build of the shipped rules,
 * Tomcat) costs far more than most classes' tests. The classes therefore share one database and one ruleset in force:
 * each works in its own areas, provinces and accounts, compares counts before and after rather than absolute ones,
 * and leaves the ruleset in force as it found it. A class that cannot (it activates rules of its own, tampers with
 * the database, counts metrics from zero or needs a store nobody else wrote to) keeps a {@code @SpringBootTest} of its
 * own and says why.
 *
 * <p>The {@code ${random.uuid}} is resolved once, when the shared context starts: the key of the cache is the text.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:server-${random.uuid};DB_CLOSE_DELAY=-1",
        "chuyenhoa.warmup.evaluations=0",
        "chuyenhoa.ruleset.watch=false",
        "spring.main.banner-mode=off"})
public @interface RunningServer {
}
