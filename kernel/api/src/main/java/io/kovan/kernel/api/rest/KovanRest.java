package io.kovan.kernel.api.rest;

/**
 * How a module's JAX-RS application gets the kernel's JSON, problem+json error and
 * authentication extensions: register the {@code javax.ws.rs.core.Application} service with
 * {@link #APPLICATION_PROPERTY}{@code =true} and base {@code api/<module>}, and select it from
 * the module's resources by name.
 *
 * <pre>
 * &#64;Component(service = Application.class, property = KovanRest.APPLICATION_PROPERTY + "=true")
 * &#64;JaxrsApplicationBase("api/crm") &#64;JaxrsName("kovan.crm")
 * public class CrmApplication extends Application {}
 * </pre>
 *
 * @since 1.0
 */
public final class KovanRest {

    /** Service property marking an application as a Kovan module's application. */
    public static final String APPLICATION_PROPERTY = "kovan.api";

    /** Filter selecting every Kovan application; the kernel's extensions use it. */
    public static final String ALL_APPLICATIONS = "(" + APPLICATION_PROPERTY + "=true)";

    /** The media type of error bodies (RFC 9457). */
    public static final String PROBLEM_JSON = "application/problem+json";

    private KovanRest() {
    }
}
