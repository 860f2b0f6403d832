package org.port853.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Map;

/**
 * Writes a tree of maps, lists, arrays and scalars as JSON with jackson-core's streaming generator, in the same
 * form as jackson-databind's ObjectMapper (pretty: its default pretty printer), for the commands whose output is
 * such a tree ({@code analyze}, {@code monitor}). Setting up databind costs a quarter of a second at start-up;
 * the generator alone costs nearly nothing.
 */
final class PlainJson {
    private static final JsonFactory FACTORY = new JsonFactory();

    private PlainJson() {
    }

    static String write(Object tree, boolean pretty) {
        StringWriter out = new StringWriter();
        write(out, tree, pretty);
        return out.toString();
    }

    /**
     * Streams the tree to {@code out} (left open): a large document is never held as one string, and an
     * {@link Iterable} in the tree is walked as it is written.
     */
    static void write(Writer out, Object tree, boolean pretty) {
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            if (pretty) {
                g.useDefaultPrettyPrinter();
            }
            value(g, tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void value(JsonGenerator g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof String s) {
            g.writeString(s);
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            g.writeNumber(((Number) v).longValue());
        } else if (v instanceof Double || v instanceof Float) {
            g.writeNumber(((Number) v).doubleValue());
        } else if (v instanceof Enum<?> e) {
            g.writeString(e.name());
        } else if (v instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                value(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof Iterable<?> list) {
            g.writeStartArray();
            for (Object o : list) {
                value(g, o);
            }
            g.writeEndArray();
        } else if (v instanceof long[] a) {
            g.writeArray(a, 0, a.length);
        } else if (v instanceof int[] a) {
            g.writeArray(a, 0, a.length);
        } else if (v instanceof double[] a) {
            g.writeArray(a, 0, a.length);
        } else if (v instanceof Object[] a) {
            value(g, java.util.Arrays.asList(a));
        } else {
            throw new IllegalArgumentException("no JSON form for " + v.getClass().getName());
        }
    }
}
