package io.kovan.finance.api;

/**
 * An account of the chart, in a tree by {@code parentId}. Only {@code postable} accounts take
 * journal lines; the others add up their children ({@code 10 Hazır Değerler} above {@code 100 Kasa}).
 * A client sends {@code code}, {@code name}, {@code type} and optionally {@code parentId},
 * {@code postable} (default true) and {@code active} (default true); {@code version} on update.
 */
public record AccountDTO(Long id, String code, String name, AccountType type, Long parentId, String parentCode, Boolean postable,
    Boolean active, Long version) {
}
