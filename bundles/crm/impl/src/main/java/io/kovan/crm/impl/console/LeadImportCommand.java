package io.kovan.crm.impl.console;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.support.completers.FileCompleter;

import io.kovan.crm.api.LeadImportResultDTO;
import io.kovan.crm.api.LeadService;
import io.kovan.kernel.api.security.Caller;

/** {@code crm:lead-import <file.csv>}. */
@Service
@Command(scope = "crm", name = "lead-import", description = "Imports leads from a CSV file whose first line names the columns")
public class LeadImportCommand implements Action {

    @Reference
    Caller caller;

    @Reference
    LeadService leads;

    @Argument(index = 0, name = "file", description = "The CSV file (UTF-8)", required = true)
    @Completion(FileCompleter.class)
    String file;

    @Override
    public Object execute() throws IOException {
        caller.require("crm.leads.write");
        LeadImportResultDTO result;
        try (Reader csv = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
            result = leads.importCsv(csv);
        } catch (NoSuchFileException e) {
            System.out.println("No such file: " + file);
            return null;
        }
        result.errors().forEach(e -> System.out.println("line " + e.line() + ": " + e.field() + ": " + e.message()));
        System.out.println(result.created() + " of " + result.rows() + " rows imported, " + result.errors().stream()
            .mapToInt(LeadImportResultDTO.RowError::line).distinct().count() + " refused");
        return null;
    }
}
