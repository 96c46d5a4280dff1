package io.kovan.sales.impl;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

import io.kovan.kernel.api.NotFoundException;
import io.kovan.kernel.api.PageRequest;
import io.kovan.kernel.api.ValidationException;

/** Small helpers the sales documents share. */
final class Docs {

    private Docs() {
    }

    /** A stored amount at the document currency's decimals. */
    static BigDecimal amount(BigDecimal stored, int decimals) {
        return stored == null ? null : stored.setScale(decimals, RoundingMode.HALF_UP);
    }

    static BigDecimal quantity(BigDecimal stored) {
        return stored == null ? null : stored.setScale(Pricing.QUANTITY_SCALE, RoundingMode.HALF_UP);
    }

    static BigDecimal zeroQuantity() {
        return BigDecimal.ZERO.setScale(Pricing.QUANTITY_SCALE);
    }

    /** A date filter of a list, or null; a malformed one is a 400 naming it. */
    static LocalDate dateFilter(PageRequest request, String name) {
        String raw = request.filter(name);
        if (raw == null) {
            return null;
        }
        try {
            return LocalDate.parse(raw);
        } catch (java.time.format.DateTimeParseException e) {
            throw new ValidationException(name, "must be a date as YYYY-MM-DD");
        }
    }

    /** The row, locked for update until the transaction ends, so that two writers of one document take turns. */
    static <E> E lock(EntityManager em, Class<E> type, String kind, long id) {
        E e = em.find(type, id, LockModeType.PESSIMISTIC_WRITE);
        if (e == null) {
            throw new NotFoundException(kind, id);
        }
        return e;
    }

    static <E> E load(EntityManager em, Class<E> type, String kind, long id) {
        E e = em.find(type, id);
        if (e == null) {
            throw new NotFoundException(kind, id);
        }
        return e;
    }

    /** The id a console argument names: a number, or a document number looked up with {@code byNumber}. */
    static <E> List<E> byNumber(EntityManager em, Class<E> type, String number) {
        return em.createQuery("SELECT d FROM " + type.getSimpleName() + " d WHERE d.number = :n", type).setParameter("n", number).getResultList();
    }

    static Map<String, Object> eventData(long id, String number, long customerId, String state) {
        Map<String, Object> data = new TreeMap<>();
        data.put("id", id);
        data.put("number", number);
        data.put("customerId", customerId);
        data.put("state", state);
        return data;
    }
}
