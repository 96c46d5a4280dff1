package io.kovan.kernel.impl.rest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.JaxrsWhiteboardConstants;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import io.kovan.kernel.api.rest.KovanRest;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.jaxrs2.Reader;
import io.swagger.v3.oas.integration.SwaggerConfiguration;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * {@code GET /api/openapi.json}: the OpenAPI 3 document of every installed Kovan application,
 * built on each request by swagger-core from the resources registered right now, so it follows
 * modules as they come and go.
 */
@Component(service = OpenApiResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=" + OpenApiApplication.NAME + ")")
@Path("openapi.json")
public class OpenApiResource {

    private final BundleContext context;

    @Activate
    public OpenApiResource(BundleContext context) {
        this.context = context;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String document() throws InvalidSyntaxException {
        OpenAPI api = new OpenAPI()
            .info(new Info().title("Kovan API").version(context.getBundle().getVersion().toString())
                .description("Every installed Kovan module's REST resources. All paths need HTTP Basic credentials; errors are RFC 9457 problem+json."))
            .components(new Components().addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
            .addSecurityItem(new SecurityRequirement().addList("basic"))
            .paths(new Paths());
        Map<String, io.swagger.v3.oas.models.PathItem> paths = new TreeMap<>();
        for (ServiceReference<?> application : sorted(context.getServiceReferences(javax.ws.rs.core.Application.class.getName(),
            KovanRest.ALL_APPLICATIONS))) {
            String base = "/" + String.valueOf(application.getProperty(JaxrsWhiteboardConstants.JAX_RS_APPLICATION_BASE)).replaceAll("^/+|/+$", "");
            OpenAPI part = new Reader(new SwaggerConfiguration().openAPI(new OpenAPI())).read(resourceClasses(application));
            String module = String.valueOf(application.getProperty(JaxrsWhiteboardConstants.JAX_RS_NAME)).replaceFirst("^kovan\\.", "");
            if (part.getPaths() != null) {
                part.getPaths().forEach((path, item) -> paths.put(base + path, describe(module, base + path, item)));
            }
            if (part.getComponents() != null && part.getComponents().getSchemas() != null) {
                part.getComponents().getSchemas().forEach(api.getComponents()::addSchemas);
            }
        }
        paths.forEach(api.getPaths()::addPathItem);
        io.swagger.v3.core.converter.ModelConverters.getInstance().readAll(ProblemDTO.class).forEach(api.getComponents()::addSchemas);
        return Json.pretty(api);
    }

    /**
     * Gives each operation a unique id ({@code getCorePartiesById}), the module as tag, and the
     * problem responses every Kovan operation can give.
     */
    private static io.swagger.v3.oas.models.PathItem describe(String module, String path, io.swagger.v3.oas.models.PathItem item) {
        item.readOperationsMap().forEach((method, operation) -> {
            StringBuilder id = new StringBuilder(method.name().toLowerCase(java.util.Locale.ROOT));
            for (String segment : path.substring("/api/".length()).split("/")) {
                boolean variable = segment.startsWith("{");
                String word = variable ? segment.substring(1, segment.length() - 1) : segment;
                StringBuilder camel = new StringBuilder(variable ? "By" : "");
                for (String piece : word.split("[^A-Za-z0-9]+")) {
                    if (!piece.isEmpty()) {
                        camel.append(Character.toUpperCase(piece.charAt(0))).append(piece.substring(1));
                    }
                }
                id.append(camel);
            }
            operation.setOperationId(id.toString());
            operation.setTags(List.of(module));
            io.swagger.v3.oas.models.media.Content problem = new io.swagger.v3.oas.models.media.Content().addMediaType(KovanRest.PROBLEM_JSON,
                new io.swagger.v3.oas.models.media.MediaType().schema(new io.swagger.v3.oas.models.media.Schema<>().$ref("#/components/schemas/ProblemDTO")));
            for (String[] status : new String[][] {{"400", "Invalid input (the problem names the field)"}, {"401", "No or wrong credentials"},
                {"404", "No such record"}, {"409", "Conflict with the current state (duplicate, stale version)"}}) {
                operation.getResponses().addApiResponse(status[0], new io.swagger.v3.oas.models.responses.ApiResponse().description(status[1]).content(problem));
            }
        });
        return item;
    }

    /** The classes of the resources that select this application. */
    private Set<Class<?>> resourceClasses(ServiceReference<?> application) throws InvalidSyntaxException {
        Set<Class<?>> classes = new LinkedHashSet<>();
        ServiceReference<?>[] resources = context.getAllServiceReferences(null, "(" + JaxrsWhiteboardConstants.JAX_RS_RESOURCE + "=true)");
        for (ServiceReference<?> resource : resources == null ? new ServiceReference<?>[0] : resources) {
            Object select = resource.getProperty(JaxrsWhiteboardConstants.JAX_RS_APPLICATION_SELECT);
            if (select == null) {
                continue;
            }
            Filter filter = FrameworkUtil.createFilter(select.toString());
            if (filter.match(application)) {
                Object service = context.getService(resource);
                if (service != null) {
                    try {
                        classes.add(service.getClass());
                    } finally {
                        context.ungetService(resource);
                    }
                }
            }
        }
        return classes;
    }

    private static List<ServiceReference<?>> sorted(ServiceReference<?>[] refs) {
        List<ServiceReference<?>> list = new ArrayList<>(refs == null ? List.of() : List.of(refs));
        list.sort(Comparator.comparing(r -> String.valueOf(r.getProperty(JaxrsWhiteboardConstants.JAX_RS_APPLICATION_BASE))));
        return list;
    }
}
