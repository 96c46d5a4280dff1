package io.kovan.itests;

import org.junit.Assume;
import org.junit.Before;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The reliability suite's load scenarios on PostgreSQL at 127.0.0.1:5432, in a database of its
 * own. Skipped, loudly, where no PostgreSQL answers.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ReliabilityPostgresIT extends ReliabilityIT {

    @Override
    @Configuration
    public Option[] config() {
        return baseConfig(PostgresPersistenceIT.databaseOptions("reliability")).toArray(Option[]::new);
    }

    @Before
    public void onPostgres() {
        Assume.assumeTrue("PostgreSQL is not reachable at 127.0.0.1:5432", PostgresPersistenceIT.present());
    }

    @Override
    protected String database() {
        return "PostgreSQL";
    }
}
