package vn.chuyenhoa.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
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
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.h2.tools.Server;
import org.slf4j.LoggerFactory;
import org.junit.jupiter.api.Test;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import tools.jackson.databind.JsonNode;
import vn.chuyenhoa.ChuyenhoaApplication;
import vn.chuyenhoa.support.Http;
import vn.chuyenhoa.support.Postgres;
import vn.chuyenhoa.support.Scenarios;

/**
 * The database goes away under a running service (trial-ops finding 2): readiness must say DOWN at once, so that a
 * load balancer takes the instance out, and callers must be told 503 with Retry-After, not a 500 after 30 seconds.
 * The database is an H2 server of the test's own, reached over TCP and stopped mid-test, and then PostgreSQL behind
 * a relay the test closes: connections that break, and a pool that cannot open new ones.
 */
class DatabaseOutageTest {

    final HttpClient client = HttpClient.newHttpClient();

    record Answered(int status, JsonNode json, String retryAfter, Duration took) {}

    Answered send(int port, String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + Http.TESTER).timeout(Duration.ofSeconds(60));
        if (body == null) b.method(method, HttpRequest.BodyPublishers.noBody());
        else b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        long started = System.nanoTime();
        HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        JsonNode json = r.body().isBlank() ? null : Scenarios.JSON.readTree(r.body());
        return new Answered(r.statusCode(), json, r.headers().firstValue("Retry-After").orElse(null), took);
    }

    /**
     * On H2 the database does not come back in this test: a restarted H2 server's "database is already closed" on the
     * pool's old connections is no connection error to the pool, which keeps lending them. PostgreSQL's is.
     */
    @Test
    void withTheDatabaseGoneReadinessIsDownAtOnceAndCallersAreToldToRetry() throws Exception {
        Server database = Server.createTcpServer("-tcpPort", "0", "-tcpAllowOthers", "-ifNotExists").start();
        try {
            outage(database::stop, null, "--spring.datasource.url=jdbc:h2:tcp://127.0.0.1:" + database.getPort() + "/mem:outage-"
                    + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        } finally {
            database.stop();
        }
    }

    /**
     * The same on PostgreSQL, as the trial met it: the server stops answering (a relay between the service and the
     * server is closed, so connecting is refused as it is when PostgreSQL is down), and the pool waits for a connection
     * it cannot make: what was 30 s of waiting and a 500.
     */
    @Test
    void onPostgresqlTheSame() throws Exception {
        try (Postgres.Schema schema = Postgres.freshSchema(); Relay relay = new Relay(schema.url())) {
            outage(relay::close, relay::reopen, "--spring.profiles.active=postgres", "--spring.datasource.url=" + relay.url(),
                    "--chuyenhoa.access.seed=classpath:access/demo-accounts.csv,classpath:access/test-accounts.csv");
        }
    }

    /**
     * {@code restartDatabase}: brings the database back, or null where the test cannot. The instance follows other
     * instances' changes every 100 ms and writes the audit head every 200 ms, so that its background jobs meet the
     * outage as often as its probes do.
     */
    private void outage(Runnable stopDatabase, Runnable restartDatabase, String... database) throws Exception {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--chuyenhoa.warmup.evaluations=0",
                "--chuyenhoa.ruleset.watch=false", "--chuyenhoa.instances.shared=true", "--chuyenhoa.instances.poll=100ms",
                "--chuyenhoa.audit.head-interval=200ms"));
        args.addAll(List.of(database));
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(ChuyenhoaApplication.class)
                .bannerMode(Banner.Mode.OFF).logStartupInfo(false).run(args.toArray(String[]::new))) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            String request = Files.readString(Path.of("examples/xa-kien-tho.json"));
            Answered stored = send(port, "POST", "/api/v1/evaluations", request);
            assertEquals(201, stored.status(), () -> String.valueOf(stored.json()));
            String id = stored.json().get("id").asText();
            assertEquals(200, send(port, "GET", "/actuator/health/readiness", null).status());

            ListAppender<ILoggingEvent> logged = new ListAppender<>();
            logged.start();
            Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
            root.addAppender(logged);
            try {
                stopDatabase.run();
                refused(port, request, id);
                logsTheOutageOnce(port, request, id, logged.list);
                if (restartDatabase != null) {
                    restartDatabase.run();
                    long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                    for (Answered ready; (ready = send(port, "GET", "/actuator/health/readiness", null)).status() != 200; ) {
                        JsonNode shown = ready.json();
                        assertTrue(System.nanoTime() < until, () -> "readiness stays DOWN after the database is back: " + shown);
                        Thread.sleep(200);
                    }
                    // said once nothing has failed for a few seconds, by the next probe or poll that reaches the database
                    while (lines(logged.list, Level.INFO).stream().noneMatch(l -> l.contains("reachable again"))) {
                        assertTrue(System.nanoTime() < until, () -> "no line says the database is back: " + lines(logged.list, Level.INFO));
                        Thread.sleep(200);
                    }
                    List<String> back = lines(logged.list, Level.INFO).stream().filter(l -> l.contains("reachable again")).toList();
                    assertEquals(1, back.size(), () -> "one line when the database is back: " + lines(logged.list, Level.INFO));
                    assertEquals(1, lines(logged.list, Level.WARN).stream().filter(l -> l.contains("Database unreachable")).count(),
                            () -> "one outage, not one per failed probe: " + lines(logged.list, Level.INFO));
                    assertEquals(201, send(port, "POST", "/api/v1/evaluations", request).status());
                }
            } finally {
                root.detachAppender(logged);
            }
        }
    }

    /**
     * Trial finding: every probe and every poll of a background job logged a stack trace while the database was down.
     * One WARN line says the outage began, what cannot be reached and why; further probes, polls and refused requests
     * add no line at WARN or above (but the reminder once a minute), and no stack trace at all outside DEBUG.
     */
    private void logsTheOutageOnce(int port, String request, String id, List<ILoggingEvent> logged) throws Exception {
        Thread.sleep(1000); // the pollers' and the audit head's rounds meet the outage too
        List<String> first = lines(logged, Level.WARN);
        for (int round = 0; round < 5; round++) {
            assertEquals(503, send(port, "GET", "/actuator/health/readiness", null).status());
            assertEquals(503, send(port, "GET", "/api/v1/evaluations/" + id, null).status());
        }
        assertEquals(503, send(port, "POST", "/api/v1/evaluations", request).status());
        // a browser's session lives in the database too: its page is refused the same way
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/evaluations"))
                .header("Cookie", "SESSION=" + java.util.Base64.getEncoder().encodeToString(UUID.randomUUID().toString().getBytes()))
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(503, page.statusCode(), page::body);
        Thread.sleep(1000);
        List<String> traced = List.copyOf(logged).stream().filter(e -> e.getThrowableProxy() != null && e.getLevel().isGreaterOrEqual(Level.INFO))
                .map(e -> e.getLoggerName() + ": " + e.getFormattedMessage()).toList();
        assertEquals(List.of(), traced, "stack traces at INFO or above during the outage");
        List<String> began = first.stream().filter(l -> l.contains("Database unreachable")).toList();
        assertEquals(1, began.size(), () -> "one line when the outage begins: " + first);
        assertTrue(began.get(0).contains("jdbc:") && began.get(0).contains("503"), began.get(0));
        // the reminder a minute is the one line a long outage adds (PostgreSQL's refusals take the pool's 2 s each)
        assertEquals(first, lines(logged, Level.WARN).stream().filter(l -> !l.contains("still unreachable")).toList(),
                "ten probes and calls later, nothing more at WARN or above");
    }

    private static List<String> lines(List<ILoggingEvent> logged, Level atLeast) {
        return List.copyOf(logged).stream().filter(e -> e.getLevel().isGreaterOrEqual(atLeast))
                .map(e -> e.getLevel() + " " + e.getLoggerName() + ": " + e.getFormattedMessage()).toList();
    }

    /** Readiness DOWN at once, the process alive, and callers told 503 with Retry-After, not a 500 after 30 s. */
    private void refused(int port, String request, String id) throws Exception {
        Answered ready = send(port, "GET", "/actuator/health/readiness", null);
        assertEquals(503, ready.status(), () -> String.valueOf(ready.json()));
        assertEquals("DOWN", ready.json().get("status").asText(), ready.json()::toString);
        assertEquals("DOWN", ready.json().get("components").get("db").get("status").asText(), ready.json()::toString);
        assertEquals("DOWN", ready.json().get("components").get("ruleset").get("status").asText(), ready.json()::toString);
        assertTrue(ready.took().compareTo(Duration.ofSeconds(10)) < 0, "readiness took " + ready.took());
        assertEquals(200, send(port, "GET", "/actuator/health/liveness", null).status(), "the process still answers");

        for (Answered a : new Answered[]{send(port, "POST", "/api/v1/evaluations", request),
                send(port, "GET", "/api/v1/evaluations/" + id, null),
                send(port, "POST", "/api/v1/evaluation-batches", "{\"items\":[" + request + "]}")}) {
            assertEquals(503, a.status(), () -> String.valueOf(a.json()));
            assertEquals("urn:chuyenhoa:problem:database-unavailable", a.json().get("type").asText(), a.json()::toString);
            assertTrue(a.json().get("detailVi").asText().contains("cơ sở dữ liệu"), a.json()::toString);
            assertTrue(a.json().get("detail").asText().contains("database"), a.json()::toString);
            assertTrue(a.retryAfter() != null && Integer.parseInt(a.retryAfter()) > 0, "Retry-After " + a.retryAfter());
            assertTrue(a.took().compareTo(Duration.ofSeconds(10)) < 0, "answered after " + a.took());
        }
    }

    /**
     * A TCP relay to the PostgreSQL server of a JDBC URL; closed, it refuses connections and drops those it carried;
     * reopened, it relays again on the same port.
     */
    static final class Relay implements AutoCloseable {
        private volatile ServerSocket listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final List<Socket> open = new CopyOnWriteArrayList<>();
        private final String url;
        private final String host;
        private final int port;

        Relay(String jdbcUrl) throws IOException {
            Matcher m = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/").matcher(jdbcUrl);
            if (!m.find()) throw new IllegalArgumentException("no host and port in " + jdbcUrl);
            host = m.group(1);
            port = Integer.parseInt(m.group(2));
            url = m.replaceFirst("jdbc:postgresql://127.0.0.1:" + listening.getLocalPort() + "/");
            relay(listening);
        }

        private void relay(ServerSocket socket) {
            daemon(() -> {
                while (!socket.isClosed()) {
                    try {
                        Socket client = socket.accept();
                        Socket server = new Socket(host, port);
                        open.add(client);
                        open.add(server);
                        pump(client, server);
                        pump(server, client);
                    } catch (IOException e) {
                        // closed
                    }
                }
            });
        }

        void reopen() {
            try {
                ServerSocket again = new ServerSocket();
                again.setReuseAddress(true);
                // a closed socket still tells the port it was bound to
                again.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), listening.getLocalPort()), 50);
                listening = again;
                relay(again);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String url() {
            return url;
        }

        private static void daemon(Runnable work) {
            Thread t = new Thread(work, "relay");
            t.setDaemon(true);
            t.start();
        }

        private void pump(Socket from, Socket to) {
            daemon(() -> {
                try {
                    from.getInputStream().transferTo(to.getOutputStream());
                } catch (IOException e) {
                    // one side closed
                } finally {
                    try {
                        to.close();
                    } catch (IOException ignored) {
                        // already closed
                    }
                }
            });
        }

        @Override
        public void close() {
            try {
                listening.close();
                for (Socket s : open) s.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
