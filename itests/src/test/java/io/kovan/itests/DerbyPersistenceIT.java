package io.kovan.itests;

import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/** The persistence contract on the default embedded Derby. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DerbyPersistenceIT extends PersistenceContract {
}
