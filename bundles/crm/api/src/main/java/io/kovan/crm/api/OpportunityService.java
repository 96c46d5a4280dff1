package io.kovan.crm.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

import io.kovan.kernel.api.Page;
import io.kovan.kernel.api.PageRequest;

/**
 * Opportunities on the pipeline. Stage changes are transitions of the {@code crm.opportunity}
 * workflow (guards and actions of other bundles apply; history is kept by the kernel). List
 * filters: {@code stage}, {@code owner}, {@code party}, {@code campaign}, {@code team}, {@code open}.
 *
 * @since 1.0
 */
@ProviderType
public interface OpportunityService {

    String DOCUMENT_TYPE = "crm.opportunity";

    OpportunityDTO create(OpportunityDTO opportunity);

    OpportunityDTO update(long id, OpportunityDTO opportunity);

    OpportunityDTO get(long id);

    Page<OpportunityDTO> list(PageRequest request);

    OpportunityDTO changeStage(long id, StageChangeDTO change);

    /** The pipeline's stages in order. */
    List<StageDTO> stages();

    /** Adds a stage, or changes the name, position or probability of an existing one. */
    StageDTO saveStage(StageDTO stage);
}
