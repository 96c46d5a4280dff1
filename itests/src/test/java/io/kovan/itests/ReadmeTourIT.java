package io.kovan.itests;

import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.After;
import org.junit.Test;

/**
 * Runs the README's five-minute tour exactly as written, through the real {@code ./kovan} script
 * and the distribution's own start scripts: the README stays true, and the offline boot, the
 * port variables and the console over SSH are exercised on the way.
 */
public class ReadmeTourIT {

    private KovanScript script;

    @Test
    public void theTourRunsAsWritten() throws Exception {
        script = new KovanScript("tour-var");
        String readme = Files.readString(script.root.resolve("README.md"), StandardCharsets.UTF_8);
        int section = readme.indexOf("## A five-minute tour");
        int start = readme.indexOf("```bash\n", section) + "```bash\n".length();
        String tour = readme.substring(start, readme.indexOf("```", start));
        assertTrue(tour, tour.contains("./kovan start") && tour.contains("./kovan stop"));

        Path file = Files.createDirectories(Path.of("target")).resolve("tour.sh");
        Files.writeString(file, "set -e\n" + tour, StandardCharsets.UTF_8);
        String output = script.run(List.of("bash", file.toAbsolutePath().toString()), 600);

        assertTrue(output, output.contains("\n401\n"));
        assertTrue(output, output.contains("\"openapi\""));
        assertTrue(output, output.contains("\"total\":1,"));
        assertTrue(output, output.contains("\"field\":\"taxNumber\""));
        assertTrue(output, output.contains("\"code\":\"C-000002\""));
        assertTrue("the new customer's timeline: " + output, output.contains("\"title\":\"Party created\""));
        assertTrue(output, output.contains("\"result\":2500"));
        assertTrue(output, output.contains("\"result\":3425.00"));
        assertTrue(output, output.matches("(?s).*core +\\| .*\\| core-\\d{3}-[a-z-]+ +\\| CURRENT .*"));
        assertTrue(output, output.contains("Acme Makina A.Ş."));
        assertTrue("the sample module was listed once installed: " + output, output.matches("(?s).*sample +\\| .*\\| sample-\\d{3}-[a-z-]+ +\\| CURRENT .*"));
        assertTrue("the lead became an opportunity: " + output, output.matches("(?s).*\"number\":\"OPP-\\d{4}-000001\".*"));
        assertTrue("the opportunity moved to proposal: " + output, output.contains("\"stage\":\"proposal\",\"probability\":50.00"));
        assertTrue("the funnel weighs it at 50 %: " + output, output.contains("weighted pipeline 60000.00 TRY"));
        assertTrue("the quote shows the stock and the margin: " + output, output.contains("\"availableToPromise\":20.000")
            && output.contains("\"totalMargin\":2804.00"));
        assertTrue("the order reserved the valves: " + output, output.matches("(?s).*\"number\":\"SO-\\d{4}-000001\",\"state\":\"confirmed\".*"));
        assertTrue("the console shows 8 of 20 reserved: " + output, output.matches("(?s).*VLV-100 .*\\| +20 +\\| +8 +\\| +12 +\\|.*"));
        assertTrue("the shipment was invoiced: " + output, output.matches("(?s).*\"number\":\"INV-\\d{4}-000001\".*\"total\":12004.80,.*"));
        assertTrue("the collection settled it: " + output, output.contains("\"allocatedAmount\":12004.80,\"unallocatedAmount\":0.00"));
        assertTrue("the books balance: " + output, output.contains(", TRY, balanced"));
        assertTrue(output, output.contains("kovan: stopped"));
    }

    @After
    public void stopWhateverIsLeft() throws Exception {
        if (script != null) {
            script.kovan("stop");
        }
    }
}
