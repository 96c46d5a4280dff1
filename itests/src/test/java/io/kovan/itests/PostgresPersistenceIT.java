package io.kovan.itests;

import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.Assume;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The persistence contract on PostgreSQL at 127.0.0.1:5432, in a database of its own that is
 * created before the container boots and dropped when the test JVM ends. Where no PostgreSQL
 * answers, every test is skipped with a loud message.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PostgresPersistenceIT extends PersistenceContract {

    static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    static final String USER = System.getProperty("kovan.itest.pg.user", "postgres");

    @Override
    @Configuration
    public Option[] config() {
        return baseConfig(databaseOptions("persistence")).toArray(Option[]::new);
    }

    /**
     * Options that move a container onto a new database of its own (dropped when the test JVM
     * ends), or, where no PostgreSQL answers, mark it absent (see {@link #present()}) and say so loudly.
     */
    static List<Option> databaseOptions(String tests) {
        List<Option> extra = new ArrayList<>();
        String database = "kovan_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", USER, "");
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            System.out.println("\n*** PostgreSQL is not reachable at 127.0.0.1:5432 (" + e.getMessage()
                + "): SKIPPING the PostgreSQL " + tests + " tests ***\n");
            extra.add(systemProperty("kovan.itest.postgres").value("absent"));
            return extra;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(database)));
        System.out.println("PostgreSQL " + tests + " tests use the database " + database);
        extra.add(systemProperty("kovan.itest.postgres").value(database));
        extra.add(editConfigurationFilePut("etc/org.ops4j.datasource-kovan.cfg", "url", SERVER + database));
        extra.add(editConfigurationFilePut("etc/org.ops4j.datasource-kovan.cfg", "osgi.jdbc.driver.name", "PostgreSQL JDBC Driver"));
        extra.add(editConfigurationFilePut("etc/org.ops4j.datasource-kovan.cfg", "user", USER));
        extra.add(editConfigurationFilePut("etc/org.ops4j.datasource-kovan.cfg", "password", ""));
        return extra;
    }

    /** Inside the container: whether it runs on PostgreSQL; a skipped test says so loudly. */
    static boolean present() {
        boolean present = !"absent".equals(System.getProperty("kovan.itest.postgres"));
        if (!present) {
            System.out.println("*** SKIPPED: no PostgreSQL at 127.0.0.1:5432 ***");
        }
        return present;
    }

    @Override
    protected void assumeDatabase() {
        Assume.assumeTrue("PostgreSQL is not reachable at 127.0.0.1:5432", present());
    }

    private static void drop(String database) {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", USER, "");
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        } catch (SQLException e) {
            System.out.println("Could not drop the test database " + database + ": " + e.getMessage());
        }
    }
}
