package vn.chuyenhoa.monitoring;

import java.time.LocalDate;
import java.util.List;

/** What the monitoring rules decided about one report, before anything is put into words. */
record MonitoringJudgement(MonitoringInput input, ProfileChain chain, RelapseSettings window,
                                  LocalDate windowStart, LocalDate windowEnd, List<ReasonFinding> reasons,
                                  RelapseVerdict verdict, String verdictRule) {}
