package io.kovan.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.service.jaxrs.runtime.JaxrsServiceRuntime;
import org.osgi.service.jaxrs.runtime.dto.ApplicationDTO;
import org.osgi.service.jaxrs.runtime.dto.ResourceDTO;
import org.osgi.service.jaxrs.runtime.dto.ResourceMethodInfoDTO;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code /api/openapi.json} lists exactly the operations the JAX-RS whiteboard has registered,
 * as its runtime reports them, with and without a module installed.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class OpenApiIT extends KovanTestSupport {

    @Test
    public void theDocumentListsExactlyTheRegisteredResources() throws Exception {
        assertMatchesRuntime();
        assertFalse(documented().stream().anyMatch(op -> op.contains("/api/sample/")));

        installModule("kovan-sample", "/api/sample/notes");
        Set<String> withSample = assertMatchesRuntime();
        assertTrue(withSample.toString(), withSample.contains("POST /api/sample/notes"));

        console("feature:uninstall kovan-sample");
        awaitStatus("/api/sample/notes", 404);
        assertFalse(assertMatchesRuntime().stream().anyMatch(op -> op.contains("/api/sample/")));
    }

    @Test
    public void theDocumentIsPublicAndWellFormed() throws Exception {
        Reply reply = send("GET", "/api/openapi.json", null, null, null);
        assertEquals(200, reply.status());
        JsonNode doc = reply.json();
        assertTrue(doc.get("openapi").asText().startsWith("3."));
        Set<String> ids = new TreeSet<>();
        int operations = 0;
        for (Iterator<JsonNode> paths = doc.get("paths").elements(); paths.hasNext();) {
            for (Iterator<JsonNode> ops = paths.next().elements(); ops.hasNext();) {
                JsonNode op = ops.next();
                ids.add(op.get("operationId").asText());
                operations++;
                assertEquals("#/components/schemas/ProblemDTO",
                    op.get("responses").get("400").get("content").get("application/problem+json").get("schema").get("$ref").asText());
            }
        }
        assertEquals("operation ids are unique", operations, ids.size());
        doc.findValues("$ref").forEach(ref -> assertTrue("dangling " + ref,
            doc.get("components").get("schemas").has(ref.asText().replace("#/components/schemas/", ""))));
    }

    @Test
    public void theRestGuideListsExactlyTheKernelsOperations() throws Exception {
        String guide = java.nio.file.Files.readString(java.nio.file.Path.of(System.getProperty("kovan.root"), "docs", "rest-guide.md"));
        Set<String> listed = new TreeSet<>();
        java.util.regex.Matcher rows = java.util.regex.Pattern.compile("(?m)^\\| (GET|POST|PUT|DELETE) \\| `(/api/core/[^`]*)` \\|").matcher(guide);
        while (rows.find()) {
            listed.add(rows.group(1) + " " + rows.group(2));
        }
        Set<String> kernel = new TreeSet<>();
        documented().stream().filter(op -> op.contains(" /api/core/")).forEach(kernel::add);
        assertEquals("docs/rest-guide.md's table against /api/openapi.json", kernel, listed);
    }

    private Set<String> assertMatchesRuntime() throws Exception {
        Set<String> registered = registered();
        Set<String> documented = documented();
        assertTrue("the kernel's resources are registered: " + registered, registered.contains("GET /api/core/parties"));
        assertEquals(registered, documented);
        return documented;
    }

    /** "METHOD /path" for every resource method of every Kovan application, from the whiteboard's runtime DTO. */
    private Set<String> registered() throws Exception {
        Set<String> operations = new TreeSet<>();
        for (ApplicationDTO app : service(JaxrsServiceRuntime.class).getRuntimeDTO().applicationDTOs) {
            String base = "/" + app.base.replaceAll("^/+|/+$", "");
            if (!base.startsWith("/api/")) {
                continue;
            }
            for (ResourceDTO resource : app.resourceDTOs) {
                for (ResourceMethodInfoDTO method : resource.resourceMethods) {
                    operations.add(method.method + " " + (base + "/" + method.path).replaceAll("/+", "/").replaceAll("/$", ""));
                }
            }
        }
        return operations;
    }

    private Set<String> documented() throws Exception {
        Set<String> operations = new TreeSet<>();
        JsonNode paths = send("GET", "/api/openapi.json", null, null, null).json().get("paths");
        paths.fieldNames().forEachRemaining(path -> paths.get(path).fieldNames()
            .forEachRemaining(method -> operations.add(method.toUpperCase(Locale.ROOT) + " " + path)));
        return operations;
    }
}
