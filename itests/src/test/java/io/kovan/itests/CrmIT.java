package io.kovan.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The CRM module in a running distribution: hot install and removal, a lead-to-won scenario whose
 * reports are checked against figures worked out by hand, CSV import, record scopes and bad input.
 * Each test installs the module it needs; figures are kept apart by owner, source and campaign codes.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CrmIT extends KovanTestSupport {

    private static final String REP = "scn-rep";
    private static final String REP_PASSWORD = "scn-Rep-Secret-1";
    private static final String MANAGER = "scn-manager";
    private static final String MANAGER_PASSWORD = "scn-Manager-Secret-1";

    @Test
    public void installedUsedAndRemovedWhileTheKernelKeepsServing() throws Exception {
        Map<Integer, Integer> histogram = statusesWhile("/api/core/parties", () -> {
            installModule("kovan-crm", "/api/crm/stages");
            Reply lead = post("/api/crm/leads", "{\"contactName\":\"Hot Install\",\"source\":\"lifecycle\"}");
            assertEquals(lead.body(), 201, lead.status());
            String schema = lastChangeSetOf("io.kovan.crm.impl");
            assertTrue(console("kovan:modules").lines().anyMatch(l -> l.startsWith("crm ") && l.contains("/api/crm") && l.contains(schema)
                && l.contains("CURRENT")));
            assertTrue(console("crm:lead-list --owner admin").contains(lead.json().get("number").asText()));
            assertEquals(200, get("/api/core/workflows/crm.opportunity").status());
            console("feature:uninstall kovan-crm");
            awaitStatus("/api/crm/stages", 404);
            assertTrue("the module leaves the list of modules", console("kovan:modules").lines().noneMatch(l -> l.startsWith("crm ")));
            assertEquals("its workflows leave with it", 404, get("/api/core/workflows/crm.opportunity").status());
            installModule("kovan-crm", "/api/crm/stages");
            assertEquals(200, get("/api/core/workflows/crm.case").status());
            assertEquals("the data survives the module's removal", 1,
                get("/api/crm/leads?source=lifecycle").json().get("total").asInt());
        });
        int calls = histogram.values().stream().mapToInt(Integer::intValue).sum();
        // One install and removal can take under 2 s on PostgreSQL: 20 calls 10 ms apart still span it.
        assertTrue("too few calls to mean anything: " + histogram, calls >= 20);
        assertEquals("every kernel call while the CRM came and went: " + histogram, Map.of(200, calls), histogram);
    }

    @Test
    public void fromLeadToWonWithReportsMatchingFiguresWorkedOutByHand() throws Exception {
        installModule("kovan-crm", "/api/crm/stages");
        users();
        assertEquals(200, post("/api/core/currencies/rates", "{\"from\":\"USD\",\"to\":\"TRY\",\"date\":\"2026-01-01\",\"rate\":34.5}").status());
        long spring = created(post("/api/crm/campaigns", "{\"code\":\"SCN-SPRING\",\"name\":\"Spring fair\",\"type\":\"TRADE_SHOW\","
            + "\"budget\":7500,\"actualCost\":6000,\"currency\":\"TRY\"}")).get("id").asLong();
        long web = created(post("/api/crm/campaigns", "{\"code\":\"SCN-WEB\",\"name\":\"Web ads\",\"type\":\"ADVERTISING\",\"actualCost\":1000}"))
            .get("id").asLong();
        long team = created(post("/api/crm/teams", "{\"name\":\"Scenario team\",\"leader\":\"" + MANAGER + "\",\"members\":[\"" + REP + "\"]}"))
            .get("id").asLong();

        long l1 = lead("Ali Demir", "Demir Vana A.Ş.", "ali@demirvana.com.tr", "scn-fair", spring, 80);
        long l2 = lead("Berna Kaya", "Kaya Pompa Ltd.", "berna@kayapompa.com", "scn-fair", spring, 40);
        long l3 = lead("Cem Ak", "Ak Export", "cem@akexport.com", "scn-web", web, 60);
        long l4 = lead("Deniz Su", "Su Tesisat", null, "scn-web", null, 10);
        long l5 = lead("Ece Tan", null, "ece@example.com", "scn-referral", null, null);

        JsonNode qualified = ok(post("/api/crm/leads/" + l1 + "/qualify", "{\"reason\":\"budget confirmed\"}"));
        assertEquals("QUALIFIED", qualified.get("status").asText());
        JsonNode conversion = ok(post("/api/crm/leads/" + l1 + "/convert", "{\"customer\":true,\"expectedRevenue\":100000,\"currency\":\"TRY\","
            + "\"expectedCloseDate\":\"2026-12-31\",\"teamId\":" + team + "}"));
        long party = conversion.get("partyId").asLong();
        JsonNode customer = ok(get("/api/core/parties/" + party));
        assertEquals("Demir Vana A.Ş.", customer.get("name").asText());
        assertEquals("[\"CUSTOMER\"]", customer.get("roles").toString());
        assertEquals("Ali Demir", customer.get("contacts").get(0).get("name").asText());
        long o1 = conversion.get("opportunity").get("id").asLong();
        assertEquals(REP, conversion.get("opportunity").get("owner").asText());
        assertEquals(spring, conversion.get("opportunity").get("campaignId").asLong());
        assertEquals("a converted lead cannot be converted again", 409, post("/api/crm/leads/" + l1 + "/convert", "{}").status());
        for (String stage : List.of("qualified", "proposal", "negotiation")) {
            assertEquals(stage, ok(post("/api/crm/opportunities/" + o1 + "/stage", "{\"stage\":\"" + stage + "\"}")).get("stage").asText());
        }
        JsonNode won = ok(post("/api/crm/opportunities/" + o1 + "/stage", "{\"stage\":\"won\",\"comment\":\"signed\"}"));
        assertEquals(LocalDate.now(ZoneOffset.UTC).toString(), won.get("closedOn").asText());
        assertEquals(new BigDecimal("100000.00"), won.get("weightedRevenue").decimalValue());
        Reply reopen = post("/api/crm/opportunities/" + o1 + "/stage", "{\"stage\":\"proposal\"}");
        assertEquals("won is final: " + reopen.body(), 409, reopen.status());
        assertEquals("application/problem+json", reopen.contentType());
        JsonNode history = ok(get("/api/core/workflows/crm.opportunity/" + o1 + "/history"));
        assertEquals(4, history.size());
        assertEquals("signed", history.get(3).get("comment").asText());
        List<String> audited = new ArrayList<>();
        ok(get("/api/core/audit?entity=crm.opportunity&id=" + o1)).forEach(e -> audited.add(e.get("action").asText()));
        assertTrue("the kernel audits each transition and the flow link besides the module's own record: " + audited,
            audited.containsAll(List.of("created", "linked", "transition qualified", "transition won", "updated")));

        long o2 = ok(post("/api/crm/leads/" + l2 + "/convert", "{\"expectedRevenue\":40000}")).get("opportunity").get("id").asLong();
        ok(post("/api/crm/opportunities/" + o2 + "/stage", "{\"stage\":\"qualified\"}"));
        ok(post("/api/crm/opportunities/" + o2 + "/stage", "{\"stage\":\"proposal\"}"));
        assertEquals("lostReason", problemField(post("/api/crm/opportunities/" + o2 + "/stage", "{\"stage\":\"lost\"}")));
        ok(post("/api/crm/opportunities/" + o2 + "/stage", "{\"stage\":\"lost\",\"lostReason\":\"scn-price\"}"));

        JsonNode o3 = ok(post("/api/crm/leads/" + l3 + "/convert", "{\"expectedRevenue\":20000,\"currency\":\"USD\"}")).get("opportunity");
        ok(post("/api/crm/opportunities/" + o3.get("id").asLong() + "/stage", "{\"stage\":\"qualified\"}"));
        ok(post("/api/crm/opportunities/" + o3.get("id").asLong() + "/stage", "{\"stage\":\"proposal\"}"));
        assertEquals("a new party for a lead is a prospect", "[\"PROSPECT\"]",
            ok(get("/api/core/parties/" + o3.get("partyId").asLong())).get("roles").toString());

        assertEquals("DISQUALIFIED", ok(post("/api/crm/leads/" + l4 + "/disqualify", "{\"reason\":\"no budget\"}")).get("status").asText());
        created(post("/api/crm/opportunities", "{\"name\":\"Spare parts\",\"partyId\":" + party + ",\"expectedRevenue\":10000,\"owner\":\"" + REP
            + "\",\"source\":\"scn-direct\"}"));

        // Campaign members and responses.
        created(post("/api/crm/campaigns/" + spring + "/members", "{\"leadId\":" + l2 + "}"));
        long member = created(post("/api/crm/campaigns/" + spring + "/members", "{\"partyId\":" + party + "}")).get("id").asLong();
        assertEquals("adding a member twice changes nothing", member,
            created(post("/api/crm/campaigns/" + spring + "/members", "{\"partyId\":" + party + "}")).get("id").asLong());
        ok(post("/api/crm/campaigns/" + spring + "/members/" + member + "/respond", "{\"response\":\"visited our stand\"}"));

        // Activities: one overdue call, one meeting done, one task ahead.
        long call = created(post("/api/crm/activities", "{\"type\":\"CALL\",\"subject\":\"Follow-up call\",\"opportunityId\":" + o1
            + ",\"owner\":\"" + REP + "\",\"dueAt\":\"2026-01-05T09:00:00Z\"}")).get("id").asLong();
        JsonNode meeting = created(post("/api/crm/activities", "{\"type\":\"MEETING\",\"subject\":\"Site visit\",\"opportunityId\":" + o1
            + ",\"owner\":\"" + REP + "\"}"));
        assertEquals("an activity on an opportunity is on its party's timeline", party, meeting.get("partyId").asLong());
        ok(post("/api/crm/activities/" + meeting.get("id").asLong() + "/complete", "{\"outcome\":\"agreed on terms\"}"));
        created(post("/api/crm/activities", "{\"type\":\"TASK\",\"subject\":\"Send brochure\",\"leadId\":" + l5 + ",\"owner\":\"" + REP
            + "\",\"dueAt\":\"2099-01-01T09:00:00Z\"}"));
        assertTrue(ok(get("/api/crm/activities/" + call)).get("overdue").asBoolean());

        // A case, through its states.
        JsonNode supportCase = created(post("/api/crm/cases", "{\"partyId\":" + party + ",\"subject\":\"Valve leaks\",\"priority\":\"URGENT\","
            + "\"orderNumber\":\"SO-2026-000001\",\"owner\":\"" + REP + "\"}"));
        long caseId = supportCase.get("id").asLong();
        assertEquals("new", supportCase.get("state").asText());
        assertTrue(supportCase.get("number").asText().matches("CASE-\\d{4}-\\d{6}"));
        assertEquals(3600, java.time.Duration.between(java.time.Instant.parse(supportCase.get("createdAt").asText()),
            java.time.Instant.parse(supportCase.get("responseDueAt").asText())).toSeconds());
        for (String t : List.of("start", "wait", "resume", "resolve", "close", "reopen")) {
            ok(post("/api/crm/cases/" + caseId + "/transition", "{\"transition\":\"" + t + "\"}"));
        }
        JsonNode reopened = ok(get("/api/crm/cases/" + caseId));
        assertEquals("in-progress", reopened.get("state").asText());
        assertEquals(1, reopened.get("reopenCount").asInt());
        assertTrue(reopened.get("resolvedAt").isNull());
        assertTrue(!reopened.get("firstResponseAt").isNull() && !reopened.get("responseBreached").asBoolean());
        assertEquals(409, post("/api/crm/cases/" + caseId + "/transition", "{\"transition\":\"close\"}").status());

        // Funnel of the rep's opportunities: O1 won (reached negotiation), O2 lost (reached proposal),
        // O3 in proposal (20 000 USD at 34.5 = 690 000 TRY), O4 new.
        JsonNode funnel = ok(get("/api/crm/reports/funnel?owner=" + REP));
        assertEquals("TRY", funnel.get("currency").asText());
        assertEquals(4, funnel.get("opportunities").asInt());
        assertEquals(2, funnel.get("open").asInt());
        assertEquals(1, funnel.get("won").asInt());
        assertEquals(1, funnel.get("lost").asInt());
        assertEquals(new BigDecimal("100000.00"), funnel.get("wonValue").decimalValue());
        assertEquals(new BigDecimal("50.0"), funnel.get("winRate").decimalValue());
        assertEquals("10 % of 10 000 + 50 % of 690 000", new BigDecimal("346000.00"), funnel.get("weightedPipeline").decimalValue());
        assertEquals(List.of(
                "new 4 840000.00 1 10000.00 1000.00 75.0",
                "qualified 3 830000.00 0 0.00 0.00 100.0",
                "proposal 3 830000.00 1 690000.00 345000.00 33.3",
                "negotiation 1 100000.00 0 0.00 0.00 100.0",
                "won 1 100000.00 1 100000.00 100000.00 null",
                "lost 1 40000.00 1 40000.00 0.00 null"),
            stageLines(funnel));
        String printed = console("crm:funnel");
        assertTrue(printed, printed.contains("Negotiation") && printed.contains("weighted pipeline"));
        for (String chart : List.of("funnel.png?owner=" + REP, "pipeline.png?owner=" + REP)) {
            java.awt.image.BufferedImage image = png("/api/crm/reports/" + chart);
            assertEquals(chart, 800, image.getWidth());
            assertEquals(chart, 400, image.getHeight());
        }
        assertEquals("a chart's bad parameter is a problem too", 400, get("/api/crm/reports/funnel.png?from=never").status());
        String byOwnerTable = console("crm:report --by owner conversion");
        assertTrue(byOwnerTable, byOwnerTable.lines().anyMatch(l -> l.contains(REP) && l.contains("60.0 %") && l.contains("20.0 %")));
        assertTrue(console("crm:report campaigns").contains("SCN-SPRING"));
        assertTrue(console("crm:report win-loss").contains("scn-price"));
        assertTrue(console("crm:report nonsense").startsWith("No report nonsense"));

        // Conversion of the rep's leads, by owner and by source.
        JsonNode byOwner = row(ok(get("/api/crm/reports/conversion?by=owner")), REP);
        assertEquals("leads 5 converted 3 disqualified 1 won 1 lost 1 value 100000.00 rates 60.0 20.0 50.0", conversionLine(byOwner));
        JsonNode bySource = ok(get("/api/crm/reports/conversion?by=source"));
        assertEquals("leads 2 converted 2 disqualified 0 won 1 lost 1 value 100000.00 rates 100.0 50.0 50.0",
            conversionLine(row(bySource, "scn-fair")));
        assertEquals("leads 2 converted 1 disqualified 1 won 0 lost 0 value 0.00 rates 50.0 0.0 null", conversionLine(row(bySource, "scn-web")));
        assertEquals("leads 1 converted 0 disqualified 0 won 0 lost 0 value 0.00 rates 0.0 0.0 null",
            conversionLine(row(bySource, "scn-referral")));
        assertEquals("leads 2 converted 2 disqualified 0 won 1 lost 1 value 100000.00 rates 100.0 50.0 50.0",
            conversionLine(row(ok(get("/api/crm/reports/conversion?by=campaign")), "SCN-SPRING")));
        YearMonth month = YearMonth.now(ZoneOffset.UTC);
        assertTrue(row(ok(get("/api/crm/reports/conversion?by=month")), month.toString()).get("leads").asInt() >= 5);

        // Campaigns: Spring cost 6 000, 2 leads, 2 opportunities, 1 won of 100 000 → 3 000 per lead, return 16.67.
        JsonNode campaigns = ok(get("/api/crm/reports/campaigns"));
        assertEquals("cost 6000.00 members 2 responses 1 leads 2 opportunities 2 won 1 revenue 100000.00 from opportunities per lead 3000.00 return 16.67",
            campaignLine(row(campaigns, "code", "SCN-SPRING")));
        assertEquals("cost 1000.00 members 0 responses 0 leads 1 opportunities 1 won 0 revenue 0.00 from opportunities per lead 1000.00 return 0.00",
            campaignLine(row(campaigns, "code", "SCN-WEB")));

        JsonNode winLoss = ok(get("/api/crm/reports/win-loss"));
        JsonNode price = row(winLoss.get("lostReasons"), "reason", "scn-price");
        assertEquals(1, price.get("count").asInt());
        assertEquals(new BigDecimal("40000.00"), price.get("value").decimalValue());

        JsonNode activities = row(ok(get("/api/crm/reports/activities")).get("rows"), "owner", REP);
        assertEquals("total 3 done 1 open 2 overdue 1 {\"CALL\":1,\"MEETING\":1,\"TASK\":1}", "total " + activities.get("total") + " done "
            + activities.get("done") + " open " + activities.get("open") + " overdue " + activities.get("overdue") + " " + activities.get("byType"));

        ok(put("/api/crm/teams/" + team + "/targets", "{\"member\":\"" + REP + "\",\"month\":\"" + month + "\",\"revenue\":150000,\"wonDeals\":2,"
            + "\"activities\":5}"));
        JsonNode performance = row(ok(get("/api/crm/reports/teams/" + team + "?month=" + month)).get("rows"), "member", REP);
        assertEquals("target 150000.00 won 100000.00 achieved 66.7 deals 2/1 activities 5/1", "target " + performance.get("targetRevenue").decimalValue()
            + " won " + performance.get("wonRevenue").decimalValue() + " achieved " + performance.get("revenueAchievement").decimalValue() + " deals "
            + performance.get("targetWonDeals") + "/" + performance.get("wonDeals") + " activities " + performance.get("targetActivities") + "/"
            + performance.get("activitiesDone"));

        // The customer's timeline and the opportunity's documents.
        JsonNode timeline = ok(get("/api/core/parties/" + party + "/timeline"));
        List<String> kinds = new ArrayList<>();
        timeline.get("items").forEach(i -> kinds.add(i.get("module").asText() + "." + i.get("kind").asText()));
        assertTrue(kinds.toString(), kinds.containsAll(List.of("crm.case", "crm.activity", "crm.opportunity", "crm.lead", "core.party.created")));
        JsonNode documents = ok(get("/api/crm/opportunities/" + o1 + "/documents"));
        assertEquals(1, documents.get("links").size());
        assertEquals("crm.lead", documents.get("links").get(0).get("fromType").asText());

        // Record scope: a representative sees their own leads, their manager the team's, neither an admin's.
        long adminsLead = lead("Fatma Er", "Er Ltd", null, "scn-admin", null, null, "admin");
        Reply repsLeads = send("GET", "/api/crm/leads?limit=500", null, REP, REP_PASSWORD);
        assertEquals(repsLeads.body() + securityState(REP), 200, repsLeads.status());
        assertEquals("the representative owns five leads and sees only those", 5, repsLeads.json().get("total").asInt());
        repsLeads.json().get("items").forEach(l -> assertEquals(REP, l.get("owner").asText()));
        assertEquals(404, send("GET", "/api/crm/leads/" + adminsLead, null, REP, REP_PASSWORD).status());
        assertEquals(200, send("GET", "/api/crm/leads/" + l1, null, MANAGER, MANAGER_PASSWORD).status());
        assertEquals(404, send("GET", "/api/crm/leads/" + adminsLead, null, MANAGER, MANAGER_PASSWORD).status());
        assertEquals("a representative may not run campaigns", 403,
            send("POST", "/api/crm/campaigns", "{\"code\":\"SCN-X\",\"name\":\"x\",\"type\":\"OTHER\"}", REP, REP_PASSWORD).status());
        assertEquals(404, get("/api/crm/campaigns/SCN-X").status());

        assertEquals("a manager may not compose teams (it would widen what they see)", 403, send("POST", "/api/crm/teams",
            "{\"name\":\"Mine\",\"leader\":\"" + MANAGER + "\",\"members\":[\"admin\"]}", MANAGER, MANAGER_PASSWORD).status());
        String teamReport = "/api/crm/reports/teams/" + team + "?month=" + month;
        assertEquals("the leader sees every member", 2, send("GET", teamReport, null, MANAGER, MANAGER_PASSWORD).json().get("rows").size());
        JsonNode ownRow = send("GET", teamReport, null, REP, REP_PASSWORD).json().get("rows");
        assertEquals("a member sees their own row", 1, ownRow.size());
        assertEquals(REP, ownRow.get(0).get("member").asText());
        long adminsCall = created(post("/api/crm/activities", "{\"type\":\"CALL\",\"subject\":\"Admin's own call\",\"partyId\":" + party + "}"))
            .get("id").asLong();
        String repsTimeline = send("GET", "/api/core/parties/" + party + "/timeline?limit=200", null, REP, REP_PASSWORD).body();
        assertTrue(repsTimeline, repsTimeline.contains("Follow-up call") && !repsTimeline.contains("Admin's own call"));
        assertTrue(ok(get("/api/core/parties/" + party + "/timeline?limit=200")).toString().contains("Admin's own call"));
        assertEquals("another owner's activity is unknown to the representative", 404,
            send("GET", "/api/crm/activities/" + adminsCall, null, REP, REP_PASSWORD).status());

        // On the console the same roles and scopes apply: a module's role is enough for its commands.
        String repsList = consoleAs(REP, List.of("sales-rep"), "crm:lead-list --limit 500");
        assertTrue(repsList, repsList.contains("5 of 5 leads") && !repsList.contains("Fatma Er"));
        assertTrue(consoleAs(REP, List.of("sales-rep"), "crm:report win-loss").contains("win rate"));
        try {
            consoleAs(REP, List.of("sales-rep"), "core:party-add \"Not For Reps Ltd\"");
            throw new AssertionError("a representative may not add parties on the console");
        } catch (io.kovan.kernel.api.security.ForbiddenException e) {
            assertEquals("User " + REP + " lacks the permission core.parties.write", e.getMessage());
        }
    }

    @Test
    public void theCrmGuidesEndpointTableIsTheOpenApiDocumentsCrmPart() throws Exception {
        installModule("kovan-crm", "/api/crm/stages");
        assertGuideListsTheServedEndpoints("crm.md", "/api/crm/");
    }

    @Test
    public void aPartnersGuardOnAStageChangeRefusesOverRestAndLeavesWithItsService() throws Exception {
        installModule("kovan-crm", "/api/crm/stages");
        long party = created(post("/api/core/parties", "{\"kind\":\"ORGANIZATION\",\"name\":\"Guarded Ltd\"}")).get("id").asLong();
        long deal = created(post("/api/crm/opportunities", "{\"name\":\"Guarded deal\",\"partyId\":" + party + "}")).get("id").asLong();
        java.util.Hashtable<String, Object> properties = new java.util.Hashtable<>();
        properties.put(io.kovan.kernel.api.workflow.WorkflowGuard.DOCUMENT_TYPE, "crm.opportunity");
        properties.put(io.kovan.kernel.api.workflow.WorkflowGuard.TRANSITION, "won");
        org.osgi.framework.ServiceRegistration<io.kovan.kernel.api.workflow.WorkflowGuard> guard = bundleContext.registerService(
            io.kovan.kernel.api.workflow.WorkflowGuard.class, t -> t.comment() == null ? java.util.Optional.of("a won deal needs the contract number")
                : java.util.Optional.empty(), properties);
        try {
            Reply refused = post("/api/crm/opportunities/" + deal + "/stage", "{\"stage\":\"won\"}");
            assertEquals(refused.body(), 409, refused.status());
            assertEquals("application/problem+json", refused.contentType());
            assertEquals("a won deal needs the contract number", refused.json().get("detail").asText());
            assertEquals("refused, so still new", "new", ok(get("/api/crm/opportunities/" + deal)).get("stage").asText());
            assertEquals(0, ok(get("/api/core/workflows/crm.opportunity/" + deal + "/history")).size());
        } finally {
            guard.unregister();
        }
        assertEquals("won", ok(post("/api/crm/opportunities/" + deal + "/stage", "{\"stage\":\"won\"}")).get("stage").asText());
    }

    @Test
    public void duplicatesAreFoundAmongLeadsAndPartiesAndMergedIntoOne() throws Exception {
        installModule("kovan-crm", "/api/crm/stages");
        long party = created(post("/api/core/parties", "{\"kind\":\"ORGANIZATION\",\"name\":\"Yıldız Döküm San. ve Tic. A.Ş.\","
            + "\"taxNumber\":\"4840847211\",\"phone\":\"+90 (262) 555 11 22\"}")).get("id").asLong();
        assertEquals("a party is found by its phone however it is written", 1,
            ok(get("/api/core/parties?phone=0262%20555%201122")).get("total").asInt());
        assertEquals("phone", problemField(get("/api/core/parties?phone=12")));
        long kept = created(post("/api/crm/leads", "{\"contactName\":\"Gül Yıldız\",\"companyName\":\"YILDIZ DÖKÜM\",\"phone\":\"0262 555 1122\"}"))
            .get("id").asLong();
        long twin = created(post("/api/crm/leads", "{\"contactName\":\"Gul Yildiz\",\"email\":\"gul@yildizdokum.com.tr\","
            + "\"phone\":\"262-555-1122\",\"taxNumber\":\"4840847211\",\"score\":55,\"source\":\"dup-test\"}")).get("id").asLong();
        long call = created(post("/api/crm/activities", "{\"type\":\"CALL\",\"subject\":\"Ask for the catalogue\",\"leadId\":" + twin + "}"))
            .get("id").asLong();

        Map<String, List<String>> found = new TreeMap<>();
        ok(get("/api/crm/leads/" + kept + "/duplicates")).forEach(d -> {
            List<String> reasons = new ArrayList<>();
            d.get("reasons").forEach(r -> reasons.add(r.asText()));
            found.put(d.get("kind").asText() + " " + d.get("id").asLong(), reasons);
        });
        assertEquals(Map.of("lead " + twin, List.of("same phone"), "party " + party, List.of("same phone", "similar name")), found);
        List<String> byTax = new ArrayList<>();
        ok(get("/api/crm/leads/" + twin + "/duplicates")).forEach(d -> byTax.add(d.get("kind").asText() + " " + d.get("reasons")));
        assertTrue(byTax.toString(), byTax.contains("party [\"same tax number\",\"same phone\"]"));

        JsonNode merged = ok(post("/api/crm/leads/" + kept + "/merge", "{\"duplicateId\":" + twin + "}"));
        assertEquals("YILDIZ DÖKÜM", merged.get("companyName").asText());
        assertEquals("the kept lead takes what it lacked", "gul@yildizdokum.com.tr", merged.get("email").asText());
        assertEquals(55, merged.get("score").asInt());
        assertEquals("dup-test", merged.get("source").asText());
        JsonNode folded = ok(get("/api/crm/leads/" + twin));
        assertEquals("MERGED", folded.get("status").asText());
        assertEquals(kept, folded.get("mergedIntoId").asLong());
        assertEquals("the activities move to the kept lead", kept, ok(get("/api/crm/activities/" + call)).get("leadId").asLong());
        List<String> after = new ArrayList<>();
        ok(get("/api/crm/leads/" + kept + "/duplicates")).forEach(d -> after.add(d.get("kind").asText() + " " + d.get("id").asLong()));
        assertEquals("a merged lead is no duplicate any more", List.of("party " + party), after);
        assertEquals(409, post("/api/crm/leads/" + twin + "/merge", "{\"duplicateId\":" + kept + "}").status());
    }

    @Test
    public void aLeadConvertsOnceUnderConcurrentClients() throws Exception {
        installModule("kovan-crm", "/api/crm/stages");
        long lead = created(post("/api/crm/leads", "{\"contactName\":\"Race Contact\",\"companyName\":\"Race Condition Ltd\"}")).get("id").asLong();
        int clients = 8;
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(clients);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(clients);
        List<java.util.concurrent.Future<Integer>> replies = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            replies.add(pool.submit(() -> {
                start.await();
                return post("/api/crm/leads/" + lead + "/convert", "{\"expectedRevenue\":1000}").status();
            }));
        }
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (java.util.concurrent.Future<Integer> reply : replies) {
            statuses.merge(reply.get(), 1, Integer::sum);
        }
        pool.shutdown();
        assertEquals("one conversion, the others refused as conflicts: " + statuses, Map.of(200, 1, 409, clients - 1), statuses);
        assertEquals("one party", 1, ok(get("/api/core/parties?q=race%20condition")).get("total").asInt());
        JsonNode converted = ok(get("/api/crm/leads/" + lead));
        assertEquals("CONVERTED", converted.get("status").asText());
        assertEquals("one opportunity, the lead's", 1, ok(get("/api/crm/opportunities?party=" + converted.get("partyId").asLong())).get("total").asInt());
    }

    @Test
    public void automationRulesActOnTheRecordsOfTheirSegmentOnce() throws Exception {
        installModule("kovan-crm", "/api/crm/stages");
        long campaign = created(post("/api/crm/campaigns", "{\"code\":\"AUTO-CMP\",\"name\":\"Nurture\",\"type\":\"EMAIL\"}")).get("id").asLong();
        JsonNode hot = created(post("/api/crm/segments", "{\"name\":\"Hot web leads\",\"target\":\"LEAD\",\"filters\":{\"minScore\":\"70\","
            + "\"source\":\"auto-web\"}}"));
        long segment = hot.get("id").asLong();
        List<Long> rules = new ArrayList<>();
        rules.add(created(post("/api/crm/automation-rules", "{\"name\":\"Call hot leads\",\"event\":\"crm.lead.created\",\"segmentId\":" + segment
            + ",\"action\":\"CREATE_ACTIVITY\",\"parameters\":{\"type\":\"CALL\",\"subject\":\"Call the hot lead\",\"dueInDays\":\"1\"}}"))
            .get("id").asLong());
        rules.add(created(post("/api/crm/automation-rules", "{\"name\":\"Hot leads to the closer\",\"event\":\"crm.lead.created\",\"segmentId\":"
            + segment + ",\"action\":\"ASSIGN_OWNER\",\"parameters\":{\"owner\":\"auto-closer\"}}")).get("id").asLong());
        rules.add(created(post("/api/crm/automation-rules", "{\"name\":\"Everyone to nurture\",\"event\":\"crm.lead.*\","
            + "\"action\":\"ADD_TO_CAMPAIGN\",\"parameters\":{\"campaign\":\"auto-cmp\"}}")).get("id").asLong());
        rules.add(created(post("/api/crm/automation-rules", "{\"name\":\"Tell the CMS\",\"event\":\"crm.lead.qualified\",\"segmentId\":" + segment
            + ",\"action\":\"SEND_WEBHOOK\"}")).get("id").asLong());
        try {
            long a = created(post("/api/crm/leads", "{\"contactName\":\"Hot One\",\"source\":\"auto-web\",\"score\":80}")).get("id").asLong();
            long b = created(post("/api/crm/leads", "{\"contactName\":\"Cold One\",\"source\":\"auto-web\",\"score\":20}")).get("id").asLong();
            JsonNode members = awaitJson("/api/crm/segments/" + segment + "/members", m -> m.get("total").asInt() == 1);
            assertEquals(a, members.get("items").get(0).get("id").asLong());
            awaitJson("/api/crm/leads/" + a, l -> l.get("owner").asText().equals("auto-closer"));
            JsonNode calls = awaitJson("/api/crm/activities?lead=" + a, l -> l.get("total").asInt() == 1);
            assertEquals("Call the hot lead", calls.get("items").get(0).get("subject").asText());
            assertEquals("CALL", calls.get("items").get(0).get("type").asText());
            JsonNode joined = awaitJson("/api/crm/campaigns/" + campaign + "/members", m -> m.size() == 2);
            assertEquals(java.util.Set.of(a, b), java.util.Set.of(joined.get(0).get("leadId").asLong(), joined.get(1).get("leadId").asLong()));

            ok(post("/api/crm/leads/" + a + "/qualify", "{}"));
            ok(post("/api/crm/leads/" + b + "/qualify", "{}"));
            JsonNode sent = awaitJson("/api/crm/automation-rules/" + rules.get(3) + "/runs", r -> r.size() == 1);
            assertEquals("only the hot lead's qualification", a, sent.get(0).get("recordId").asLong());
            assertEquals("done", sent.get(0).get("outcome").asText());
            assertTrue(console("kovan:events").contains("crm.automation.triggered"));

            assertEquals("the cold lead got neither a call nor a new owner", 0, ok(get("/api/crm/activities?lead=" + b)).get("total").asInt());
            assertEquals("admin", ok(get("/api/crm/leads/" + b)).get("owner").asText());
            JsonNode callRuns = ok(get("/api/crm/automation-rules/" + rules.get(0) + "/runs"));
            assertEquals("the rule's own update (a system write) triggers nothing more", 1, callRuns.size());
            assertEquals(a, callRuns.get(0).get("recordId").asLong());
        } finally {
            for (long rule : rules) {
                JsonNode r = ok(get("/api/crm/automation-rules/" + rule));
                ((com.fasterxml.jackson.databind.node.ObjectNode) r).put("active", false);
                ok(put("/api/crm/automation-rules/" + rule, r.toString()));
            }
        }
        assertEquals("event", problemField(post("/api/crm/automation-rules", "{\"name\":\"x\",\"event\":\"sales.order.created\","
            + "\"action\":\"SEND_WEBHOOK\"}")));
        assertEquals("action", problemField(post("/api/crm/automation-rules", "{\"name\":\"x\",\"event\":\"core.party.created\","
            + "\"action\":\"ASSIGN_OWNER\",\"parameters\":{\"owner\":\"x\"}}")));
        assertEquals("segmentId", problemField(post("/api/crm/automation-rules", "{\"name\":\"x\",\"event\":\"core.party.created\","
            + "\"segmentId\":" + segment + ",\"action\":\"SEND_WEBHOOK\"}")));
        assertEquals("parameters.type", problemField(post("/api/crm/automation-rules", "{\"name\":\"x\",\"event\":\"crm.lead.created\","
            + "\"action\":\"CREATE_ACTIVITY\",\"parameters\":{\"type\":\"FAX\",\"subject\":\"x\"}}")));
        assertEquals("filters.colour", problemField(post("/api/crm/segments", "{\"name\":\"x\",\"target\":\"LEAD\",\"filters\":{\"colour\":\"red\"}}")));
        assertEquals("filters.status", problemField(post("/api/crm/segments", "{\"name\":\"x\",\"target\":\"LEAD\",\"filters\":{\"status\":\"SLEEPING\"}}")));
        assertEquals("filters.role", problemField(post("/api/crm/segments", "{\"name\":\"x\",\"target\":\"PARTY\",\"filters\":{\"role\":\"KING\"}}")));
        assertEquals(409, post("/api/crm/segments", "{\"name\":\"Hot web leads\",\"target\":\"LEAD\"}").status());
    }

    /** Polls a GET until its JSON answer satisfies the test: the automation runs after commit, on another thread. */
    private JsonNode awaitJson(String path, java.util.function.Predicate<JsonNode> test) throws Exception {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            Reply reply = get(path);
            if (reply.status() == 200) {
                last = reply.json();
                if (test.test(last)) {
                    return last;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError(path + " did not become as expected within 30 s; last: " + last);
    }

    @Test
    public void aThousandLeadsFromCsvKeepTheGoodRowsAndNameTheBadLines() throws Exception {
        installModule("kovan-crm", "/api/crm/stages");
        StringBuilder csv = new StringBuilder("contactName,companyName,email,phone,source,score\n");
        for (int i = 1; i <= 1000; i++) {
            int line = i + 1;
            String email = line == 101 ? "not-an-email" : "lead" + i + "@csv.example.com";
            String score = line == 502 ? "250" : String.valueOf(i % 100);
            String contact = line == 1001 ? "" : "Contact " + i;
            String company = line == 1001 ? "" : "\"Firm " + i + ", Ltd\"";
            csv.append(contact).append(',').append(company).append(',').append(email).append(",+90 212 555 ").append(String.format("%04d", i))
                .append(",csv-batch,").append(score).append('\n');
        }
        Reply imported = send("POST", "/api/crm/leads/import", csv.toString(), "text/csv");
        assertEquals(imported.body(), 200, imported.status());
        JsonNode result = imported.json();
        assertEquals(1000, result.get("rows").asInt());
        assertEquals(997, result.get("created").asInt());
        List<String> errors = new ArrayList<>();
        result.get("errors").forEach(e -> errors.add(e.get("line").asInt() + " " + e.get("field").asText()));
        assertEquals(List.of("101 email", "502 score", "1001 contactName"), errors);
        assertEquals(997, get("/api/crm/leads?source=csv-batch&limit=1").json().get("total").asInt());
        JsonNode quoted = get("/api/crm/leads?q=lead7%40csv.example.com").json().get("items").get(0);
        assertEquals("a quoted comma stays in its cell", "Firm 7, Ltd", quoted.get("companyName").asText());

        Reply badHeader = send("POST", "/api/crm/leads/import", "name,mail\nx,y\n", "text/csv");
        assertEquals(400, badHeader.status());
        assertEquals("header", badHeader.json().get("field").asText());
        assertEquals("nothing of a refused file is written", 997, get("/api/crm/leads?source=csv-batch&limit=1").json().get("total").asInt());
    }

    @Test
    public void badInputOnEveryResourceIsA400NamingTheFieldAndWritesNothing() throws Exception {
        installModule("kovan-crm", "/api/crm/stages");
        long party = created(post("/api/core/parties", "{\"kind\":\"ORGANIZATION\",\"name\":\"Bad Input Ltd\"}")).get("id").asLong();
        long lead = created(post("/api/crm/leads", "{\"contactName\":\"Bad Input\"}")).get("id").asLong();
        long opportunity = created(post("/api/crm/opportunities", "{\"name\":\"Bad input deal\",\"partyId\":" + party + "}")).get("id").asLong();
        long team = created(post("/api/crm/teams", "{\"name\":\"Bad input team\",\"leader\":\"admin\"}")).get("id").asLong();
        long campaign = created(post("/api/crm/campaigns", "{\"code\":\"BAD-IN\",\"name\":\"Bad input\",\"type\":\"EMAIL\"}")).get("id").asLong();
        long supportCase = created(post("/api/crm/cases", "{\"partyId\":" + party + ",\"subject\":\"Bad input\"}")).get("id").asLong();
        Map<String, Integer> before = counts();
        String[][] cases = {
            {"POST", "/api/crm/leads", "{\"companyName\":\"\",\"contactName\":\" \"}", "contactName"},
            {"POST", "/api/crm/leads", "{\"contactName\":\"x\",\"score\":-1}", "score"},
            {"POST", "/api/crm/leads", "{\"contactName\":\"x\",\"email\":\"nope\"}", "email"},
            {"POST", "/api/crm/leads", "{\"contactName\":\"x\",\"taxNumber\":\"1234567891\"}", "taxNumber"},
            {"POST", "/api/crm/leads", "{\"contactName\":\"x\",\"campaignId\":999999}", "campaignId"},
            {"POST", "/api/crm/leads", "{\"contactName\":\"x\",\"status\":\"CONVERTED\"}", "status"},
            {"POST", "/api/crm/leads", "{\"contactName\":\"" + "x".repeat(201) + "\"}", "contactName"},
            {"POST", "/api/crm/leads", "{\"contactName\":\"x\",\"colour\":\"red\"}", "colour"},
            {"POST", "/api/crm/leads", "{\"contactName\":\"x\",\"score\":\"high\"}", "score"},
            {"POST", "/api/crm/leads", "{\"contactName\":", null},
            {"PUT", "/api/crm/leads/" + lead, "{\"contactName\":\"x\"}", "version"},
            {"POST", "/api/crm/leads/" + lead + "/disqualify", "{\"reason\":\"\"}", "reason"},
            {"POST", "/api/crm/leads/" + lead + "/convert", "{\"partyId\":999999}", "partyId"},
            {"POST", "/api/crm/leads/" + lead + "/merge", "{}", "duplicateId"},
            {"POST", "/api/crm/leads/" + lead + "/merge", "{\"duplicateId\":" + lead + "}", "duplicateId"},
            {"GET", "/api/crm/leads?status=SLEEPING", null, "status"},
            {"GET", "/api/crm/leads?limit=0", null, "limit"},
            {"GET", "/api/crm/leads?colour=red", null, "colour"},
            {"POST", "/api/crm/opportunities", "{\"name\":\"x\"}", "partyId"},
            {"POST", "/api/crm/opportunities", "{\"name\":\"x\",\"partyId\":" + party + ",\"expectedRevenue\":-5}", "expectedRevenue"},
            {"POST", "/api/crm/opportunities", "{\"name\":\"x\",\"partyId\":" + party + ",\"expectedRevenue\":1.234}", "expectedRevenue"},
            {"POST", "/api/crm/opportunities", "{\"name\":\"x\",\"partyId\":" + party + ",\"currency\":\"XXX\"}", "currency"},
            {"POST", "/api/crm/opportunities", "{\"name\":\"x\",\"partyId\":" + party + ",\"stage\":\"won\"}", "stage"},
            {"POST", "/api/crm/opportunities", "{\"name\":\"x\",\"partyId\":" + party + ",\"teamId\":999999}", "teamId"},
            {"POST", "/api/crm/opportunities/" + opportunity + "/stage", "{\"stage\":\"heaven\"}", "stage"},
            {"POST", "/api/crm/opportunities/" + opportunity + "/stage", "{}", "stage"},
            {"GET", "/api/crm/opportunities?open=maybe", null, "open"},
            {"POST", "/api/crm/stages", "{\"code\":\"Demo Stage\",\"name\":\"Demo\",\"sequence\":35,\"probability\":60}", "code"},
            {"POST", "/api/crm/stages", "{\"code\":\"demo\",\"name\":\"Demo\",\"sequence\":35,\"probability\":160}", "probability"},
            {"POST", "/api/crm/activities", "{\"type\":\"CALL\",\"subject\":\"x\"}", "leadId"},
            {"POST", "/api/crm/activities", "{\"type\":\"CALL\",\"subject\":\"x\",\"opportunityId\":999999}", "opportunityId"},
            {"POST", "/api/crm/activities", "{\"subject\":\"x\",\"leadId\":" + lead + "}", "type"},
            {"POST", "/api/crm/activities", "{\"type\":\"FAX\",\"subject\":\"x\",\"leadId\":" + lead + "}", "type"},
            {"POST", "/api/crm/activities", "{\"type\":\"CALL\",\"subject\":\"x\",\"leadId\":" + lead + ",\"dueAt\":\"tomorrow\"}", "dueAt"},
            {"GET", "/api/crm/activities?overdue=1", null, "overdue"},
            {"POST", "/api/crm/campaigns", "{\"code\":\"C1\",\"name\":\"x\",\"type\":\"EMAIL\",\"startDate\":\"2026-05-01\",\"endDate\":\"2026-04-01\"}", "endDate"},
            {"POST", "/api/crm/campaigns", "{\"code\":\"C1\",\"name\":\"x\",\"type\":\"EMAIL\",\"actualCost\":-1}", "actualCost"},
            {"POST", "/api/crm/campaigns", "{\"code\":\"C1\",\"name\":\"x\"}", "type"},
            {"POST", "/api/crm/campaigns/" + campaign + "/members", "{}", "partyId"},
            {"POST", "/api/crm/campaigns/" + campaign + "/members", "{\"leadId\":999999}", "leadId"},
            {"POST", "/api/crm/teams", "{\"name\":\"x\"}", "leader"},
            {"PUT", "/api/crm/teams/" + team + "/targets", "{\"member\":\"admin\",\"month\":\"2026-13\"}", "month"},
            {"PUT", "/api/crm/teams/" + team + "/targets", "{\"member\":\"nobody\",\"month\":\"2026-12\"}", "member"},
            {"PUT", "/api/crm/teams/" + team + "/targets", "{\"member\":\"admin\",\"month\":\"2026-12\",\"wonDeals\":-1}", "wonDeals"},
            {"POST", "/api/crm/cases", "{\"subject\":\"x\"}", "partyId"},
            {"POST", "/api/crm/cases", "{\"partyId\":" + party + ",\"subject\":\"x\",\"priority\":\"MEH\"}", "priority"},
            {"POST", "/api/crm/cases", "{\"partyId\":" + party + ",\"subject\":\"x\",\"productId\":999999}", "productId"},
            {"POST", "/api/crm/cases/" + supportCase + "/transition", "{\"transition\":\"teleport\"}", "transition"},
            {"GET", "/api/crm/reports/funnel?from=2026-13-01", null, "from"},
            {"GET", "/api/crm/reports/funnel?from=2026-12-01&to=2026-11-01", null, "to"},
            {"GET", "/api/crm/reports/conversion?by=weather", null, "by"},
            {"GET", "/api/crm/reports/teams/" + team + "?month=december", null, "month"},
        };
        assertEquals("every bad request is a 400 naming its field", List.of(), wronglyAnswered(cases));
        assertEquals("nothing was written", before, counts());
        assertEquals(404, get("/api/crm/leads/999999").status());
        assertEquals(404, get("/api/crm/leads/abc").status());
        assertEquals(404, post("/api/crm/opportunities/999999/stage", "{\"stage\":\"won\"}").status());
        assertEquals(409, post("/api/crm/campaigns", "{\"code\":\"bad-in\",\"name\":\"again\",\"type\":\"EMAIL\"}").status());
        assertEquals(409, put("/api/crm/leads/" + lead, "{\"contactName\":\"x\",\"version\":99}").status());
    }

    private Map<String, Integer> counts() throws Exception {
        Map<String, Integer> counts = new TreeMap<>();
        for (String list : List.of("leads", "opportunities", "activities", "campaigns", "cases")) {
            counts.put(list, get("/api/crm/" + list + "?limit=1").json().get("total").asInt());
        }
        counts.put("teams", get("/api/crm/teams?limit=1").json().get("total").asInt());
        counts.put("stages", get("/api/crm/stages").json().size());
        counts.put("audit", get("/api/core/audit/verify").json().get("checked").asInt());
        return counts;
    }

    private void users() throws Exception {
        for (String[] user : new String[][] {{REP, REP_PASSWORD, "sales-rep"}, {MANAGER, MANAGER_PASSWORD, "sales-manager"}}) {
            Reply created = post("/api/core/users", "{\"name\":\"" + user[0] + "\",\"password\":\"" + user[1] + "\",\"roles\":[\"" + user[2] + "\"]}");
            assertTrue(created.body(), created.status() == 201 || created.status() == 409);
        }
    }

    private long lead(String contact, String company, String email, String source, Long campaign, Integer score) throws Exception {
        return lead(contact, company, email, source, campaign, score, REP);
    }

    private long lead(String contact, String company, String email, String source, Long campaign, Integer score, String owner) throws Exception {
        Map<String, Object> lead = new java.util.LinkedHashMap<>();
        lead.put("contactName", contact);
        lead.put("companyName", company);
        lead.put("email", email);
        lead.put("source", source);
        lead.put("campaignId", campaign);
        lead.put("score", score);
        lead.put("owner", owner);
        return created(post("/api/crm/leads", JSON.writeValueAsString(lead))).get("id").asLong();
    }

    /** Fetches a PNG and decodes it: the body is a real image, not just bytes with a content type. */
    private java.awt.image.BufferedImage png(String path) throws Exception {
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + restPort() + path))
            .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes())).build();
        java.net.http.HttpResponse<byte[]> response = java.net.http.HttpClient.newHttpClient().send(request,
            java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(path, 200, response.statusCode());
        assertEquals("image/png", response.headers().firstValue("Content-Type").orElse(""));
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(response.body()));
        assertTrue(path + " is a PNG", image != null);
        return image;
    }

    private Reply send(String method, String path, String body, String contentType) throws Exception {
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + restPort() + path))
            .method(method, java.net.http.HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", contentType)
            .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes())).build();
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(request,
            java.net.http.HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
    }


    private static JsonNode row(JsonNode report, String key) {
        return row(report.get("rows"), "key", key);
    }

    private static JsonNode row(JsonNode rows, String field, String value) {
        for (JsonNode r : rows) {
            if (value.equals(r.get(field).asText())) {
                return r;
            }
        }
        throw new AssertionError("no row with " + field + " = " + value + " in " + rows);
    }

    private static List<String> stageLines(JsonNode funnel) {
        List<String> lines = new ArrayList<>();
        funnel.get("stages").forEach(s -> lines.add(s.get("stage").asText() + " " + s.get("reached") + " " + s.get("reachedValue").decimalValue() + " "
            + s.get("current") + " " + s.get("currentValue").decimalValue() + " " + s.get("weightedValue").decimalValue() + " "
            + (s.get("conversionToNext").isNull() ? "null" : s.get("conversionToNext").decimalValue())));
        return lines;
    }

    private static String conversionLine(JsonNode r) {
        return "leads " + r.get("leads") + " converted " + r.get("converted") + " disqualified " + r.get("disqualified") + " won " + r.get("won")
            + " lost " + r.get("lost") + " value " + r.get("wonValue").decimalValue() + " rates " + decimal(r.get("leadToOpportunityRate")) + " "
            + decimal(r.get("leadToWonRate")) + " " + decimal(r.get("winRate"));
    }

    private static String campaignLine(JsonNode r) {
        return "cost " + r.get("cost").decimalValue() + " members " + r.get("members") + " responses " + r.get("responses") + " leads " + r.get("leads")
            + " opportunities " + r.get("opportunities") + " won " + r.get("won") + " revenue " + r.get("wonRevenue").decimalValue() + " from "
            + r.get("revenueSource").asText() + " per lead " + decimal(r.get("costPerLead")) + " return " + decimal(r.get("returnOnSpend"));
    }

    private static String decimal(JsonNode n) {
        return n == null || n.isNull() ? "null" : n.decimalValue().toString();
    }
}
