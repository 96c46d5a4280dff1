package io.kovan.kernel.api.audit;

/**
 * The result of checking the chain: how many entries were checked, and the first sequence
 * number whose entry was altered, or where an entry is missing ({@code null} when intact).
 */
public record AuditVerificationDTO(boolean intact, long checked, Long firstBroken, String problem) {
}
