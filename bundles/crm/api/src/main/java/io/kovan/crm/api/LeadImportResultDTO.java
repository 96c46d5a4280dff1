package io.kovan.crm.api;

import java.util.List;

/** The outcome of a CSV import: rows read, leads created, and each refused row by its line number. */
public record LeadImportResultDTO(int rows, int created, List<RowError> errors) {

    /** A refused row: its line in the file (the header is line 1), the field and why. */
    public record RowError(int line, String field, String message) {
    }
}
