package vn.chuyenhoa.programme;

import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.chuyenhoa.monitoring.AreaRecords;
import vn.chuyenhoa.monitoring.MonitoringStore;

/** Answers the monitoring report page which record of the programme its area's report belongs to. */
@Component
class MonitoredAreaRecords implements AreaRecords {

    private final ProgrammeService programmes;

    MonitoredAreaRecords(ProgrammeService programmes) {
        this.programmes = programmes;
    }

    @Override
    public Optional<Link> recordOf(MonitoringStore.Summary report) {
        return programmes.recordOf(report).map(a -> {
            Unit u = a.current();
            return new Link(u.codeScheme(), u.provinceCode(), a.year(), u.areaCode(), u.areaName());
        });
    }
}
