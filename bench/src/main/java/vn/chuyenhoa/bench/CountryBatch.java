package vn.chuyenhoa.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole country in one call (issue 12): one evaluation request for each of the 10,047 communes of the 2024 list
 * (src/main/resources/area/admin-units-2024.csv), sent as one {@code POST /api/v1/evaluation-batches} to a service
 * started by {@code bench/run.sh batch}, timed from the first byte sent to the last byte of the 201 — which the service
 * sends only once every item is committed. Each round also sends the same body as a dry run, to show what storing
 * adds. Facts are drawn from a seeded generator, so every run sends the same bodies; every item must be stored.
 * With the service's pid, also the CPU seconds the service spent on each call: on a shared machine the wall time
 * swings with the other work, the CPU time much less.
 *
 * <pre>
 * CountryBatch --port 18089 --root PROJECT_DIR [--rounds 3] [--settle 0] [--service-pid PID]
 * </pre>
 * {@code --settle N}: N untimed rounds (stored and dry run) first, for the JIT compilers to finish with the store's
 * path as a long-running service has (see {@link LoadDriver}).
 */
public final class CountryBatch {

    /** The local run's demo system (EVALUATOR, national), src/main/resources/access/demo-accounts.csv. */
    private static final String TOKEN = "demo-token-hethong";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private CountryBatch() {}

    public static void main(String[] args) throws Exception {
        int port = 18089, rounds = 3, settle = 0;
        long pid = -1;
        Path root = Path.of(".");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--settle" -> settle = Integer.parseInt(args[++i]);
                case "--root" -> root = Path.of(args[++i]);
                case "--service-pid" -> pid = Long.parseLong(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        List<String> communes = communes(root.resolve("src/main/resources/area/admin-units-2024.csv"));
        byte[] body = body(communes);
        System.out.printf(Locale.ROOT, "== %d communes, request body %.1f MB%n", communes.size(), body.length / 1e6);

        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        String base = "http://127.0.0.1:" + port;
        waitUntilUp(client, base);

        // not timed: the first call pays for class loading and the JIT, as a long-running service has already paid
        send(client, base + "/api/v1/evaluation-batches?dryRun=true", body, 200, communes.size());
        for (int r = 0; r < settle; r++) {
            send(client, base + "/api/v1/evaluation-batches", body, 201, communes.size());
            send(client, base + "/api/v1/evaluation-batches?dryRun=true", body, 200, communes.size());
        }
        if (settle > 0) System.out.printf(Locale.ROOT, "== settled: %d untimed rounds%n", settle);

        System.out.println("| round | stored batch, s (201) | service CPU, s | dry run, s (200) | service CPU, s | load | batch |");
        System.out.println("| ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        double[] stored = new double[rounds], dry = new double[rounds], storedCpu = new double[rounds],
                dryCpu = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            double c0 = LoadDriver.cpuSeconds(pid);
            long t0 = System.nanoTime();
            JsonNode answer = send(client, base + "/api/v1/evaluation-batches", body, 201, communes.size());
            stored[r] = (System.nanoTime() - t0) / 1e9;
            storedCpu[r] = LoadDriver.cpuSeconds(pid) - c0;
            int storedItems = answer.path("counts").path("stored").asInt();
            if (storedItems != communes.size()) {
                throw new IllegalStateException("stored " + storedItems + " of " + communes.size() + ": "
                        + answer.path("results").toString().substring(0, 2000));
            }
            // every item is an evaluation that can be read back
            String last = answer.path("results").get(communes.size() - 1).path("id").asString();
            check(client, base + "/api/v1/evaluations/" + last);

            double c1 = LoadDriver.cpuSeconds(pid);
            long t1 = System.nanoTime();
            send(client, base + "/api/v1/evaluation-batches?dryRun=true", body, 200, communes.size());
            dry[r] = (System.nanoTime() - t1) / 1e9;
            dryCpu[r] = LoadDriver.cpuSeconds(pid) - c1;
            System.out.printf(Locale.ROOT, "| %d | %.2f | %.2f | %.2f | %.2f | %s | %s |%n", r + 1, stored[r],
                    storedCpu[r], dry[r], dryCpu[r], LoadDriver.loadAverage(), answer.path("id").asString());
        }
        System.out.printf(Locale.ROOT, "== median of %d rounds: stored %.2f s (%.0f evaluations/s, service CPU %.2f s),"
                        + " dry run %.2f s (service CPU %.2f s)%n", rounds, median(stored),
                communes.size() / median(stored), median(storedCpu), median(dry), median(dryCpu));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** Scheme QD124_2004 codes of the 2024 list, in file order. */
    static List<String> communes(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        List<String> codes = new ArrayList<>(lines.size());
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isBlank()) codes.add(line.split(",", -1)[4]);
        }
        return codes;
    }

    /**
     * One item per commune: a 2024 period (ended before the 2025 reform, as the old codes require), the baseline the
     * year before, every fact given, drawn so that some communes meet every criterion and others miss one.
     */
    static byte[] body(List<String> codes) {
        Random random = new Random(20240101);
        StringBuilder b = new StringBuilder(codes.size() * 800).append("{\"items\": [\n");
        for (int i = 0; i < codes.size(); i++) {
            int tips = 10 + random.nextInt(50), cases = 5 + random.nextInt(30), serious = random.nextInt(5);
            int released = 5 + random.nextInt(40), households = 500 + random.nextInt(5000);
            int crimes = 10 + random.nextInt(40), evils = random.nextInt(15), hotspots = random.nextInt(5);
            if (i > 0) b.append(",\n");
            b.append("{\"area\": {\"codeScheme\": \"QD124_2004\", \"code\": \"").append(codes.get(i)).append("\"},")
                    .append(" \"period\": {\"from\": \"2024-01-01\", \"to\": \"2024-12-31\"},")
                    .append(" \"baselinePeriod\": {\"from\": \"2023-01-01\", \"to\": \"2023-12-31\"},")
                    .append(" \"facts\": {")
                    .append("\"tipsReceived\": ").append(tips)
                    .append(", \"tipsResolved\": ").append(tips - (random.nextInt(10) == 0 ? 1 : 0))
                    .append(", \"politicalSystemConsolidated\": ").append(random.nextInt(20) != 0)
                    .append(", \"effectiveModels\": ").append(random.nextInt(4))
                    .append(", \"communityRulesMaintained\": true")
                    .append(", \"householdsTotal\": ").append(households)
                    .append(", \"householdsInformed\": ").append(households - random.nextInt(households / 20))
                    .append(", \"organizedCrimeSigns\": ").append(random.nextInt(30) == 0)
                    .append(", \"blackCreditActivity\": false")
                    .append(", \"casesOccurred\": ").append(cases)
                    .append(", \"casesCleared\": ").append(cases - random.nextInt(cases / 4 + 1))
                    .append(", \"seriousCasesProsecuted\": ").append(serious)
                    .append(", \"seriousCasesCleared\": ").append(serious)
                    .append(", \"releasedResidents\": ").append(released)
                    .append(", \"releasedReoffended\": ").append(random.nextInt(released / 6 + 1))
                    .append(", \"crimesBaseline\": ").append(crimes)
                    .append(", \"crimesCurrent\": ").append(crimes - random.nextInt(crimes / 3))
                    .append(", \"socialEvilsBaseline\": ").append(evils)
                    .append(", \"socialEvilsCurrent\": ").append(random.nextInt(evils + 1))
                    .append(", \"hotspotsBaseline\": ").append(hotspots)
                    .append(", \"hotspotsCurrent\": ").append(random.nextInt(hotspots + 1))
                    .append(", \"newHotspotsFormed\": 0}}");
        }
        return b.append("\n]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode send(HttpClient client, String url, byte[] body, int expected, int items) throws Exception {
        HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + TOKEN)
                .timeout(Duration.ofMinutes(15)).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        String text = new String(r.body(), StandardCharsets.UTF_8);
        if (r.statusCode() != expected) {
            throw new IllegalStateException(url + " answered " + r.statusCode() + ": "
                    + text.substring(0, Math.min(2000, text.length())));
        }
        JsonNode answer = JSON.readTree(text);
        int results = answer.path("results").size();
        int refused = answer.path("counts").path("refused").asInt(-1);
        if (results != items || refused != 0) {
            throw new IllegalStateException(url + ": " + results + " results, " + refused + " refused: "
                    + text.substring(0, Math.min(3000, text.length())));
        }
        return answer;
    }

    private static void check(HttpClient client, String url) throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + TOKEN).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new IllegalStateException(url + " answered " + r.statusCode());
    }

    private static void waitUntilUp(HttpClient client, String base) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health"))
                        .GET().build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) return;
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the service did not start within 15 minutes");
    }
}
