package vn.chuyenhoa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service as `mvn spring-boot:run` and the packaged jar start it: in a JVM of its own, on its run-time class path
 * alone. Every other test runs on the test class path, which also holds every test-scoped library: a run-time library
 * that a test-scoped declaration takes off the run-time class path (Jackson 2, which the OpenAPI document needs) passed
 * the whole suite while the README's first command failed to start the service.
 */
class RunTimeClassPathTest {

    private static final Pattern PORT = Pattern.compile("Tomcat started on port (\\d+)");

    @TempDir
    Path dir;

    @Test
    void theServiceStartsAndAnswersOnItsRunTimeClassPathAlone() throws Exception {
        Path listed = Path.of("target", "run-time-class-path.txt");
        assertTrue(Files.exists(listed), listed + " is written by the maven-dependency-plugin before the tests run");
        String classPath = Path.of("target", "classes") + File.pathSeparator + Files.readString(listed).trim();
        assertTrue(!classPath.contains("junit") && !classPath.contains("swagger-parser"),
                "the run-time class path holds no test library");

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // the local run's own settings (profile, demo data, bundled tables), with what a test must not share with a
        // developer's running copy: a random port, its own database and audit head file, no watcher, no warm-up
        Process service = new ProcessBuilder(java, "-Xmx512m", "-cp", classPath, ChuyenhoaApplication.class.getName(),
                "--server.port=0", "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("db") + ";WRITE_DELAY=0",
                "--chuyenhoa.audit.head-file=" + dir.resolve("heads.log"), "--chuyenhoa.ruleset.watch=false",
                "--chuyenhoa.warmup.evaluations=0").redirectErrorStream(true).start();
        List<String> output = new ArrayList<>();
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread reader = new Thread(() -> read(service, output, port), "run-time-class-path-output");
        reader.setDaemon(true);
        reader.start();
        try {
            int p;
            try {
                p = port.get(180, TimeUnit.SECONDS);
            } catch (Exception e) {
                service.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                reader.join(5_000);
                fail("the service did not start on its run-time class path; its last lines:\n" + tail(output), e);
                return;
            }
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                    .followRedirects(HttpClient.Redirect.NORMAL).build();
            // the home page sends a visitor to the sign-in page: a page rendered from the templates on that path
            for (String path : List.of("/actuator/health/liveness", "/v3/api-docs", "/")) {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + p + path))
                        .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, answer.statusCode(), path + " answered " + answer.statusCode() + ": " + answer.body());
            }
        } finally {
            service.destroy();
            if (!service.waitFor(60, TimeUnit.SECONDS)) service.destroyForcibly();
        }
    }

    /** Collects the service's output and completes {@code port} when Tomcat says where it listens. */
    private static void read(Process service, List<String> output, CompletableFuture<Integer> port) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(service.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                synchronized (output) {
                    output.add(line);
                }
                Matcher m = PORT.matcher(line);
                if (m.find()) port.complete(Integer.parseInt(m.group(1)));
            }
        } catch (Exception e) {
            port.completeExceptionally(e);
        }
        port.completeExceptionally(new IllegalStateException("the service ended, exit code "
                + service.onExit().join().exitValue()));
    }

    private static String tail(List<String> output) {
        synchronized (output) {
            return String.join("\n", output.subList(Math.max(0, output.size() - 40), output.size()));
        }
    }
}
