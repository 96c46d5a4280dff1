package io.kovan.crm.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Sales teams and their members' monthly targets.
 *
 * @since 1.0
 */
@ProviderType
public interface TeamService {

    TeamDTO create(TeamDTO team);

    TeamDTO update(long id, TeamDTO team);

    TeamDTO get(long id);

    List<TeamDTO> list();

    /** Sets (or replaces) a member's target for a month. */
    TargetDTO setTarget(long teamId, TargetDTO target);

    /** The team's targets, for one month ({@code 2026-12}) or all when {@code month} is null. */
    List<TargetDTO> targets(long teamId, String month);
}
