package io.kovan.kernel.impl.console;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

import io.kovan.kernel.api.PageRequest;
import io.kovan.kernel.api.party.PartyService;

/** Completes party codes, matching what has been typed so far. */
@Service
public class PartyCompleter implements Completer {

    @Reference
    PartyService parties;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        String typed = commandLine.getCursorArgument() == null ? "" : commandLine.getCursorArgument()
            .substring(0, commandLine.getArgumentPosition());
        StringsCompleter codes = new StringsCompleter();
        parties.list(new PageRequest(0, PageRequest.MAX_LIMIT, typed.isEmpty() ? null : typed, null, java.util.Map.of()))
            .items().forEach(p -> codes.getStrings().add(p.code()));
        return codes.complete(session, commandLine, candidates);
    }
}
