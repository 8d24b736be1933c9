package dev.frameloop.core.btf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.frameloop.core.elf.ElfObjectBuilder;
import dev.frameloop.core.btf.BtfType.ArrayType;
import dev.frameloop.core.btf.BtfType.DataSecType;
import dev.frameloop.core.btf.BtfType.DeclTagType;
import dev.frameloop.core.btf.BtfType.EnumType;
import dev.frameloop.core.btf.BtfType.Enumerator;
import dev.frameloop.core.btf.BtfType.FloatType;
import dev.frameloop.core.btf.BtfType.FuncProtoType;
import dev.frameloop.core.btf.BtfType.FuncType;
import dev.frameloop.core.btf.BtfType.FwdType;
import dev.frameloop.core.btf.BtfType.IntType;
import dev.frameloop.core.btf.BtfType.Member;
import dev.frameloop.core.btf.BtfType.Param;
import dev.frameloop.core.btf.BtfType.PtrType;
import dev.frameloop.core.btf.BtfType.RefType;
import dev.frameloop.core.btf.BtfType.SectionVar;
import dev.frameloop.core.btf.BtfType.StructType;
import dev.frameloop.core.btf.BtfType.VarType;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class BtfTest {

    /**
     * {@code struct point { int x; int y; };} written out by hand: header, then [1] INT "int"
     * (4 bytes, signed, 32 bits), [2] STRUCT "point" (8 bytes, x at bit 0, y at bit 32), then
     * the strings "", "int", "point", "x", "y".
     */
    private static final String POINT_BTF =
            "9feb0100" + "18000000" + "00000000" + "34000000" + "34000000" + "0f000000"
            + "01000000" + "00000001" + "04000000" + "20000001"
            + "05000000" + "02000004" + "08000000"
            + "0b000000" + "01000000" + "00000000"
            + "0d000000" + "01000000" + "20000000"
            + "00696e7400706f696e740078007900";

    @Test
    void shouldParseAHandWrittenBlob() {
        Btf btf = Btf.parse(ByteBuffer.wrap(HexFormat.of().parseHex(POINT_BTF)));

        assertEquals(3, btf.typeCount());
        assertEquals(new IntType("int", 4, 1, 0, 32), btf.type(1));
        StructType point = btf.findStruct("point").orElseThrow();
        assertEquals(new StructType(BtfKind.STRUCT, "point", 8,
                List.of(new Member("x", 1, 0, 0), new Member("y", 1, 32, 0))), point);
        assertEquals(4, btf.sizeOf(point.members().get(1).type()));
    }

    @Test
    void shouldParseEveryKind() {
        BtfBlobBuilder b = new BtfBlobBuilder();
        int u32 = b.intType("unsigned int", 4, 0, 32);
        int ptr = b.ptr(u32);
        int array = b.array(u32, u32, 16);
        int struct = b.struct("s", 16, "a", u32, 0, "p", ptr, 64);
        int union = b.union("u", 8, "a", u32, 0, "p", ptr, 0);
        int enum32 = b.enum32("e", true, "E_NEG", -1, "E_ONE", 1);
        int fwd = b.fwd("later", true);
        int typedef = b.ref(BtfKind.TYPEDEF, "u32_t", u32);
        int volatileRef = b.ref(BtfKind.VOLATILE, "", typedef);
        int constRef = b.ref(BtfKind.CONST, "", volatileRef);
        int restrict = b.ref(BtfKind.RESTRICT, "", ptr);
        int proto = b.funcProto(u32, "ctx", ptr);
        int func = b.func("prog", proto, 1);
        int var = b.var("counter", typedef, 1);
        int datasec = b.datasec(".bss", 4, var, 0, 4);
        int floatType = b.floatType("double", 8);
        int declTag = b.declTag("tag", struct, 1);
        int typeTag = b.ref(BtfKind.TYPE_TAG, "user", u32);
        int enum64 = b.enum64("e64", "BIG", 1L << 40);

        Btf btf = Btf.parse(ByteBuffer.wrap(b.build()));

        assertEquals(20, btf.typeCount());
        assertEquals(new PtrType(u32), btf.type(ptr));
        assertEquals(new ArrayType(u32, u32, 16), btf.type(array));
        assertEquals(BtfKind.UNION, btf.type(union).kind());
        assertEquals(new EnumType(BtfKind.ENUM, "e", 4, true,
                List.of(new Enumerator("E_NEG", -1), new Enumerator("E_ONE", 1))), btf.type(enum32));
        assertEquals(new FwdType("later", true), btf.type(fwd));
        assertEquals(new RefType(BtfKind.TYPEDEF, "u32_t", u32), btf.type(typedef));
        assertEquals(new RefType(BtfKind.RESTRICT, "", ptr), btf.type(restrict));
        assertEquals(new FuncProtoType(u32, List.of(new Param("ctx", ptr))), btf.type(proto));
        assertEquals(new FuncType("prog", proto, 1), btf.type(func));
        assertEquals(new VarType("counter", typedef, 1), btf.type(var));
        assertEquals(new DataSecType(".bss", 4, List.of(new SectionVar(var, 0, 4))), btf.type(datasec));
        assertEquals(new FloatType("double", 8), btf.type(floatType));
        assertEquals(new DeclTagType("tag", struct, 1), btf.type(declTag));
        assertEquals(new RefType(BtfKind.TYPE_TAG, "user", u32), btf.type(typeTag));
        assertEquals(new EnumType(BtfKind.ENUM64, "e64", 8, false, List.of(new Enumerator("BIG", 1L << 40))),
                btf.type(enum64));
        assertEquals(4, btf.sizeOf(constRef));
        assertEquals(64, btf.sizeOf(array));
        assertEquals(8, btf.sizeOf(restrict));
        assertEquals(16, btf.sizeOf(struct));
        assertEquals("type id " + func + " resolves to FUNC 'prog', which has no size",
                assertThrows(BtfFormatException.class, () -> btf.sizeOf(func)).getMessage());
    }

    @Test
    void shouldReadBitfieldMembers() {
        BtfBlobBuilder b = new BtfBlobBuilder();
        int u32 = b.intType("unsigned int", 4, 0, 32);
        b.bitfieldStruct("flags", 4, "low", u32, 0, 3, "high", u32, 3, 29);

        StructType flags = Btf.parse(ByteBuffer.wrap(b.build())).findStruct("flags").orElseThrow();

        assertEquals(List.of(new Member("low", u32, 0, 3), new Member("high", u32, 3, 29)), flags.members());
    }

    @Test
    void shouldRejectMalformedBlobsWithAMessageSayingWhere() {
        byte[] good = HexFormat.of().parseHex(POINT_BTF);

        byte[] badMagic = good.clone();
        badMagic[0] = 0;
        assertEquals("bad BTF magic 0xeb00 (want 0xeb9f, little-endian)", parseError(badMagic));

        byte[] truncated = java.util.Arrays.copyOf(good, 24 + 40);
        assertEquals("BTF type section [24, 76) lies outside the 64-byte blob", parseError(truncated));

        byte[] unknownKind = good.clone();
        unknownKind[24 + 7] = 30;
        assertEquals("unknown BTF kind 30", parseError(unknownKind));

        byte[] badString = good.clone();
        badString[24] = 0x7F;
        assertEquals("string offset 127 outside the 15-byte string section", parseError(badString));

        byte[] shortMembers = good.clone();
        shortMembers[24 + 16 + 4] = 9;
        assertTrue(parseError(shortMembers).startsWith("type id 2 is truncated"), parseError(shortMembers));
    }

    private static String parseError(byte[] blob) {
        return assertThrows(BtfFormatException.class, () -> Btf.parse(ByteBuffer.wrap(blob))).getMessage();
    }

    @Test
    void shouldExplainAnObjectWithoutBtf() {
        byte[] elf = new ElfObjectBuilder().section(".text", new byte[8]).build();

        assertEquals("the object has no .BTF section (compile with -g, strip with -g only)",
                assertThrows(BtfFormatException.class, () -> Btf.fromElf(elf)).getMessage());
    }

    @Test
    void shouldReportAnObjectThatIsNotElfAsMalformedBtf() {
        byte[] text = "not an object, just text long enough to look like a header at first glance......"
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);

        assertTrue(assertThrows(BtfFormatException.class, () -> Btf.fromElf(text)).getMessage().startsWith("not an ELF file"));
    }
}
