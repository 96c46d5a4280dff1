package io.kovan.crm.impl.console;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.apache.karaf.shell.support.table.ShellTable;

import io.kovan.crm.api.ActivityReportDTO;
import io.kovan.crm.api.ActivityType;
import io.kovan.crm.api.CampaignPerformanceDTO;
import io.kovan.crm.api.CaseReportDTO;
import io.kovan.crm.api.ConversionReportDTO;
import io.kovan.crm.api.CrmReportService;
import io.kovan.crm.api.TeamPerformanceDTO;
import io.kovan.crm.api.WinLossDTO;
import io.kovan.kernel.api.KovanException;
import io.kovan.kernel.api.security.Caller;

/** {@code crm:report <name>}: the CRM's reports as tables, the same figures as GET /api/crm/reports/… */
@Service
@Command(scope = "crm", name = "report", description = "Prints a CRM report: funnel, conversion, win-loss, campaigns, activities, team, cases")
public class ReportCommand implements Action {

    @Reference
    Caller caller;

    static final List<String> REPORTS = List.of("funnel", "conversion", "win-loss", "campaigns", "activities", "team", "cases");

    @Reference
    CrmReportService reports;

    @Argument(index = 0, name = "report", description = "funnel, conversion, win-loss, campaigns, activities, team or cases", required = true)
    @Completion(value = StringsCompleter.class, values = {"funnel", "conversion", "win-loss", "campaigns", "activities", "team", "cases"})
    String report;

    @Option(name = "--from", description = "First day (YYYY-MM-DD)")
    String from;

    @Option(name = "--to", description = "Last day (YYYY-MM-DD)")
    String to;

    @Option(name = "--by", description = "conversion: source, campaign, owner or month")
    String by;

    @Option(name = "--team", description = "team: the team's id")
    Long team;

    @Option(name = "--month", description = "team: the month, as 2026-12")
    String month;

    @Override
    public Object execute() {
        caller.require("crm.reports.read");
        LocalDate first;
        LocalDate last;
        try {
            first = from == null ? null : LocalDate.parse(from);
            last = to == null ? null : LocalDate.parse(to);
        } catch (DateTimeParseException e) {
            System.out.println("--from and --to are dates as YYYY-MM-DD: " + e.getParsedString());
            return null;
        }
        try {
            switch (report) {
                case "funnel" -> FunnelCommand.print(reports.funnel(first, last, Map.of()));
                case "conversion" -> conversion(reports.conversion(by, first, last));
                case "win-loss" -> winLoss(reports.winLoss(first, last));
                case "campaigns" -> campaigns(reports.campaigns(first, last));
                case "activities" -> activities(reports.activities(first, last));
                case "team" -> {
                    if (team == null) {
                        System.out.println("crm:report --team <id> --month YYYY-MM team");
                        return null;
                    }
                    team(reports.team(team, month));
                }
                case "cases" -> cases(reports.cases());
                default -> System.out.println("No report " + report + "; use one of " + String.join(", ", REPORTS));
            }
        } catch (KovanException e) {
            System.out.println(e.getMessage());
        }
        return null;
    }

    private static void conversion(ConversionReportDTO r) {
        ShellTable table = new ShellTable();
        table.column(r.by());
        for (String c : List.of("Leads", "Converted", "Disqualified", "Won", "Lost", "Won value", "Lead→opp.", "Lead→won", "Win rate")) {
            table.column(c).alignRight();
        }
        r.rows().forEach(x -> table.addRow().addContent(x.key(), x.leads(), x.converted(), x.disqualified(), x.won(), x.lost(), x.wonValue(),
            pct(x.leadToOpportunityRate()), pct(x.leadToWonRate()), pct(x.winRate())));
        table.print(System.out);
        System.out.println("Values in " + r.currency());
    }

    private static void winLoss(WinLossDTO r) {
        System.out.println(r.won() + " won (" + r.wonValue() + " " + r.currency() + "), " + r.lost() + " lost (" + r.lostValue() + " "
            + r.currency() + "), win rate " + pct(r.winRate()));
        ShellTable table = new ShellTable();
        table.column("Lost because");
        table.column("Count").alignRight();
        table.column("Value").alignRight();
        r.lostReasons().forEach(x -> table.addRow().addContent(x.reason(), x.count(), x.value()));
        table.print(System.out);
    }

    private static void campaigns(List<CampaignPerformanceDTO> rows) {
        ShellTable table = new ShellTable();
        table.column("Campaign");
        for (String c : List.of("Cost", "Members", "Responses", "Leads", "Opps", "Won", "Won revenue", "Per lead", "Return")) {
            table.column(c).alignRight();
        }
        table.column("Revenue from");
        rows.forEach(x -> table.addRow().addContent(x.code(), x.cost(), x.members(), x.responses(), x.leads(), x.opportunities(), x.won(),
            x.wonRevenue(), dash(x.costPerLead()), dash(x.returnOnSpend()), x.revenueSource()));
        table.print(System.out);
    }

    private static void activities(ActivityReportDTO r) {
        ShellTable table = new ShellTable();
        table.column("Owner");
        for (String c : List.of("Total", "Done", "Open", "Overdue")) {
            table.column(c).alignRight();
        }
        for (ActivityType t : ActivityType.values()) {
            table.column(t.name()).alignRight();
        }
        r.rows().forEach(x -> {
            List<Object> cells = new java.util.ArrayList<>(List.of(x.owner(), x.total(), x.done(), x.open(), x.overdue()));
            for (ActivityType t : ActivityType.values()) {
                cells.add(x.byType().getOrDefault(t, 0L));
            }
            table.addRow().addContent(cells);
        });
        table.print(System.out);
    }

    private static void team(TeamPerformanceDTO r) {
        System.out.println(r.team() + ", " + r.month() + " (" + r.currency() + ")");
        ShellTable table = new ShellTable();
        table.column("Member");
        for (String c : List.of("Revenue target", "Won", "Achieved", "Deals target", "Deals", "Activities target", "Activities")) {
            table.column(c).alignRight();
        }
        r.rows().forEach(x -> table.addRow().addContent(x.member(), x.targetRevenue(), x.wonRevenue(), pct(x.revenueAchievement()),
            x.targetWonDeals(), x.wonDeals(), x.targetActivities(), x.activitiesDone()));
        table.print(System.out);
    }

    private static void cases(CaseReportDTO r) {
        System.out.println(r.open() + " open; SLA breaches: " + r.responseBreaches() + " response, " + r.resolutionBreaches()
            + " resolution; average hours to respond " + dash(r.averageResponseHours()) + ", to resolve " + dash(r.averageResolutionHours()));
        ShellTable table = new ShellTable();
        table.column("State");
        table.column("Cases").alignRight();
        r.byState().forEach((state, count) -> table.addRow().addContent(state, count));
        table.print(System.out);
    }

    static String pct(java.math.BigDecimal value) {
        return value == null ? "-" : value + " %";
    }

    private static String dash(Object value) {
        return value == null ? "-" : value.toString();
    }
}
