package com.channelrouter.web;

import com.channelrouter.support.UtcText;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ext.javatime.ser.InstantSerializer;

import java.time.Instant;

/**
 * Jackson's own Instant serializer, with its default text ({@link Instant#toString()}) written by hand
 * ({@link UtcText}): a decision holds a dozen instants, and the JDK's formatting of them was a twentieth of
 * a batch's storage work. Everything else stays Jackson's: timestamps, truncation, type ids, and a property's
 * {@code @JsonFormat}, for which Jackson makes a serializer of its own class.
 */
final class InstantTextSerializer extends InstantSerializer {

    InstantTextSerializer() {
        super();
    }

    @Override
    protected String formatValue(Instant value, SerializationContext context) {
        return _formatter == null ? UtcText.iso(value) : super.formatValue(value, context);
    }
}
