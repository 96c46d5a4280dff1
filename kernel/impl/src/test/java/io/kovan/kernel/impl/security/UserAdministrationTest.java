package io.kovan.kernel.impl.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.Map;

import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.AppConfigurationEntry.LoginModuleControlFlag;

import org.apache.karaf.jaas.boot.ProxyLoginModule;
import org.apache.karaf.jaas.modules.properties.PropertiesLoginModule;
import org.apache.karaf.jaas.modules.publickey.PublickeyLoginModule;
import org.junit.jupiter.api.Test;

class UserAdministrationTest {

    @Test
    void findsTheUsersFileBehindKarafsProxyEntry() {
        // As Karaf's realm configuration registers each module (org.apache.karaf.jaas.config.impl.Config).
        AppConfigurationEntry proxied = new AppConfigurationEntry(ProxyLoginModule.class.getName(), LoginModuleControlFlag.SUFFICIENT,
            Map.of(ProxyLoginModule.PROPERTY_MODULE, PropertiesLoginModule.class.getName(), ProxyLoginModule.PROPERTY_BUNDLE, "42",
                "users", "/opt/kovan/etc/users.properties"));
        assertEquals(Path.of("/opt/kovan/etc/users.properties"), UserAdministration.usersFile(proxied));
    }

    @Test
    void findsTheUsersFileOfAnEntryNamingThePropertiesModuleItself() {
        AppConfigurationEntry direct = new AppConfigurationEntry(PropertiesLoginModule.class.getName(), LoginModuleControlFlag.REQUIRED,
            Map.of("users", "etc/users.properties"));
        assertEquals(Path.of("etc/users.properties"), UserAdministration.usersFile(direct));
    }

    @Test
    void otherModulesHaveNoUsersFile() {
        AppConfigurationEntry keys = new AppConfigurationEntry(ProxyLoginModule.class.getName(), LoginModuleControlFlag.SUFFICIENT,
            Map.of(ProxyLoginModule.PROPERTY_MODULE, PublickeyLoginModule.class.getName(), "users", "etc/keys.properties"));
        assertNull(UserAdministration.usersFile(keys));
        AppConfigurationEntry noFile = new AppConfigurationEntry(ProxyLoginModule.class.getName(), LoginModuleControlFlag.SUFFICIENT,
            Map.of(ProxyLoginModule.PROPERTY_MODULE, PropertiesLoginModule.class.getName()));
        assertNull(UserAdministration.usersFile(noFile));
    }
}
