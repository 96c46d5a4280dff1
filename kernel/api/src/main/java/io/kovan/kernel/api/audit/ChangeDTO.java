package io.kovan.kernel.api.audit;

/** One field's value before and after a write ({@code null} for none). */
public record ChangeDTO(String before, String after) {
}
