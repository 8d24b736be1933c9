package dev.frameloop.ml.notebook;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CellEvaluatorTest {
    private static CellEvaluator evaluator;

    @BeforeAll
    static void startSession() {
        evaluator = CellEvaluator.start(KernelClassPath.current());
    }

    @AfterAll
    static void closeSession() {
        evaluator.close();
    }

    @Test
    void shouldKeepVariablesFromOneCellToTheNext() {
        evaluator.evaluate(1, "int carried = 20;\nint other = carried + 1;");
        assertEquals(Optional.of(42), evaluator.evaluate(2, "carried + other + 1"));
    }

    @Test
    void shouldReturnTheLastExpressionAsTheObjectItself() {
        Optional<Object> value = evaluator.evaluate(3,
                "import tech.tablesaw.api.*;\nTable t = Table.create(\"t\", IntColumn.create(\"a\", new int[] {1, 2}));\nt");
        Table table = assertInstanceOf(Table.class, value.orElseThrow());
        assertEquals(2, table.rowCount());
    }

    @Test
    void shouldReturnNothingWhenTheCellEndsWithAStatement() {
        assertEquals(Optional.empty(), evaluator.evaluate(4, "int quiet = 5;\nSystem.out.print(\"\");"));
    }

    @Test
    void shouldImportTheProjectsClasses() {
        assertEquals(Optional.of(124), evaluator.evaluate(5,
                "import dev.frameloop.collector.cli.ExitCodes;\nExitCodes.TIMEOUT"));
    }

    @Test
    void shouldNameTheCellLineOfACompileError() {
        CellEvaluationException e = assertThrows(CellEvaluationException.class, () ->
                evaluator.evaluate(6, "int fine = 1;\n// a comment\n\nint broken = fine + nope;\n"));
        assertEquals(4, e.cellLine());
        assertTrue(e.getMessage().startsWith("line 4: cannot find symbol"), e.getMessage());
        String trace = String.join("\n", e.traceback());
        assertTrue(trace.contains("Compilation error at line 4, column 21"), trace);
        assertTrue(trace.contains("   4 | int broken = fine + nope;"), trace);
        assertTrue(trace.contains("symbol:   variable nope"), trace);
    }

    @Test
    void shouldNameTheCellLineOfARuntimeException() {
        CellEvaluationException e = assertThrows(CellEvaluationException.class, () ->
                evaluator.evaluate(7, "int a = 1;\n\n\nint b = a +\n    Integer.parseInt(\"x\");\n"));
        assertEquals(5, e.cellLine());
        assertTrue(e.getMessage().startsWith("java.lang.NumberFormatException: For input string: \"x\""), e.getMessage());
        assertTrue(e.getMessage().endsWith("(at line 5)"), e.getMessage());
    }

    @Test
    void shouldNameTheDefiningCellOfAMethodThatThrows() {
        evaluator.evaluate(8, "String explode(int n) {\n    if (n > 0)\n        throw new IllegalStateException(\"boom \" + n);\n    return \"ok\";\n}");
        CellEvaluationException e = assertThrows(CellEvaluationException.class, () ->
                evaluator.evaluate(9, "int n = 2;\nexplode(n)"));
        assertEquals(2, e.cellLine());
        assertEquals("java.lang.IllegalStateException: boom 2", e.traceback().get(0));
        assertTrue(e.traceback().contains("    at explode (cell [8] line 3)"), String.join("\n", e.traceback()));
        assertTrue(e.traceback().contains("    at line 2"), String.join("\n", e.traceback()));
    }

    @Test
    void shouldShowEachCauseWithoutRepeatingTheFramesItsEnclosingErrorShows() {
        evaluator.evaluate(13, "int parse(String s) {\n    try {\n        return Integer.parseInt(s);\n"
                + "    } catch (NumberFormatException e) {\n        throw new IllegalStateException(\"cannot parse\", e);\n    }\n}");
        CellEvaluationException e = assertThrows(CellEvaluationException.class, () -> evaluator.evaluate(14, "parse(\"x\")"));
        String trace = String.join("\n", e.traceback());
        assertEquals("java.lang.IllegalStateException: cannot parse", e.traceback().get(0));
        assertTrue(trace.contains("Caused by: java.lang.NumberFormatException: For input string: \"x\""), trace);
        assertTrue(trace.contains("    at parse (cell [13] line 3)"), trace);
        assertEquals(1, e.traceback().stream().filter(l -> l.equals("    at line 1")).count(), trace);
        assertTrue(e.traceback().get(e.traceback().size() - 1).matches("    \\.\\.\\. \\d+ more"), trace);
    }

    @Test
    void shouldStopAtTheFirstFailingSnippet() {
        assertThrows(CellEvaluationException.class, () ->
                evaluator.evaluate(10, "int before = 1;\nint fails = 1 / (before - 1);\nint after = 3;"));
        CellEvaluationException e = assertThrows(CellEvaluationException.class, () -> evaluator.evaluate(11, "after"));
        assertTrue(e.getMessage().contains("cannot find symbol"), e.getMessage());
    }

    @Test
    void shouldAcceptAForwardReferenceResolvedInTheSameCell() {
        assertEquals(Optional.of(7), evaluator.evaluate(12, "int outer() { return inner() + 1; }\nint inner() { return 6; }\nouter()"));
    }

    @Test
    void shouldRejectADeclarationThatStaysUnresolved() {
        CellEvaluationException e = assertThrows(CellEvaluationException.class, () ->
                evaluator.evaluate(13, "int x13 = 0;\nint dangling() {\n    return missingHelper();\n}"));
        assertEquals(2, e.cellLine());
        assertTrue(e.getMessage().contains("method dangling refers to undeclared method missingHelper()"), e.getMessage());
    }

    @Test
    void shouldReportAnInterruptedCellAsAnErrorAndKeepTheSession() throws Exception {
        evaluator.evaluate(15, "int kept = 7;");
        CompletableFuture<Optional<Object>> running = CompletableFuture.supplyAsync(() -> evaluator.evaluate(16,
                "int unused = 0;\n{\n    dev.frameloop.ml.notebook.SnippetStarted.LATCH.countDown();\n    Thread.sleep(60_000);\n}"));
        assertTrue(SnippetStarted.LATCH.await(30, TimeUnit.SECONDS), "the snippet never started");
        evaluator.interrupt();
        ExecutionException e = assertThrows(ExecutionException.class, () -> running.get(30, TimeUnit.SECONDS));
        CellEvaluationException cause = assertInstanceOf(CellEvaluationException.class, e.getCause());
        assertEquals(2, cause.cellLine());
        assertTrue(cause.getMessage().contains("starts at line 2"), cause.getMessage());
        assertTrue(cause.getMessage().startsWith("interrupted"), cause.getMessage());
        assertEquals(Optional.of(8), evaluator.evaluate(17, "kept + 1"));
    }

    @Test
    void shouldReportAnIncompleteCell() {
        CellEvaluationException e = assertThrows(CellEvaluationException.class, () ->
                evaluator.evaluate(14, "int ok14 = 1;\nvoid open() {\n    int y = 2;\n"));
        // javac reports the missing brace where the input ends
        assertEquals(3, e.cellLine(), e.getMessage());
        assertTrue(e.getMessage().contains("reached end of file while parsing"), e.getMessage());
    }
}
