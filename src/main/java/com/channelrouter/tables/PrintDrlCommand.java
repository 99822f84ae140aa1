package com.channelrouter.tables;

import com.channelrouter.engine.RuleCompiler;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * {@code java -jar channel-router.jar print-drl [--tables DIR]}: prints the DRL generated from the
 * shipped workbooks (with those in DIR in place of the ones of the same name, as an upload does), so a
 * workbook change can be reviewed as a rule diff: each rule's comment says what its row decides. Needs no
 * server and no database. Exit code 0 when the tables load, 1 when they have problems, 2 on bad usage.
 */
public final class PrintDrlCommand {

    public static final String NAME = "print-drl";

    private PrintDrlCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        TableSource source;
        if (args.length == 0 || args.length == 2 && args[0].equals("--tables")) {
            try {
                source = TableFiles.shippedWith(args.length == 0 ? null : Path.of(args[1]));
            } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException unreadable) {
                err.println(unreadable.getMessage());
                return 2;
            }
        } else {
            err.println("usage: java -jar channel-router.jar " + NAME + " [--tables DIR]");
            return 2;
        }
        TableLoadResult result = new DecisionTableLoader(new RuleCompiler()).load(source);
        result.warnings().forEach(w -> err.println("warning: " + w.describe()));
        if (!result.publishable()) {
            result.problems().forEach(p -> err.println("problem: " + p.describe()));
            return 1;
        }
        out.print(result.tables().rules().drl());
        return 0;
    }
}
