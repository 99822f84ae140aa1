package com.channelrouter.support;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Why commons-csv stopped reading, said without the exception names its messages carry, and where. */
public final class CsvFailures {

    private static final Pattern START_LINE = Pattern.compile("\\(startline (\\d+)\\)\\s*");

    private CsvFailures() {
    }

    /** What is wrong, in words a person who saved the file from Excel can act on. */
    public static String why(Throwable failure) {
        String message = messageOf(failure);
        if (message.contains("EOF reached before encapsulated token finished")) {
            return "a quoted cell that starts in this record is never closed (a \" is missing): the rest of the file was not read";
        }
        if (message.contains("Invalid character between encapsulated token and delimiter")) {
            return "a quoted cell in this record has text after its closing quote (write a \" inside quotes as \"\"): "
                    + "the rest of the file was not read";
        }
        return "is not valid CSV from here on (" + START_LINE.matcher(message).replaceAll("") + ")";
    }

    /** The line the unreadable record starts on, as commons-csv says it ("(startline 2)"), or null. */
    public static Integer startLine(Throwable failure) {
        Matcher line = START_LINE.matcher(messageOf(failure));
        return line.find() ? Integer.valueOf(line.group(1)) : null;
    }

    /** The innermost message (an unchecked wrapper's own is its cause's class and message), without class names. */
    private static String messageOf(Throwable failure) {
        String message = "";
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null) {
                message = cause.getMessage();
            }
        }
        return message.replaceAll("^[\\w.]+(Exception|Error): ", "");
    }
}
