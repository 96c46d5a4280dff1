package io.kovan.kernel.impl.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.sql.SQLIntegrityConstraintViolationException;
import java.util.List;

import javax.persistence.OptimisticLockException;
import javax.ws.rs.NotAllowedException;
import javax.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.kovan.kernel.api.ConflictException;
import io.kovan.kernel.api.NotFoundException;
import io.kovan.kernel.api.StaleVersionException;
import io.kovan.kernel.api.ValidationException;

class ExceptionMappersTest {

    record Line(String product, BigDecimal quantity, List<String> tags) {
    }

    @Test
    void validationIsA400NamingEveryField() {
        Response r = new ExceptionMappers.Business().toResponse(new ValidationException(List.of(
            new ValidationException.Violation("taxNumber", "must be a VKN"), new ValidationException.Violation("email", "must be an e-mail address"))));
        ProblemDTO p = problem(r, 400);
        assertEquals("taxNumber", p.field());
        assertEquals(2, p.errors().size());
        assertEquals("email", p.errors().get(1).field());
        assertEquals("urn:kovan:problem:invalid-input", p.type());
    }

    @Test
    void businessRefusalsKeepTheirStatus() {
        assertEquals(404, problem(new ExceptionMappers.Business().toResponse(new NotFoundException("Party", 9)), 404).status());
        assertEquals("Party 9 does not exist", problem(new ExceptionMappers.Business().toResponse(new NotFoundException("Party", 9)), 404).detail());
        assertNull(problem(new ExceptionMappers.Business().toResponse(new ConflictException("duplicate")), 409).field());
        assertEquals("Stale version", problem(new ExceptionMappers.Business().toResponse(new StaleVersionException("Party", 1, 1, 2)), 409).title());
    }

    @Test
    void unknownFieldsWrongTypesAndMalformedJsonAre400s() {
        assertEquals("colour", problem(ExceptionMappers.json(parseError("{\"product\":\"A\",\"colour\":\"red\"}")), 400).field());
        assertEquals("quantity", problem(ExceptionMappers.json(parseError("{\"product\":\"A\",\"quantity\":\"many\"}")), 400).field());
        assertEquals("tags[1]", problem(ExceptionMappers.json(parseError("{\"tags\":[\"a\",{}]}")), 400).field());
        ProblemDTO malformed = problem(ExceptionMappers.json(parseError("{\"product\":")), 400);
        assertEquals("Malformed JSON", malformed.title());
        assertNull(malformed.field());
    }

    @Test
    void jaxRsErrorsKeepTheirStatus() {
        assertEquals(405, problem(new ExceptionMappers.Web().toResponse(new NotAllowedException("GET")), 405).status());
    }

    @Test
    void wrappedBusinessExceptionsAndRacesAreNotServerErrors() {
        ExceptionMappers.Fallback fallback = new ExceptionMappers.Fallback();
        assertEquals("taxNumber", problem(fallback.toResponse(new RuntimeException(new ValidationException("taxNumber", "bad"))), 400).field());
        problem(fallback.toResponse(new RuntimeException("commit failed", new OptimisticLockException("changed"))), 409);
        problem(fallback.toResponse(new RuntimeException(new SQLIntegrityConstraintViolationException("dup", "23505"))), 409);
        assertEquals("Internal error", problem(fallback.toResponse(new IllegalStateException("bug")), 500).title());
    }

    private static JsonProcessingException parseError(String json) {
        return assertThrows(JsonProcessingException.class, () -> Json.MAPPER.readValue(json, Line.class));
    }

    private static ProblemDTO problem(Response response, int status) {
        assertEquals(status, response.getStatus());
        assertEquals("application/problem+json", response.getMediaType().toString());
        ProblemDTO p = (ProblemDTO) response.getEntity();
        assertEquals(status, p.status());
        return p;
    }
}
