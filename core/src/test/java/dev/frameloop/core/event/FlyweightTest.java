package dev.frameloop.core.event;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Flyweights read each field at the offset and width of its {@link FieldLayout} (which the
 * BTF check ties to events.h): every struct is filled with a byte pattern at a non-zero
 * offset of a big-endian buffer, and each record component is compared with the value
 * decoded independently from the same bytes.
 */
class FlyweightTest {
    private static final int AT = 40;

    @ParameterizedTest
    @EnumSource(EventType.class)
    void shouldReadEveryFieldAtItsLayoutOffset(EventType type) throws Exception {
        ByteBuffer buffer = ByteBuffer.allocate(AT + type.size() + 8).order(ByteOrder.BIG_ENDIAN);
        for (int i = 0; i < buffer.capacity(); i++) {
            buffer.put(i, (byte) (i * 37 + 11));
        }
        writeValidFieldsFor(type, buffer);
        EventFlyweight flyweight = flyweightFor(type).wrap(buffer, AT);

        Record record = (Record) flyweight.getClass().getMethod("toRecord").invoke(flyweight);

        for (RecordComponent component : record.getClass().getRecordComponents()) {
            Object actual = component.getAccessor().invoke(record);
            Object expected = expected(type, buffer, component);
            if (actual instanceof byte[]) {
                assertArrayEquals((byte[]) expected, (byte[]) actual, type + "." + component.getName());
            } else {
                assertEquals(expected, actual, type + "." + component.getName());
            }
        }
        assertEquals(le16(buffer, AT), flyweight.type());
        assertEquals(le32(buffer, AT + 4), flyweight.size());
    }

    @Test
    void shouldCopyCommUpToItsFirstNul() {
        ByteBuffer buffer = ByteBuffer.allocate(ThreadClassEventLayout.SIZE);
        byte[] comm = "render\0garbage!!".getBytes(StandardCharsets.US_ASCII);
        buffer.put(ThreadClassEventLayout.COMM_OFFSET, comm);
        ThreadClassEventFlyweight flyweight = new ThreadClassEventFlyweight().wrap(buffer, 0);

        byte[] target = new byte[20];
        int copied = flyweight.copyComm(target, 2);

        assertEquals(6, copied);
        assertEquals("render", new String(target, 2, copied, StandardCharsets.US_ASCII));
        assertEquals("render", flyweight.toRecord().commText());
    }

    @Test
    void shouldKeepRecordsImmutableAndComparableByContent() {
        byte[] comm = "game.exe".getBytes(StandardCharsets.US_ASCII);
        ProcessEvent event = new ProcessEvent(1, 2, 3, 4, 5, 0, ProcessAction.EXEC, true,
                ProcessSource.TP_SCHED_PROCESS_EXEC, false, comm, "/opt/game.exe".getBytes(StandardCharsets.US_ASCII));
        comm[0] = 'X';
        event.comm()[1] = 'Y';

        assertEquals("game.exe", event.commText());
        assertEquals(event, new ProcessEvent(1, 2, 3, 4, 5, 0, ProcessAction.EXEC, true,
                ProcessSource.TP_SCHED_PROCESS_EXEC, false, "game.exe".getBytes(StandardCharsets.US_ASCII),
                "/opt/game.exe".getBytes(StandardCharsets.US_ASCII)));
        assertNotEquals(event, new ProcessEvent(1, 2, 3, 4, 5, 0, ProcessAction.EXIT, true,
                ProcessSource.TP_SCHED_PROCESS_EXEC, false, comm, new byte[0]));
    }

    private static EventFlyweight flyweightFor(EventType type) throws Exception {
        String name = EventFlyweight.class.getPackageName() + "." + recordName(type) + "Flyweight";
        return (EventFlyweight) Class.forName(name).getConstructor().newInstance();
    }

    private static String recordName(EventType type) {
        StringBuilder name = new StringBuilder();
        for (String part : type.name().toLowerCase(Locale.ROOT).split("_")) {
            name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return name.append("Event").toString();
    }

    /** Keeps filename_len within its capacity so the pattern does not have to. */
    private static void writeValidFieldsFor(EventType type, ByteBuffer buffer) {
        if (type == EventType.PROCESS) {
            buffer.put(AT + ProcessEventLayout.FILENAME_LEN_OFFSET, (byte) 77);
            buffer.put(AT + ProcessEventLayout.FILENAME_LEN_OFFSET + 1, (byte) 0);
            buffer.put(AT + ProcessEventLayout.COMM_OFFSET + 9, (byte) 0);
        }
    }

    private static Object expected(EventType type, ByteBuffer buffer, RecordComponent component) throws Exception {
        String name = component.getName();
        if (name.equals("cpu")) {
            return le32(buffer, AT + EventHeaderLayout.CPU_OFFSET);
        }
        if (name.equals("timestampNs")) {
            return le64(buffer, AT + EventHeaderLayout.TIMESTAMP_NS_OFFSET);
        }
        FieldLayout field = field(type, snake(name));
        int at = AT + field.offset();
        Class<?> javaType = component.getType();
        if (javaType == byte[].class) {
            int length = name.equals("filename") ? le16(buffer, AT + field(type, "filename_len").offset()) : nulLength(buffer, at, field.size());
            return Arrays.copyOfRange(buffer.array(), at, at + length);
        }
        if (javaType == boolean.class) {
            return buffer.get(at) != 0;
        }
        if (javaType.isEnum()) {
            Method fromCode = javaType.getMethod("fromCode", int.class);
            return fromCode.invoke(null, buffer.get(at) & 0xFF);
        }
        switch (field.size()) {
            case 2:
                assertEquals(int.class, javaType, name);
                return le16(buffer, at);
            case 4:
                return javaType == long.class ? (Object) (le32(buffer, at) & 0xFFFF_FFFFL) : (Object) le32(buffer, at);
            case 8:
                return le64(buffer, at);
            default:
                throw new AssertionError(name + ": unexpected size " + field.size());
        }
    }

    private static FieldLayout field(EventType type, String name) {
        return type.layout().fields().stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(type.structName() + " has no field " + name));
    }

    private static String snake(String camel) {
        return camel.replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT);
    }

    private static int nulLength(ByteBuffer buffer, int at, int capacity) {
        for (int i = 0; i < capacity; i++) {
            if (buffer.get(at + i) == 0) {
                return i;
            }
        }
        return capacity;
    }

    private static int le16(ByteBuffer b, int at) {
        return (b.get(at) & 0xFF) | (b.get(at + 1) & 0xFF) << 8;
    }

    private static int le32(ByteBuffer b, int at) {
        return le16(b, at) | le16(b, at + 2) << 16;
    }

    private static long le64(ByteBuffer b, int at) {
        return (le32(b, at) & 0xFFFF_FFFFL) | (long) le32(b, at + 4) << 32;
    }
}
