package io.kovan.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.vmOption;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.PrivilegedExceptionAction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.inject.Inject;
import javax.security.auth.Subject;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Before;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.KarafDistributionOption;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.osgi.framework.BundleContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Boots the built distribution (target of the {@code distribution} module) once per test class,
 * on free ports, with a known admin password, and offers REST and console helpers. Tests run
 * inside the container; REST calls go over real HTTP with Basic authentication.
 */
public abstract class KovanTestSupport {

    protected static final String ADMIN_PASSWORD = "itest-Secret-1";
    protected static final ObjectMapper JSON = new ObjectMapper()
        .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .setNodeFactory(com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true));

    @Inject
    protected BundleContext bundleContext;

    @Inject
    protected SessionFactory sessionFactory;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Configuration
    public Option[] config() {
        return baseConfig(new ArrayList<>()).toArray(Option[]::new);
    }

    /** The container options every Kovan test shares; subclasses add theirs (a database, say). */
    protected List<Option> baseConfig(List<Option> extra) {
        // The reactor's own build of the distribution: `mvn verify` does not install it anywhere.
        String kovan = new File(System.getProperty("kovan.distribution")).toURI().toString();
        String repo = System.getProperty("maven.repo.local", System.getProperty("user.home") + "/.m2/repository");
        String karafVersion = "4.4.8";
        List<Option> options = new ArrayList<>(List.of(
            karafDistributionConfiguration().frameworkUrl(kovan).name("Kovan").unpackDirectory(new File("target/exam")).useDeployFolder(false),
            configureConsole().ignoreLocalConsole().ignoreRemoteShell(),
            logLevel(LogLevel.WARN),
            editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", String.valueOf(freePort())),
            editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", String.valueOf(freePort())),
            // The distribution itself needs no repository; Pax Exam's own bundles come from the build's
            // local repository, or from Maven Central on a machine that has not fetched them yet.
            editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository", repo),
            editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.repositories",
                "https://repo.maven.apache.org/maven2@id=central"),
            editConfigurationFilePut("etc/custom.system.properties", "kovan.admin.password", ADMIN_PASSWORD),
            systemProperty("pax.exam.osgi.unresolved.fail").value("true"),
            // Where the checkout is, for tests that hold the docs against the running system.
            systemProperty("kovan.root").value(System.getProperty("kovan.root", new File("..").getAbsolutePath())),
            // What Karaf's bin/karaf adds on Java 9+ (Pax Exam builds its own command line).
            vmOption("--add-reads=java.xml=java.logging"),
            vmOption("--add-exports=java.base/org.apache.karaf.specs.locator=java.xml,ALL-UNNAMED"),
            vmOption("--patch-module"), vmOption("java.base=lib/endorsed/org.apache.karaf.specs.locator-" + karafVersion + ".jar"),
            vmOption("--patch-module"), vmOption("java.xml=lib/endorsed/org.apache.karaf.specs.java.xml-" + karafVersion + ".jar"),
            vmOption("--add-opens"), vmOption("java.base/java.security=ALL-UNNAMED"),
            vmOption("--add-opens"), vmOption("java.base/java.net=ALL-UNNAMED"),
            vmOption("--add-opens"), vmOption("java.base/java.lang=ALL-UNNAMED"),
            vmOption("--add-opens"), vmOption("java.base/java.util=ALL-UNNAMED"),
            vmOption("--add-opens"), vmOption("java.naming/javax.naming.spi=ALL-UNNAMED"),
            vmOption("--add-opens"), vmOption("java.rmi/sun.rmi.transport.tcp=ALL-UNNAMED"),
            vmOption("--add-exports=java.base/sun.net.www.protocol.file=ALL-UNNAMED"),
            vmOption("--add-exports=java.base/sun.net.www.protocol.http=ALL-UNNAMED"),
            vmOption("--add-exports=java.base/sun.net.www.protocol.https=ALL-UNNAMED"),
            vmOption("--add-exports=java.base/sun.net.www.protocol.jar=ALL-UNNAMED"),
            vmOption("--add-exports=java.base/sun.net.www.content.text=ALL-UNNAMED"),
            vmOption("--add-exports=jdk.xml.dom/org.w3c.dom.html=ALL-UNNAMED"),
            vmOption("--add-exports=jdk.naming.rmi/com.sun.jndi.url.rmi=ALL-UNNAMED"),
            vmOption("-Djdk.util.zip.disableZip64ExtraFieldValidation=true"),
            vmOption("-Xmx1g"),
            // A test container lives a minute: the C2 compiler would spend a core on code that never gets hot
            // (CoreRestIT: 21 s with it, 16 s without, on 2 cores). The benchmark keeps the default JIT.
            vmOption("-XX:TieredStopAtLevel=1"),
            vmOption("-classpath"), vmOption("lib/jdk9plus/*" + File.pathSeparator + "lib/boot/*")));
        if (Boolean.getBoolean("kovan.itest.keep")) {
            // -Dkovan.itest.keep=true keeps target/exam/<run>/ (its data/log/karaf.log) for a post-mortem.
            options.add(KarafDistributionOption.keepRuntimeFolder());
        }
        options.addAll(extra);
        return options;
    }

    @Before
    public void waitForRest() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (get("/api/core/companies").status() == 200 && consoleReady()) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        fail("REST did not answer 200 on /api/core/companies, or the kernel's commands were not there, within 90 s");
    }

    /** The kernel's console commands are registered a moment after its REST resources, by Karaf's command extender. */
    private boolean consoleReady() throws Exception {
        try {
            console("kovan:modules");
            return true;
        } catch (Exception e) {
            if (e.getClass().getSimpleName().equals("CommandNotFoundException")) {
                return false;
            }
            throw e;
        }
    }

    /** A REST answer: status, Content-Type and body. */
    public record Reply(int status, String contentType, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }


    protected Reply get(String path) throws IOException, InterruptedException {
        return send("GET", path, null, "admin", ADMIN_PASSWORD);
    }

    protected Reply post(String path, String body) throws IOException, InterruptedException {
        return send("POST", path, body, "admin", ADMIN_PASSWORD);
    }

    protected Reply put(String path, String body) throws IOException, InterruptedException {
        return send("PUT", path, body, "admin", ADMIN_PASSWORD);
    }

    protected Reply send(String method, String path, String body, String user, String password) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + restPort() + path))
            .timeout(Duration.ofSeconds(30))
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
    }

    /**
     * What the kernel and the realm's file say of a user and the roles, for the message of a failed
     * permission check: whether the user's roles or the roles' permissions went missing.
     */
    protected String securityState(String user) throws IOException, InterruptedException {
        String line = java.nio.file.Files.readAllLines(java.nio.file.Path.of(System.getProperty("karaf.etc"), "users.properties")).stream()
            .filter(l -> l.startsWith(user + " ") || l.startsWith(user + "=")).map(l -> l.replaceAll("\\{CRYPT\\}.*\\{CRYPT\\}", "{CRYPT}…"))
            .findFirst().orElse("(no line)");
        return "\n users.properties: " + line + "\n GET user: " + get("/api/core/users/" + user).body() + "\n GET roles: "
            + get("/api/core/roles").body();
    }

    /** The port Pax Web listens on, read from its configuration inside the container. */
    protected int restPort() throws IOException {
        java.util.Properties web = new java.util.Properties();
        try (var in = java.nio.file.Files.newInputStream(java.nio.file.Path.of(System.getProperty("karaf.etc"), "org.ops4j.pax.web.cfg"))) {
            web.load(in);
        }
        return Integer.parseInt(web.getProperty("org.osgi.service.http.port").strip());
    }

    /** Runs a console command as the admin user, returning what it printed; its exception is rethrown. */
    protected String console(String command) throws Exception {
        return consoleAs("admin", List.of("admin", "manager", "viewer", "systembundles"), command);
    }

    /** Runs a console command as the given user with the given roles. */
    protected String consoleAs(String user, List<String> roles, String command) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Session session = sessionFactory.create(System.in, out, out);
        Subject subject = new Subject();
        subject.getPrincipals().add(new UserPrincipal(user));
        for (String role : roles) {
            subject.getPrincipals().add(new RolePrincipal(role));
        }
        try {
            Subject.doAs(subject, (PrivilegedExceptionAction<Object>) () -> session.execute(command));
        } catch (java.security.PrivilegedActionException e) {
            throw e.getException();
        } finally {
            out.flush();
            session.close();
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Waits up to 30 s for a service, as modules may still be starting. */
    protected <T> T service(Class<T> type) throws InterruptedException {
        org.osgi.util.tracker.ServiceTracker<T, T> tracker = new org.osgi.util.tracker.ServiceTracker<>(bundleContext, type, null);
        tracker.open();
        T service = tracker.waitForService(30_000);
        if (service == null) {
            throw new AssertionError("no " + type.getName() + " service within 30 s");
        }
        return service;
    }

    /** Kovan's one DataSource, for tests that read or tamper with rows behind the services' backs. */
    protected javax.sql.DataSource dataSource() throws Exception {
        return (javax.sql.DataSource) bundleContext.getService(bundleContext.getServiceReferences(javax.sql.DataSource.class,
            "(osgi.jndi.service.name=kovan)").iterator().next());
    }

    /** Runs one SQL update on Kovan's database in a transaction of its own; the rows it changed. */
    protected int sqlUpdate(String statement) throws Exception {
        try (java.sql.Connection c = dataSource().getConnection(); java.sql.Statement s = c.createStatement()) {
            return s.executeUpdate(statement);
        }
    }

    /** Work that may throw, for {@link #statusesWhile}. */
    @FunctionalInterface
    protected interface Work {
        void run() throws Exception;
    }

    /**
     * Calls {@code path} every 10 ms from another thread while {@code work} runs, and returns how
     * many calls got each status (-1 for a call that failed without one).
     */
    protected Map<Integer, Integer> statusesWhile(String path, Work work) throws Exception {
        List<Integer> statuses = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread client = new Thread(() -> {
            while (running.get()) {
                try {
                    statuses.add(get(path).status());
                    Thread.sleep(10);
                } catch (Exception e) {
                    statuses.add(-1);
                }
            }
        }, "client of " + path);
        client.start();
        try {
            work.run();
        } finally {
            running.set(false);
            client.join();
        }
        Map<Integer, Integer> histogram = new java.util.TreeMap<>();
        statuses.forEach(s -> histogram.merge(s, 1, Integer::sum));
        return histogram;
    }

    /** Installs a module feature as an administrator would, and waits until its REST path answers. */
    protected void installModule(String feature, String restProbe) throws Exception {
        console("feature:install " + feature);
        awaitStatus(restProbe, 200);
    }

    protected void awaitStatus(String path, int status) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        int last = -1;
        while (System.nanoTime() < deadline) {
            last = get(path).status();
            if (last == status) {
                return;
            }
            Thread.sleep(100);
        }
        fail(path + " answered " + last + ", not " + status + ", for 60 s");
    }

    /** The id of the last changeSet in a module bundle's own changelog (its Kovan-Changelog header). */
    protected String lastChangeSetOf(String symbolicName) throws IOException {
        org.osgi.framework.Bundle module = java.util.Arrays.stream(bundleContext.getBundles())
            .filter(b -> symbolicName.equals(b.getSymbolicName())).findFirst().orElseThrow();
        String changelog;
        try (java.io.InputStream in = module.getEntry(module.getHeaders().get("Kovan-Changelog")).openStream()) {
            changelog = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        java.util.regex.Matcher ids = java.util.regex.Pattern.compile("<changeSet id=\"([^\"]+)\"").matcher(changelog);
        String last = null;
        while (ids.find()) {
            last = ids.group(1);
        }
        if (last == null) {
            throw new AssertionError("no changeSet in the changelog of " + symbolicName);
        }
        return last;
    }

    protected static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The reply's body, after checking it is a 201. */
    protected static JsonNode created(Reply reply) {
        assertEquals(reply.body(), 201, reply.status());
        return reply.json();
    }

    /** The reply's body, after checking it is a 200. */
    protected static JsonNode ok(Reply reply) {
        assertEquals(reply.body(), 200, reply.status());
        return reply.json();
    }

    /** The field a problem names, or null. */
    protected static String fieldOf(Reply reply) {
        JsonNode field = reply.json().get("field");
        return field == null || field.isNull() ? null : field.asText();
    }

    /** The field a 400 problem names. */
    protected static String problemField(Reply reply) {
        assertEquals(reply.body(), 400, reply.status());
        return fieldOf(reply);
    }

    /**
     * Sends each {method, path, body, field} as admin and returns those not answered with a 400
     * problem naming {@code field} (any field when it is null): an empty list when all were.
     */
    protected List<String> wronglyAnswered(String[][] cases) throws Exception {
        List<String> wrong = new ArrayList<>();
        for (String[] c : cases) {
            Reply reply = send(c[0], c[1], c[2], "admin", ADMIN_PASSWORD);
            String field = reply.status() == 400 && reply.contentType().startsWith("application/problem+json") ? fieldOf(reply) : null;
            if (reply.status() != 400 || (c[3] != null && !c[3].equals(field))) {
                wrong.add(c[0] + " " + c[1] + " " + c[2] + " → " + reply.status() + " " + reply.body());
            }
        }
        return wrong;
    }

    /** The guide's endpoint table ({@code | METHOD | `path` |} rows) lists exactly what /api/openapi.json serves under {@code prefix}. */
    protected void assertGuideListsTheServedEndpoints(String guideFile, String prefix) throws Exception {
        String guide = java.nio.file.Files.readString(java.nio.file.Path.of(System.getProperty("kovan.root"), "docs", guideFile));
        java.util.Set<String> listed = new java.util.TreeSet<>();
        java.util.regex.Matcher rows = java.util.regex.Pattern.compile("(?m)^\\| (GET|POST|PUT|DELETE) \\| `(" + java.util.regex.Pattern.quote(prefix)
            + "[^`]*)` \\|").matcher(guide);
        while (rows.find()) {
            listed.add(rows.group(1) + " " + rows.group(2));
        }
        java.util.Set<String> served = new java.util.TreeSet<>();
        JsonNode paths = send("GET", "/api/openapi.json", null, null, null).json().get("paths");
        paths.fieldNames().forEachRemaining(path -> paths.get(path).fieldNames().forEachRemaining(method -> {
            if (path.startsWith(prefix)) {
                served.add(method.toUpperCase(java.util.Locale.ROOT) + " " + path);
            }
        }));
        assertEquals("docs/" + guideFile + " against /api/openapi.json", served, listed);
    }

    /** One client's call in a {@link #race}: client numbers run from 1. */
    @FunctionalInterface
    protected interface Call {
        int status(int client) throws Exception;
    }

    /** Starts {@code clients} calls at once, each on its own thread, and counts their statuses. */
    protected static Map<Integer, Integer> race(int clients, Call call) throws Exception {
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(clients);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(clients);
        try {
            List<java.util.concurrent.Future<Integer>> replies = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                int client = i + 1;
                replies.add(pool.submit(() -> {
                    start.await();
                    return call.status(client);
                }));
            }
            Map<Integer, Integer> statuses = new java.util.TreeMap<>();
            for (java.util.concurrent.Future<Integer> reply : replies) {
                statuses.merge(reply.get(), 1, Integer::sum);
            }
            return statuses;
        } finally {
            pool.shutdown();
        }
    }
}
