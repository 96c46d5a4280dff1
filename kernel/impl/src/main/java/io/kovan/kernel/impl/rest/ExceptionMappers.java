package io.kovan.kernel.impl.rest;

import java.sql.SQLException;
import java.util.List;

import javax.persistence.OptimisticLockException;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.kovan.kernel.api.KovanException;
import io.kovan.kernel.api.ValidationException;
import io.kovan.kernel.api.ValidationException.Violation;
import io.kovan.kernel.api.rest.KovanRest;
import io.kovan.kernel.api.persistence.Constraints;

/** Turns every exception that leaves a Kovan resource into an RFC 9457 problem response. */
public final class ExceptionMappers {

    private static final Logger LOG = LoggerFactory.getLogger(ExceptionMappers.class);

    private ExceptionMappers() {
    }

    /** Business refusals keep the status their exception carries. */
    @Component(service = ExceptionMapper.class, scope = ServiceScope.PROTOTYPE)
    @JaxrsExtension
    @JaxrsApplicationSelect(KovanRest.ALL_APPLICATIONS)
    public static class Business implements ExceptionMapper<KovanException> {
        @Override
        public Response toResponse(KovanException e) {
            return business(e);
        }
    }

    /** Malformed JSON, wrong types and unknown fields: 400 naming the field. */
    @Component(service = ExceptionMapper.class, scope = ServiceScope.PROTOTYPE)
    @JaxrsExtension
    @JaxrsApplicationSelect(KovanRest.ALL_APPLICATIONS)
    public static class JsonErrors implements ExceptionMapper<JsonProcessingException> {
        @Override
        public Response toResponse(JsonProcessingException e) {
            return json(e);
        }
    }

    /** JAX-RS's own errors (unknown path, wrong method, unsupported media type) keep their status. */
    @Component(service = ExceptionMapper.class, scope = ServiceScope.PROTOTYPE)
    @JaxrsExtension
    @JaxrsApplicationSelect(KovanRest.ALL_APPLICATIONS)
    public static class Web implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            Throwable cause = e.getCause();
            if (cause instanceof JsonProcessingException json) {
                return json(json);
            }
            Response.StatusType status = e.getResponse().getStatusInfo();
            return Problems.of(status.getStatusCode(), status.getReasonPhrase(), e.getMessage(), null);
        }
    }

    /**
     * Everything else. A business exception or a concurrent-update failure wrapped by the
     * persistence layer still gets its own status; only a real fault is a 500, and is logged.
     */
    @Component(service = ExceptionMapper.class, scope = ServiceScope.PROTOTYPE)
    @JaxrsExtension
    @JaxrsApplicationSelect(KovanRest.ALL_APPLICATIONS)
    public static class Fallback implements ExceptionMapper<Throwable> {
        @Override
        public Response toResponse(Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof KovanException k) {
                    return business(k);
                }
                if (t instanceof JsonProcessingException json) {
                    return json(json);
                }
                if (t instanceof OptimisticLockException) {
                    return Problems.of(409, "Stale version", "The record was changed by someone else; reload it and retry", null);
                }
                if (t instanceof SQLException && Constraints.isConstraintViolation(t)) {
                    return Problems.of(409, "Conflict", "The change clashes with existing data", null);
                }
                // 40001: Derby's deadlock, PostgreSQL's serialization failure; 40P01: PostgreSQL's deadlock; 40XL1/2: Derby's lock wait timeout.
                if (t instanceof SQLException sql && java.util.Set.of("40001", "40P01", "40XL1", "40XL2").contains(sql.getSQLState())) {
                    // Told to the client as a 409 to retry; the database's account of the clash (which locks) is for the operator.
                    LOG.warn("Concurrent clash answered with 409: {}", sql.getMessage());
                    return Problems.of(409, "Conflict", "The change clashed with a concurrent one; retry", null);
                }
            }
            LOG.error("Unexpected failure in a REST call", e);
            return Problems.of(500, "Internal error", "An unexpected error occurred; it has been logged", null);
        }
    }

    static Response business(KovanException e) {
        List<Violation> errors = e instanceof ValidationException v ? v.violations() : null;
        return Problems.of(e.status(), e.title(), e.getMessage(), errors);
    }

    static Response json(JsonProcessingException e) {
        if (e instanceof JsonParseException) {
            return Problems.of(400, "Malformed JSON", "The body is not well-formed JSON: " + e.getOriginalMessage(), null);
        }
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            String field = path(m.getPath());
            String message = e instanceof UnrecognizedPropertyException ? "is not a known field" : "has the wrong type or format";
            return Problems.of(400, "Invalid input", field + " " + message, List.of(new Violation(field, message)));
        }
        return Problems.of(400, "Malformed JSON", e.getOriginalMessage(), null);
    }

    private static String path(List<JsonMappingException.Reference> refs) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : refs) {
            if (ref.getFieldName() != null) {
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }
}
