package vn.chuyenhoa.instances;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import vn.chuyenhoa.kernel.DatabaseOutage;

/**
 * Several instances on one database: every {@code chuyenhoa.instances.poll} each followed probe is read again. A short
 * poll rather than PostgreSQL's LISTEN/NOTIFY: it needs no connection held open per instance, works on any database,
 * and a missed notification cannot leave a cache stale for good; its cost is one small query per probe and interval.
 */
final class PolledChanges implements SharedChanges, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PolledChanges.class);

    private static final class Followed {
        final String name;
        final Supplier<?> probe;
        final Runnable reload;
        Object last;
        boolean seen;

        Followed(String name, Supplier<?> probe, Runnable reload) {
            this.name = name;
            this.probe = probe;
            this.reload = reload;
        }
    }

    private final String instance;
    private final Duration interval;
    private final DatabaseOutage outage;
    private final List<Followed> followed = new CopyOnWriteArrayList<>();
    private ScheduledExecutorService timer;
    private volatile boolean running;

    PolledChanges(String instance, Duration interval, DatabaseOutage outage) {
        this.instance = instance;
        this.interval = interval;
        this.outage = outage;
    }

    @Override
    public void follow(String name, Supplier<?> probe, Runnable reload) {
        followed.add(new Followed(name, probe, reload));
    }

    @Override
    public String instance() {
        return instance;
    }

    private void look() {
        for (Followed f : followed) {
            try {
                Object now = f.probe.get();
                outage.reachable();
                if (f.seen && Objects.equals(now, f.last)) continue;
                if (f.seen) log.debug("{} changed in the database ({} → {}): reloading on {}", f.name, f.last, now, instance);
                f.reload.run();
                f.last = now;
                f.seen = true;
            } catch (RuntimeException e) {
                // looked at again next time; a dead timer would leave the cache stale for good
                if (!outage.failed("following " + f.name, e)) log.error("could not follow {} in the database", f.name, e);
            }
        }
    }

    @Override
    public void start() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "shared-changes");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::look, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        running = true;
        log.info("Instance {} follows changes made by other instances every {}", instance, interval);
    }

    @Override
    public void stop() {
        running = false;
        if (timer != null) timer.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
