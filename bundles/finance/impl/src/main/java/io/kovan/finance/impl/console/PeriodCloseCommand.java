package io.kovan.finance.impl.console;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import io.kovan.finance.api.PeriodDTO;
import io.kovan.finance.api.PeriodService;
import io.kovan.finance.api.YearEndDTO;
import io.kovan.finance.api.YearEndService;
import io.kovan.kernel.api.KovanException;
import io.kovan.kernel.api.security.Caller;

/**
 * {@code finance:period-close 2026-11}: locks a month against postings ({@code --reopen} unlocks it);
 * {@code finance:period-close 2026}: the year-end closing.
 */
@Service
@Command(scope = "finance", name = "period-close", description = "Closes a fiscal month (YYYY-MM) to postings, or reopens it; closes a year (YYYY)")
public class PeriodCloseCommand implements Action {

    @Reference
    Caller caller;

    @Reference
    PeriodService periods;

    @Reference
    YearEndService yearEnd;

    @Argument(index = 0, name = "period", description = "The month, as 2026-11, or the year, as 2026", required = true)
    String period;

    @Option(name = "--reopen", description = "Open the period again")
    boolean reopen;

    @Override
    public Object execute() {
        caller.require("finance.periods.write");
        if (period.matches("\\d{4}") && !reopen) {
            try {
                YearEndDTO closed = yearEnd.close(Integer.parseInt(period));
                System.out.println("Year " + period + " is closed: net " + (closed.netProfit().signum() < 0 ? "loss " + closed.netProfit().negate()
                    : "profit " + closed.netProfit()) + " " + closed.currency() + (closed.journalEntryNumber() == null ? ""
                    : " carried to equity by " + closed.journalEntryNumber()));
            } catch (KovanException e) {
                System.out.println(e.getMessage());
            }
            return null;
        }
        if (!period.matches("\\d{4}-\\d{2}")) {
            System.out.println("period: must be a month as YYYY-MM, such as 2026-11, or a year to close, such as 2026");
            return null;
        }
        int year = Integer.parseInt(period.substring(0, 4));
        int month = Integer.parseInt(period.substring(5));
        try {
            PeriodDTO p = periods.openYear(year).stream().filter(x -> x.month() == month).findFirst().orElse(null);
            if (p == null) {
                System.out.println("period: no month " + month + " in " + year);
                return null;
            }
            PeriodDTO done = reopen ? periods.reopen(p.id()) : periods.close(p.id());
            System.out.println("Period " + period + " is " + done.state());
        } catch (KovanException e) {
            System.out.println(e.getMessage());
        }
        return null;
    }
}
