package dev.frameloop.ml.train;

import dev.frameloop.core.dataset.SessionReader;
import dev.frameloop.ml.features.FeatureTables;
import dev.frameloop.ml.features.RoleRules;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.IntPredicate;

/**
 * The labelled rows of a task over several sessions, in session order then row order: a Tablesaw
 * table with every session's rows, the session index of each row, and the conversion to Tribuo
 * examples and datasets.
 */
public final class LabelledRows {
    private static final LabelFactory LABELS = new LabelFactory();

    private final Task task;
    private final List<String> sessions;
    private final Table table;
    private final int[] sessionOfRow;

    private LabelledRows(Task task, List<String> sessions, Table table, int[] sessionOfRow) {
        this.task = task;
        this.sessions = List.copyOf(sessions);
        this.table = table;
        this.sessionOfRow = sessionOfRow;
    }

    /** Reads and labels every session, reporting each as it is done. */
    public static LabelledRows read(Task task, List<SessionReader> readers, RoleRules rules, Progress progress)
            throws IOException {
        List<String> ids = new ArrayList<>();
        Table all = null;
        List<Integer> sessionIndex = new ArrayList<>();
        for (SessionReader reader : readers) {
            Table rows = task.labelledRows(reader, rules);
            progress.step("features of session " + reader.id() + ": " + rows.rowCount() + " rows");
            for (int i = 0; i < rows.rowCount(); i++) {
                sessionIndex.add(ids.size());
            }
            ids.add(reader.id().toString());
            all = all == null ? rows : all.append(rows);
        }
        if (all == null) {
            throw new IllegalArgumentException("no sessions to read features from: give a dataset folder holding session=<id>"
                    + " folders (the --out folder of frameloop record)");
        }
        return new LabelledRows(task, ids, all, sessionIndex.stream().mapToInt(Integer::intValue).toArray());
    }

    public Task task() {
        return task;
    }

    /** Session ids, in order. */
    public List<String> sessions() {
        return sessions;
    }

    /** Every labelled row (Tablesaw). */
    public Table table() {
        return table;
    }

    public int size() {
        return table.rowCount();
    }

    /** Index into {@link #sessions()} of a row's session. */
    public int sessionOf(int row) {
        return sessionOfRow[row];
    }

    /** The label of a row. */
    public String label(int row) {
        return table.stringColumn(task.labelColumn()).get(row);
    }

    /** Every label that occurs, sorted. */
    public List<String> labels() {
        return new ArrayList<>(new TreeSet<>(table.stringColumn(task.labelColumn()).asList()));
    }

    /** Rows per label. */
    public Map<String, Integer> labelCounts() {
        Map<String, Integer> counts = new TreeMap<>();
        for (int i = 0; i < size(); i++) {
            counts.merge(label(i), 1, Integer::sum);
        }
        return counts;
    }

    /** A row as a Tribuo example with its true label. */
    public Example<Label> example(int row) {
        return task.example(new Label(label(row)), FeatureTables.featureVector(table, row, task.features()));
    }

    /** A row as a Tribuo example without its label, as the live loop would ask. */
    public Example<Label> unlabelledExample(int row) {
        return task.example(LabelFactory.UNKNOWN_LABEL, FeatureTables.featureVector(table, row, task.features()));
    }

    /** The rows whose session index passes {@code sessionFilter}, as a Tribuo dataset. */
    public MutableDataset<Label> dataset(IntPredicate sessionFilter) {
        List<String> used = new ArrayList<>();
        for (int s = 0; s < sessions.size(); s++) {
            if (sessionFilter.test(s)) {
                used.add(sessions.get(s));
            }
        }
        OffsetDateTime created = OffsetDateTime.ofInstant(Instant.EPOCH, ZoneOffset.UTC);
        MutableDataset<Label> dataset = new MutableDataset<>(new SimpleDataSourceProvenance(
                "frameloop " + task.cliName() + " rows of sessions " + String.join(",", used), created, LABELS), LABELS);
        for (int i = 0; i < size(); i++) {
            if (sessionFilter.test(sessionOfRow[i])) {
                dataset.add(example(i));
            }
        }
        return dataset;
    }
}
