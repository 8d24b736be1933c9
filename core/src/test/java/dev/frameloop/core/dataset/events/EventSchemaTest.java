package dev.frameloop.core.dataset.events;

import dev.frameloop.core.dataset.SchemaVersion;
import dev.frameloop.core.event.EventFlyweight;
import dev.frameloop.core.event.EventType;
import dev.frameloop.core.event.FieldLayout;
import dev.frameloop.core.event.WireEnum;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every {@code .avsc} against the Java mirror of the wire format: one column per wire field
 * (header: timestamp and CPU; no padding; a byte array's length field folded into its bytes
 * column), in struct order, of the type the flyweight reads, with a doc giving unit and origin.
 */
class EventSchemaTest {

    @Test
    void shouldHaveAVersionedSchemaForEveryEventType() {
        for (EventType type : EventType.values()) {
            Schema schema = EventTables.schema(type);
            assertNotNull(schema, type.toString());
            assertEquals(1, SchemaVersion.of(schema), type + ": schema version");
            assertEquals("dev.frameloop.dataset", schema.getNamespace(), type.toString());
            assertEquals(EventTables.binding(type).recordClass().getSimpleName(), schema.getName(), type.toString());
            assertEquals(EventTables.tableName(type), schema.getProp("frameloop.event.type"), type.toString());
            assertEquals(type.structName(), schema.getProp("frameloop.wire.struct"), type.toString());
            assertTrue(schema.getDoc() != null && schema.getDoc().length() > 20, type + ": record doc");
        }
    }

    @Test
    void shouldHaveOneColumnPerWireFieldInStructOrder() {
        for (EventType type : EventType.values()) {
            List<String> expected = new ArrayList<>(List.of("timestamp_ns", "cpu"));
            Set<String> names = type.layout().fields().stream().map(FieldLayout::name).collect(Collectors.toSet());
            for (FieldLayout field : type.layout().fields()) {
                String name = field.name();
                boolean lengthOfBytes = name.endsWith("_len") && names.contains(name.substring(0, name.length() - 4));
                if (!name.equals("header") && !name.startsWith("pad") && !lengthOfBytes) {
                    expected.add(name);
                }
            }
            List<String> columns = EventTables.schema(type).getFields().stream().map(Schema.Field::name).toList();
            assertEquals(expected, columns, type + ": columns vs " + type.structName());
        }
    }

    @Test
    void shouldStoreEachColumnAsTheTypeTheFlyweightReads() throws Exception {
        for (EventType type : EventType.values()) {
            Class<? extends EventFlyweight> flyweight = EventTables.binding(type).flyweights().get().getClass();
            Map<String, FieldLayout> layout = type.layout().fields().stream()
                    .collect(Collectors.toMap(FieldLayout::name, f -> f));
            for (Schema.Field column : EventTables.schema(type).getFields()) {
                String where = type + "." + column.name();
                Schema.Type avro = column.schema().getType();
                int wireSize = switch (column.name()) {
                    case "timestamp_ns" -> 8;
                    case "cpu" -> 4;
                    default -> layout.get(column.name()).size();
                };
                if (avro == Schema.Type.BYTES) {
                    Method copy = flyweight.getMethod("copy" + pascal(column.name()), byte[].class, int.class);
                    assertEquals(int.class, copy.getReturnType(), where);
                    assertTrue(wireSize >= 16, where + ": a bytes column comes from a char array");
                    continue;
                }
                Class<?> read = flyweight.getMethod(camel(column.name())).getReturnType();
                if (read == int.class) {
                    assertEquals(Schema.Type.INT, avro, where);
                    assertTrue(wireSize <= 4, where + ": int column from a " + wireSize + "-byte field");
                } else if (read == long.class) {
                    assertEquals(Schema.Type.LONG, avro, where);
                    assertTrue(wireSize == 4 || wireSize == 8, where + ": long column from a " + wireSize + "-byte field");
                } else if (read == boolean.class) {
                    assertEquals(Schema.Type.BOOLEAN, avro, where);
                    assertEquals(1, wireSize, where);
                } else if (read.isEnum() && WireEnum.class.isAssignableFrom(read)) {
                    assertEquals(Schema.Type.ENUM, avro, where);
                    assertEquals(1, wireSize, where);
                    List<String> constants = Arrays.stream(read.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
                    assertEquals(constants, column.schema().getEnumSymbols(), where + ": symbols vs " + read.getSimpleName());
                    assertEquals(read.getSimpleName(), column.schema().getName(), where);
                    assertEquals("UNKNOWN", column.schema().getEnumDefault(), where);
                } else {
                    fail(where + ": the flyweight reads it as " + read + ", which has no column type");
                }
            }
        }
    }

    @Test
    void shouldDocumentUnitAndOriginOfEveryColumn() {
        for (EventType type : EventType.values()) {
            for (Schema.Field column : EventTables.schema(type).getFields()) {
                String where = type + "." + column.name();
                String doc = column.doc();
                assertNotNull(doc, where);
                assertTrue(doc.contains("Unit: "), where + ": no unit in '" + doc + "'");
                String origin = column.name().equals("timestamp_ns") || column.name().equals("cpu")
                        ? "fl_event_header." + column.name() : type.structName() + "." + column.name();
                assertTrue(doc.contains("Wire: " + origin), where + ": no origin in '" + doc + "'");
                if (column.name().endsWith("_ns")) {
                    assertTrue(doc.contains("nanoseconds"), where + ": a _ns column not in nanoseconds: '" + doc + "'");
                }
                if (column.schema().getType() == Schema.Type.BYTES) {
                    assertTrue(doc.contains("never decoded"), where + ": '" + doc + "'");
                }
            }
        }
    }

    static String camel(String snake) {
        String pascal = pascal(snake);
        return Character.toLowerCase(pascal.charAt(0)) + pascal.substring(1);
    }

    static String pascal(String snake) {
        StringBuilder out = new StringBuilder();
        for (String part : snake.split("_")) {
            out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return out.toString();
    }
}
