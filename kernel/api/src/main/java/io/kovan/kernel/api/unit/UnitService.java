package io.kovan.kernel.api.unit;

import java.math.BigDecimal;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Units of measure and conversions. A conversion can be used both ways and chained
 * (BOX → PCS and PACK → BOX give PACK → PCS).
 *
 * @since 1.0
 */
@ProviderType
public interface UnitService {

    List<UnitDTO> list();

    UnitDTO get(String code);

    UnitDTO create(UnitDTO unit);

    List<UnitConversionDTO> conversions();

    UnitConversionDTO addConversion(UnitConversionDTO conversion);

    /** Converts a quantity, rounded half-up to the target unit's decimals. */
    BigDecimal convert(BigDecimal quantity, String from, String to);
}
