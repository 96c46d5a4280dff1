package io.kovan.itests;

import static org.junit.Assert.assertEquals;

import java.net.http.HttpResponse;

import org.junit.After;
import org.junit.Test;

/** Two instances side by side on one machine: own ports (from the environment), own data. */
public class TwoInstancesIT {

    private KovanScript first;
    private KovanScript second;

    @Test
    public void twoInstancesRunSideBySideWithTheirOwnData() throws Exception {
        first = new KovanScript("instance-a");
        second = new KovanScript("instance-b");
        first.environment.put("KOVAN_ADMIN_PASSWORD", "first-Secret");
        second.environment.put("KOVAN_ADMIN_PASSWORD", "second-Secret");
        first.kovan("start");
        second.kovan("start");

        assertEquals(201, call(first, "first-Secret", "POST", "{\"kind\":\"ORGANIZATION\",\"name\":\"Only In A\"}").statusCode());
        assertEquals(1, count(first, "first-Secret"));
        assertEquals("the second instance has its own database", 0, count(second, "second-Secret"));
        assertEquals("and its own admin password", 401, call(second, "first-Secret", "GET", null).statusCode());
    }

    private long count(KovanScript instance, String password) throws Exception {
        HttpResponse<String> reply = call(instance, password, "GET", null);
        assertEquals(reply.body(), 200, reply.statusCode());
        return KovanTestSupport.JSON.readTree(reply.body()).get("total").asLong();
    }

    /** GET searches for the party; POST creates one. */
    private HttpResponse<String> call(KovanScript instance, String password, String method, String body) throws Exception {
        return instance.call(password, method, "/api/core/parties" + (body == null ? "?q=only%20in" : ""), body);
    }

    @After
    public void stop() throws Exception {
        for (KovanScript instance : new KovanScript[] {first, second}) {
            if (instance != null) {
                instance.kovan("stop");
            }
        }
    }
}
