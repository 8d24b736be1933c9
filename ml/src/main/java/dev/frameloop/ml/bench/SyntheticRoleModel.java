package dev.frameloop.ml.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.frameloop.core.event.ThreadClass;
import dev.frameloop.ml.features.FeatureSet;
import dev.frameloop.ml.features.ThreadRoleRow;
import dev.frameloop.ml.features.ThreadRoleWindows;
import dev.frameloop.ml.loop.TribuoRoleModel;
import dev.frameloop.ml.train.LoadedModel;
import dev.frameloop.ml.train.Task;
import dev.frameloop.ml.train.TrainerKind;
import dev.frameloop.ml.train.TribuoLogging;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The loop bench's default model: a logistic thread-role model (the live loop's usual trainer)
 * trained on rows the real feature code ({@link ThreadRoleWindows}) computes from
 * {@link SyntheticThreads} samples, so that it predicts at the cost of a real one without a model
 * folder. Deterministic for a seed.
 */
final class SyntheticRoleModel {
    /** What the report calls it. */
    static final String NAME = "synthetic logistic (trained in the bench)";

    private static final int WINDOWS = 120;
    private static final int SAMPLES_PER_WINDOW = 10;

    private SyntheticRoleModel() {
    }

    static TribuoRoleModel train(long seed) {
        TribuoLogging.quiet();
        List<ThreadRoleRow> rows = new ArrayList<>();
        ThreadRoleWindows windows = new ThreadRoleWindows(rows::add);
        for (long w = 0; w < WINDOWS; w++) {
            for (int s = 1; s <= SAMPLES_PER_WINDOW; s++) {
                long t = w * FeatureSet.THREAD_WINDOW_NS + s * SyntheticThreads.STATS_WINDOW_NS - 1;
                for (int k = 0; k < SyntheticThreads.KINDS.length; k++) {
                    windows.accept(SyntheticThreads.sample(SyntheticThreads.KINDS[k], 100, 101 + k, t, w * 16 + s));
                }
            }
        }
        windows.finish();
        LabelFactory labels = new LabelFactory();
        MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance("frameloop bench loop synthetic rows",
                OffsetDateTime.ofInstant(Instant.EPOCH, ZoneOffset.UTC), labels), labels);
        for (ThreadRoleRow row : rows) {
            ThreadClass kind = SyntheticThreads.KINDS[row.tid() - 101];
            data.add(Task.THREAD_ROLE.example(new Label(kind.name().toLowerCase(Locale.ROOT)), row.features()));
        }
        Model<Label> model = TrainerKind.LOGISTIC.create(seed).train(data);
        ObjectNode card = new ObjectMapper().createObjectNode();
        card.putObject("trainer").put("name", TrainerKind.LOGISTIC.cliName());
        card.put("task", Task.THREAD_ROLE.cliName());
        return TribuoRoleModel.of(new LoadedModel(Path.of("(synthetic)"), card, Task.THREAD_ROLE, model));
    }
}
