package io.kovan.kernel.impl.unit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.kovan.kernel.impl.audit.MasterDataChanges;
import io.kovan.kernel.impl.module.SchemaReady;

import io.kovan.kernel.api.ConflictException;
import io.kovan.kernel.api.NotFoundException;
import io.kovan.kernel.api.ValidationException;
import io.kovan.kernel.api.Violations;
import io.kovan.kernel.api.unit.UnitConversionDTO;
import io.kovan.kernel.api.unit.UnitDTO;
import io.kovan.kernel.api.unit.UnitService;

/** Units of measure and their conversions, stored in KV_UNIT and KV_UNIT_CONVERSION. */
@Component(service = UnitService.class)
public class UnitServiceImpl implements UnitService {

    private final JpaTemplate jpa;
    private final MasterDataChanges changes;

    @Activate
    public UnitServiceImpl(@Reference(target = "(osgi.unit.name=kovan-core)") JpaTemplate jpa, @Reference SchemaReady schemaReady,
        @Reference MasterDataChanges changes) {
        this.jpa = jpa;
        this.changes = changes;
    }

    @Override
    public List<UnitDTO> list() {
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery("SELECT u FROM UnitEntity u ORDER BY u.code", UnitEntity.class)
            .getResultList().stream().map(UnitServiceImpl::toDto).toList());
    }

    @Override
    public UnitDTO get(String code) {
        UnitEntity e = code == null ? null : jpa.txExpr(TransactionType.Supports, em -> em.find(UnitEntity.class, code));
        if (e == null) {
            throw new NotFoundException("Unit", code);
        }
        return toDto(e);
    }

    @Override
    public UnitDTO create(UnitDTO unit) {
        Violations v = new Violations();
        v.requireText("code", unit.code(), 16);
        v.check(unit.code() == null || unit.code().matches("[A-Z0-9_]{1,16}"), "code", "must be 1 to 16 capital letters, digits or _");
        v.requireText("name", unit.name(), 100);
        v.check(unit.decimals() >= 0 && unit.decimals() <= 6, "decimals", "must be between 0 and 6");
        v.throwIfAny();
        return jpa.txExpr(TransactionType.Required, em -> {
            if (em.find(UnitEntity.class, unit.code()) != null) {
                throw new ConflictException("Unit " + unit.code() + " already exists");
            }
            UnitEntity e = new UnitEntity();
            e.code = unit.code();
            e.name = unit.name().strip();
            e.decimals = unit.decimals();
            em.persist(e);
            UnitDTO created = toDto(e);
            changes.written("core.unit", e.code, "created", null, created, java.util.Map.of("name", e.name, "decimals", e.decimals));
            return created;
        });
    }

    @Override
    public List<UnitConversionDTO> conversions() {
        return jpa.txExpr(TransactionType.Supports, em -> em
            .createQuery("SELECT c FROM UnitConversionEntity c ORDER BY c.fromUnit, c.toUnit", UnitConversionEntity.class)
            .getResultList().stream().map(c -> new UnitConversionDTO(c.fromUnit, c.toUnit, c.factor.stripTrailingZeros())).toList());
    }

    @Override
    public UnitConversionDTO addConversion(UnitConversionDTO conversion) {
        Violations v = new Violations();
        v.require("from", conversion.from()).require("to", conversion.to()).require("factor", conversion.factor());
        v.check(conversion.factor() == null || conversion.factor().signum() > 0, "factor", "must be greater than 0");
        v.check(conversion.from() == null || !conversion.from().equals(conversion.to()), "to", "must differ from 'from'");
        v.throwIfAny();
        return jpa.txExpr(TransactionType.Required, em -> {
            for (String field : List.of("from", "to")) {
                String code = field.equals("from") ? conversion.from() : conversion.to();
                if (em.find(UnitEntity.class, code) == null) {
                    throw new ValidationException(field, "unknown unit " + code);
                }
            }
            if (new UnitGraph(conversions()).factor(conversion.from(), conversion.to()).isPresent()) {
                throw new ConflictException("A conversion between " + conversion.from() + " and " + conversion.to() + " already exists");
            }
            UnitConversionEntity e = new UnitConversionEntity();
            e.fromUnit = conversion.from();
            e.toUnit = conversion.to();
            e.factor = conversion.factor();
            em.persist(e);
            changes.written("core.unit-conversion", e.fromUnit + "-" + e.toUnit, "created", null, conversion,
                java.util.Map.of("from", e.fromUnit, "to", e.toUnit, "factor", e.factor.toPlainString()));
            return conversion;
        });
    }

    @Override
    public BigDecimal convert(BigDecimal quantity, String from, String to) {
        Violations v = new Violations();
        v.require("quantity", quantity).require("from", from).require("to", to).throwIfAny();
        get(from);
        UnitDTO target = get(to);
        BigDecimal factor = new UnitGraph(conversions()).factor(from, to)
            .orElseThrow(() -> new ValidationException("to", "no conversion from " + from + " to " + to));
        return quantity.multiply(factor).setScale(target.decimals(), RoundingMode.HALF_UP);
    }

    private static UnitDTO toDto(UnitEntity e) {
        return new UnitDTO(e.code, e.name, e.decimals);
    }
}
