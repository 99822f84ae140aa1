package com.channelrouter.web;

import com.channelrouter.support.UtcText;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.ext.javatime.ser.InstantSerializer;
import tools.jackson.databind.ser.std.StdSerializer;

import java.time.Instant;

/**
 * Writes an Instant as Jackson's own serializer does ({@link Instant#toString()}), by hand ({@link UtcText}):
 * a decision holds a dozen instants, and the JDK's formatting of them was a twentieth of a batch's storage
 * work. Should instants ever be configured as timestamps, Jackson's serializer writes them.
 */
final class InstantTextSerializer extends StdSerializer<Instant> {

    InstantTextSerializer() {
        super(Instant.class);
    }

    @Override
    public void serialize(Instant value, JsonGenerator generator, SerializationContext context) {
        if (context.isEnabled(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)) {
            InstantSerializer.INSTANCE.serialize(value, generator, context);
        } else {
            generator.writeString(UtcText.iso(value));
        }
    }
}
