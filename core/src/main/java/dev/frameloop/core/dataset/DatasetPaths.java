package dev.frameloop.core.dataset;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names inside a dataset folder, relative to its root, with {@code /} separators:
 *
 * <pre>
 * session=&lt;id&gt;/manifest.json                              the session's manifest
 * session=&lt;id&gt;/.manifest.json.tmp                         manifest being replaced (hidden)
 * session=&lt;id&gt;/.lock                                      held by the recorder while it writes
 * session=&lt;id&gt;/event=&lt;type&gt;/part-NNNNN.parquet           a complete file
 * session=&lt;id&gt;/event=&lt;type&gt;/.part-NNNNN.parquet.inprogress a file being written (hidden)
 * session=&lt;id&gt;/_incomplete/event=&lt;type&gt;/…                 files fsck moved aside
 * </pre>
 *
 * Hive-style readers (DuckDB, Spark, pandas, Polars) skip names starting with {@code .} or
 * {@code _}, and nothing but a complete file ends in {@code .parquet}, so a glob such as
 * {@code DIR/*}{@code /event=input/*.parquet} only ever sees complete files.
 */
public final class DatasetPaths {
    /** Name of the manifest inside a session folder. */
    public static final String MANIFEST = "manifest.json";
    /** Temporary name of a manifest being replaced. */
    public static final String MANIFEST_TEMP = ".manifest.json.tmp";
    /** Lock file a recorder holds while it writes the session. */
    public static final String LOCK = ".lock";
    /** Folder inside a session where fsck moves what it could not use. */
    public static final String INCOMPLETE = "_incomplete";
    /** Suffix fsck gives to a complete-looking file whose content is unreadable. */
    public static final String CORRUPT_SUFFIX = ".corrupt";

    private static final String SESSION_PREFIX = "session=";
    private static final String EVENT_PREFIX = "event=";
    private static final Pattern PART = Pattern.compile("part-(\\d{5,})\\.parquet");
    private static final Pattern TEMP_PART = Pattern.compile("\\.part-(\\d{5,})\\.parquet\\.inprogress");
    private static final Pattern TABLE_NAME = Pattern.compile("[a-z][a-z0-9_]*");

    private DatasetPaths() {
    }

    /** {@code session=<id>}. */
    public static String sessionDir(SessionId session) {
        return SESSION_PREFIX + session.value();
    }

    /** {@code session=<id>/event=<table>}. */
    public static String tableDir(SessionId session, String table) {
        return sessionDir(session) + "/" + EVENT_PREFIX + checkTableName(table);
    }

    /** {@code session=<id>/manifest.json}. */
    public static String manifest(SessionId session) {
        return sessionDir(session) + "/" + MANIFEST;
    }

    /** {@code session=<id>/.manifest.json.tmp}. */
    public static String manifestTemp(SessionId session) {
        return sessionDir(session) + "/" + MANIFEST_TEMP;
    }

    /** {@code session=<id>/.lock}. */
    public static String lock(SessionId session) {
        return sessionDir(session) + "/" + LOCK;
    }

    /** {@code session=<id>/_incomplete}. */
    public static String incompleteDir(SessionId session) {
        return sessionDir(session) + "/" + INCOMPLETE;
    }

    /** {@code part-NNNNN.parquet}: the final name of part {@code index}. */
    public static String partName(int index) {
        checkIndex(index);
        return String.format("part-%05d.parquet", index);
    }

    /** {@code .part-NNNNN.parquet.inprogress}: the name of part {@code index} while it is written. */
    public static String tempPartName(int index) {
        checkIndex(index);
        return "." + partName(index) + ".inprogress";
    }

    /** The part index of a final part name, if {@code name} is one. */
    public static Optional<Integer> partIndex(String name) {
        return index(PART.matcher(name));
    }

    /** The part index of a temporary part name, if {@code name} is one. */
    public static Optional<Integer> tempPartIndex(String name) {
        return index(TEMP_PART.matcher(name));
    }

    /** The session id of a {@code session=<id>} folder name, if {@code name} is one. */
    public static Optional<SessionId> sessionOf(String dirName) {
        if (!dirName.startsWith(SESSION_PREFIX)) {
            return Optional.empty();
        }
        String id = dirName.substring(SESSION_PREFIX.length());
        return SessionId.isValid(id) ? Optional.of(SessionId.parse(id)) : Optional.empty();
    }

    /** The table (event type) name of an {@code event=<table>} folder name, if {@code name} is one. */
    public static Optional<String> tableOf(String dirName) {
        if (!dirName.startsWith(EVENT_PREFIX)) {
            return Optional.empty();
        }
        String table = dirName.substring(EVENT_PREFIX.length());
        return TABLE_NAME.matcher(table).matches() ? Optional.of(table) : Optional.empty();
    }

    /**
     * Checks a table name: lower case letters, digits and {@code _}, starting with a letter (it
     * is a Hive partition value and a folder name).
     *
     * @return the name
     */
    public static String checkTableName(String table) {
        if (table == null || !TABLE_NAME.matcher(table).matches()) {
            throw new IllegalArgumentException("table name must match [a-z][a-z0-9_]*, got '" + table + "'");
        }
        return table;
    }

    private static Optional<Integer> index(Matcher matcher) {
        if (!matcher.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(matcher.group(1)));
        } catch (NumberFormatException tooLarge) {
            return Optional.empty();
        }
    }

    private static void checkIndex(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("part index must be >= 0, got " + index);
        }
    }
}
