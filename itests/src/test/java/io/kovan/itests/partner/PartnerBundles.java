package io.kovan.itests.partner;

import static org.ops4j.pax.exam.CoreOptions.streamBundle;

import org.ops4j.pax.exam.Option;
import org.ops4j.pax.tinybundles.core.TinyBundles;
import org.osgi.framework.Constants;

/**
 * Packs a partner's guard into a bundle of its own, in the test driver (TinyBundles is not in the
 * container, so this class is kept apart from the test classes that run there).
 */
public final class PartnerBundles {

    private PartnerBundles() {
    }

    public static Option partner(String name, Class<?> activator) {
        return streamBundle(TinyBundles.bundle()
            .add(activator)
            .add(PartnerGuards.class)
            .add(PartnerGuards.class.getName().replace('.', '/') + "$Partner.class",
                PartnerGuards.class.getResource("PartnerGuards$Partner.class"))
            .set(Constants.BUNDLE_SYMBOLICNAME, "io.kovan.itests.partner." + name)
            .set(Constants.BUNDLE_ACTIVATOR, activator.getName())
            .set("-exportcontents", "")
            .build(TinyBundles.withBnd()));
    }
}
