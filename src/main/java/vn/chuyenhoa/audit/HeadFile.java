package vn.chuyenhoa.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import vn.chuyenhoa.kernel.DatabaseOutage;

/**
 * The chain's head, appended to a file outside the database ({@code chuyenhoa.audit.head-file}) every
 * {@code chuyenhoa.audit.head-interval} when it moved, and once more on shutdown: one line {@code seq hash time}.
 * A database rewritten from scratch, even with a chain that is consistent in itself, does not contain these heads,
 * which is how the verifier detects it. Put the file where whoever can rewrite the database cannot (another volume,
 * a write-once or remotely shipped log).
 *
 * <p>A process writes the heads it linked itself: what it attests to, never a head read back from a database someone
 * else may have rewritten. With several instances on one database, each appends its own heads, to a file of its own or
 * all to one shared file; every line must be a head of the one chain.
 */
@Component
public class HeadFile implements SmartLifecycle {

    /** One line of the file; {@code seq} -1 for a line that does not parse. */
    public record Line(int number, long seq, String hash, String time, String raw) {
    }

    private static final Logger log = LoggerFactory.getLogger(HeadFile.class);

    private final AuditChain chain;
    private final Path path;
    private final Duration interval;
    private final DatabaseOutage outage;
    private final Object writing = new Object();
    private ScheduledExecutorService timer;
    private volatile boolean running;
    private AuditChain.Head written;

    /** A head file nobody writes on a schedule (tests and checks of a chain): an outage is its caller's to tell. */
    public HeadFile(AuditChain chain, Path path, Duration interval) {
        this(chain, path, interval, new DatabaseOutage("", java.time.Clock.systemUTC()));
    }

    @Autowired
    public HeadFile(AuditChain chain, @Value("${chuyenhoa.audit.head-file:./data/audit-heads.log}") Path path,
                    @Value("${chuyenhoa.audit.head-interval:10s}") Duration interval, DatabaseOutage outage) {
        this.chain = chain;
        this.path = path.toAbsolutePath().normalize();
        this.interval = interval;
        this.outage = outage;
    }

    public Path path() {
        return path;
    }

    public Duration interval() {
        return interval;
    }

    /** Appends the head when it moved since the last line this process wrote; returns the head. */
    AuditChain.Head writeIfMoved() {
        synchronized (writing) {
            AuditChain.Head head = chain.head();
            if (head.seq() == 0 || (written != null && written.seq() == head.seq() && written.hash().equals(head.hash()))) {
                return head;
            }
            if (written == null) {
                List<Line> lines = read();
                Line last = lines.isEmpty() ? null : lines.get(lines.size() - 1);
                if (last != null && last.seq() == head.seq() && head.hash().equals(last.hash())) {
                    written = head;
                    return head;
                }
            }
            append(path, head);
            written = head;
            return head;
        }
    }

    /** Appends one line for the head, forced to disk. */
    static void append(Path path, AuditChain.Head head) {
        String line = head.seq() + " " + head.hash() + " " + Instant.now() + "\n";
        try {
            if (path.getParent() != null) Files.createDirectories(path.getParent());
            try (FileChannel out = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                out.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)));
                out.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append the audit head to " + path, e);
        }
    }

    /** Every line of the file, oldest first; none when the file does not exist yet. */
    public List<Line> read() {
        return read(path);
    }

    static List<Line> read(Path path) {
        if (!Files.exists(path)) {
            return List.of();
        }
        List<String> raw;
        try {
            raw = Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the audit heads in " + path, e);
        }
        List<Line> lines = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            String text = raw.get(i);
            if (text.isBlank()) continue;
            lines.add(parse(i + 1, text));
        }
        return lines;
    }

    /** One line as written: "batch hash instant". */
    static Line parse(int number, String text) {
        String[] parts = text.strip().split(" ");
        long seq = -1;
        try {
            if (parts.length == 3 && parts[1].matches("[0-9a-f]{64}")) seq = Long.parseLong(parts[0]);
        } catch (NumberFormatException e) {
            seq = -1;
        }
        return seq < 0 ? new Line(number, -1, null, null, text) : new Line(number, seq, parts[1], parts[2], text);
    }

    @Override
    public void start() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "audit-head-file");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::tick, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        running = true;
    }

    @Override
    public void stop() {
        if (!running) return;
        running = false;
        timer.shutdown();
        try {
            timer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        tick();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    // Started before and stopped after the evaluation store (DEFAULT_PHASE - 4096), so the last batch it commits
    // on shutdown still reaches the file.
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 8192;
    }

    private void tick() {
        try {
            writeIfMoved();
        } catch (RuntimeException e) {
            // a missed line is caught up at the next tick; a dead timer would write none again (a tick that read
            // nothing from the database does not say it is back: the chain's head is kept in memory)
            if (!outage.failed("audit head file", e)) log.error("audit head not written to {}", path, e);
        }
    }
}
