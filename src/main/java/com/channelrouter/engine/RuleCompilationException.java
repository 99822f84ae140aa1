package com.channelrouter.engine;

import java.util.List;

/** Drools refused the generated rules; each message names the rule (and so the row) it came from. */
public class RuleCompilationException extends RuntimeException {

    private final List<String> messages;

    public RuleCompilationException(List<String> messages) {
        super("Drools could not compile the decision tables: " + String.join("; ", messages));
        this.messages = List.copyOf(messages);
    }

    public List<String> messages() {
        return messages;
    }
}
