package io.kovan.kernel.impl.rest;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.kovan.kernel.api.ValidationException.Violation;

/**
 * An RFC 9457 problem body. {@code field} names the first offending field and {@code errors}
 * lists every one (extension members, allowed by the RFC).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProblemDTO(String type, String title, int status, String detail, String instance, String field,
    List<Violation> errors) {
}
