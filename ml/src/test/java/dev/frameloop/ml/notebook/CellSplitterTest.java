package dev.frameloop.ml.notebook;

import jdk.jshell.JShell;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CellSplitterTest {
    private static JShell shell;
    private static CellSplitter splitter;

    @BeforeAll
    static void start() {
        shell = JShell.builder().executionEngine("local").build();
        splitter = new CellSplitter(shell.sourceCodeAnalysis());
    }

    @AfterAll
    static void stop() {
        shell.close();
    }

    @Test
    void shouldCutACellIntoSnippetsWithTheLineEachStartsOn() {
        String cell = "\n\nint a = 1;  int b = 2;\n\n// about f\nint f(int x) {\n    return x;\n}\nf(a)\n";
        List<CellSnippet> snippets = splitter.split(cell);
        assertEquals(List.of(
                new CellSnippet("int a = 1;", 3),
                new CellSnippet("int b = 2;", 3),
                new CellSnippet("// about f\nint f(int x) {\n    return x;\n}", 5),
                new CellSnippet("f(a)", 9)), snippets);
    }

    @Test
    void shouldMapOffsetsAndSnippetLinesToCellLines() {
        CellSnippet s = new CellSnippet("int f() {\n    return 1 / 0;\n}", 4);
        assertEquals(5, s.cellLineOf(s.source().indexOf("1 / 0")));
        assertEquals(5, s.cellLineOfSnippetLine(2));
        assertEquals(4, s.cellLineOf(0));
    }

    @Test
    void shouldIgnoreACellOfCommentsAndBlankLines() {
        assertEquals(List.of(), splitter.split("\n  // nothing to run\n\n"));
    }

    @Test
    void shouldKeepAnIncompleteTailAsOneSnippet() {
        List<CellSnippet> snippets = splitter.split("int a = 1;\nfor (int i = 0; i < 3; i++) {\n");
        assertEquals(2, snippets.size());
        assertEquals(2, snippets.get(1).firstLine());
    }

    @Test
    void shouldRefuseABlankSnippet() {
        assertThrows(IllegalArgumentException.class, () -> new CellSnippet("  \n", 1));
    }
}
