package io.kovan.crm.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Activity volume per owner for activities created in a period, with what is open and overdue now. */
public record ActivityReportDTO(Instant at, List<Row> rows) {

    public record Row(String owner, long total, long done, long open, long overdue, Map<ActivityType, Long> byType) {
    }
}
