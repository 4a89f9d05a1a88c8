package vn.chuyenhoa.evaluation;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.ObjectMapper;

/**
 * Where impact jobs' states live: this process's memory for one instance, the {@code impact_job} table (V11) when
 * several share the database ({@code chuyenhoa.instances.shared}), so that any of them answers the caller's poll.
 */
interface ImpactJobStatuses {

    void put(UUID id, ImpactJobs.Status status);

    Optional<ImpactJobs.Status> get(UUID id);

    /** The job for this version started last. */
    Optional<ImpactJobs.Status> latestFor(String versionId);

    /** Jobs queued or running now, on every instance that shares this store. */
    long running();

    @Configuration(proxyBeanMethods = false)
    class Choice {
        @Bean
        ImpactJobStatuses impactJobStatuses(@Value("${chuyenhoa.instances.shared:false}") boolean shared,
                                            JdbcTemplate jdbc, ObjectMapper json) {
            return shared ? new InDatabase(jdbc, json) : new InMemory();
        }
    }

    final class InMemory implements ImpactJobStatuses {
        private final Map<UUID, ImpactJobs.Status> jobs = new ConcurrentHashMap<>();

        @Override
        public void put(UUID id, ImpactJobs.Status status) {
            jobs.put(id, status);
        }

        @Override
        public Optional<ImpactJobs.Status> get(UUID id) {
            return Optional.ofNullable(jobs.get(id));
        }

        @Override
        public Optional<ImpactJobs.Status> latestFor(String versionId) {
            return jobs.values().stream().filter(s -> s.version().equals(versionId))
                    .max(java.util.Comparator.comparing(ImpactJobs.Status::startedAt));
        }

        @Override
        public long running() {
            return jobs.values().stream().filter(s -> s.finishedAt() == null).count();
        }
    }

    final class InDatabase implements ImpactJobStatuses {
        private final JdbcTemplate jdbc;
        private final ObjectMapper json;

        InDatabase(JdbcTemplate jdbc, ObjectMapper json) {
            this.jdbc = jdbc;
            this.json = json;
        }

        @Override
        public void put(UUID id, ImpactJobs.Status status) {
            // only the instance running the job writes its row: no two writers race on one id
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            String doc = json.writeValueAsString(status);
            if (jdbc.update("UPDATE impact_job SET updated_at = ?, status_json = ? WHERE id = ?", now, doc, id) == 0) {
                jdbc.update("INSERT INTO impact_job (id, version, started_at, updated_at, status_json)"
                        + " VALUES (?, ?, ?, ?, ?)", id, status.version(), status.startedAt().atOffset(ZoneOffset.UTC), now, doc);
            }
        }

        @Override
        public Optional<ImpactJobs.Status> get(UUID id) {
            return jdbc.queryForList("SELECT status_json FROM impact_job WHERE id = ?", String.class, id).stream()
                    .findFirst().map(doc -> json.readValue(doc, ImpactJobs.Status.class));
        }

        @Override
        public Optional<ImpactJobs.Status> latestFor(String versionId) {
            return jdbc.queryForList("SELECT status_json FROM impact_job WHERE version = ?"
                    + " ORDER BY started_at DESC FETCH FIRST 1 ROW ONLY", String.class, versionId).stream()
                    .findFirst().map(doc -> json.readValue(doc, ImpactJobs.Status.class));
        }

        @Override
        public long running() {
            // a job's document is small and few are kept; reading them spares a column that says "finished"
            return jdbc.queryForList("SELECT status_json FROM impact_job", String.class).stream()
                    .map(doc -> json.readValue(doc, ImpactJobs.Status.class))
                    .filter(s -> s.finishedAt() == null).count();
        }
    }
}
