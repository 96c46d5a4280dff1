package io.kovan.kernel.impl.rest;

import java.util.List;
import java.util.Locale;

import javax.ws.rs.core.Response;

import io.kovan.kernel.api.ValidationException.Violation;
import io.kovan.kernel.api.rest.KovanRest;

/** Builds problem+json responses. */
public final class Problems {

    private Problems() {
    }

    public static Response of(int status, String title, String detail, List<Violation> errors) {
        String field = errors == null || errors.isEmpty() ? null : errors.get(0).field();
        String type = "urn:kovan:problem:" + title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        return Response.status(status).type(KovanRest.PROBLEM_JSON)
            .entity(new ProblemDTO(type, title, status, detail, null, field, errors == null || errors.isEmpty() ? null : errors))
            .build();
    }
}
