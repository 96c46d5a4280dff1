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
 * {@link FinanceIT} again on PostgreSQL at 127.0.0.1:5432, in a database of its own: the same figures and
 * races on the production database (its row locks, FOR SHARE on periods). Skipped, loudly, where no PostgreSQL answers.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FinancePostgresIT extends FinanceIT {

    @Override
    @Configuration
    public Option[] config() {
        return baseConfig(PostgresPersistenceIT.databaseOptions("FINANCE")).toArray(Option[]::new);
    }

    @Before
    public void onPostgres() {
        Assume.assumeTrue("PostgreSQL is not reachable at 127.0.0.1:5432", PostgresPersistenceIT.present());
    }
}
