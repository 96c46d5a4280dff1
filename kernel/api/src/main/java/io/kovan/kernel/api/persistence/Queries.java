package io.kovan.kernel.api.persistence;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

import javax.persistence.EntityManager;
import javax.persistence.criteria.CriteriaBuilder;
import javax.persistence.criteria.CriteriaQuery;
import javax.persistence.criteria.Predicate;
import javax.persistence.criteria.Root;

import io.kovan.kernel.api.Page;
import io.kovan.kernel.api.PageRequest;

/** Paged, filtered and sorted list queries over one entity, with the total count. */
public final class Queries {

    private Queries() {
    }

    /**
     * Runs the filter twice, once for the count and once for the window, then maps the rows.
     * The sort is always followed by the id so that pages are stable.
     */
    public static <E, D> Page<D> page(EntityManager em, Class<E> type, PageRequest request,
        BiFunction<CriteriaBuilder, Root<E>, List<Predicate>> filter, String sortField, String idField,
        Function<E, D> mapper) {
        CriteriaBuilder cb = em.getCriteriaBuilder();

        CriteriaQuery<Long> count = cb.createQuery(Long.class);
        Root<E> countRoot = count.from(type);
        count.select(cb.count(countRoot)).where(filter.apply(cb, countRoot).toArray(Predicate[]::new));
        long total = em.createQuery(count).getSingleResult();

        CriteriaQuery<E> select = cb.createQuery(type);
        Root<E> root = select.from(type);
        select.select(root).where(filter.apply(cb, root).toArray(Predicate[]::new));
        select.orderBy(request.descending() ? cb.desc(root.get(sortField)) : cb.asc(root.get(sortField)),
            request.descending() ? cb.desc(root.get(idField)) : cb.asc(root.get(idField)));
        List<E> rows = em.createQuery(select).setFirstResult(request.offset()).setMaxResults(request.limit()).getResultList();
        return new Page<>(rows.stream().map(mapper).toList(), total, request.offset(), request.limit());
    }

    /** A case-insensitive "contains" pattern for LIKE, with the wildcards in the text escaped. */
    public static String containsPattern(String text) {
        String escaped = text.toUpperCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }

    /** Parses an enum filter, naming the parameter when the value is not one of the constants. */
    public static <T extends Enum<T>> T enumValue(Class<T> type, String field, String raw) {
        if (raw == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, raw.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new io.kovan.kernel.api.ValidationException(field, "must be one of "
                + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }
}
