package vn.chuyenhoa.monitoring;

import vn.chuyenhoa.evaluation.TableSource;

/** How long after recognition a profile's areas are monitored (domain spec §5: 3 years by default). */
public record RelapseSettings(String profileId, int monitoringWindowYears, String legalBasis, TableSource source) {}
