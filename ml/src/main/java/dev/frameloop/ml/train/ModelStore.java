package dev.frameloop.ml.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.frameloop.ml.features.FeatureSet;
import org.tribuo.Model;
import org.tribuo.ONNXExportable;
import org.tribuo.classification.Label;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Model folders: {@code model.pb} (the Tribuo model in its protobuf format, provenance included),
 * {@code model.onnx} where Tribuo can export the family, and the card ({@code model.json},
 * {@code model.md}). A folder is written beside its final name and moved there when complete, so
 * a failed run leaves nothing under {@code --out}. Reading checks the card's format, task and
 * feature-set version, and refuses a Java-serialized file posing as a model.
 */
public final class ModelStore {
    /** The Tribuo protobuf model file. */
    public static final String MODEL_FILE = "model.pb";
    /** The ONNX export. */
    public static final String ONNX_FILE = "model.onnx";
    /** ONNX domain and model version written into exports. */
    public static final String ONNX_DOMAIN = "dev.frameloop";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final int JAVA_SERIALIZATION_MAGIC = 0xACED;

    private ModelStore() {
    }

    /**
     * Checks that {@code out} can receive a model folder: absent, or an empty folder.
     *
     * @throws ModelFolderException if it holds something
     */
    public static void checkWritable(Path out) {
        if (!Files.exists(out)) {
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                throw new ModelFolderException("cannot write model folder " + out + ": " + parent
                        + " does not exist; create it first");
            }
            return;
        }
        if (!Files.isDirectory(out)) {
            throw new ModelFolderException(out + " exists and is not a folder; choose another --out");
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(out)) {
            if (entries.iterator().hasNext()) {
                throw new ModelFolderException("model folder " + out + " is not empty; choose another --out or"
                        + " remove it (frameloop never overwrites a model)");
            }
        } catch (IOException e) {
            throw new ModelFolderException("cannot read " + out + ": " + e.getMessage(), e);
        }
    }

    /** Writes a trained model's folder at {@code out}; returns the card as written. */
    public static JsonNode write(Path out, Training.Result result) throws IOException {
        checkWritable(out);
        Path absolute = out.toAbsolutePath();
        Path tmp = Files.createTempDirectory(absolute.getParent(), "." + absolute.getFileName() + ".tmp-");
        try {
            if (Files.getFileStore(tmp).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            result.model().serializeToFile(tmp.resolve(MODEL_FILE));
            boolean onnx = result.options().trainer().onnxExportable() && result.model() instanceof ONNXExportable;
            if (onnx) {
                ((ONNXExportable) result.model()).saveONNXModel(ONNX_DOMAIN, 1, tmp.resolve(ONNX_FILE));
            }
            Map<String, Object> fields = ModelCard.of(result, Files.size(tmp.resolve(MODEL_FILE)), onnx);
            JsonNode card = JSON.valueToTree(fields);
            JSON.writeValue(tmp.resolve(ModelCard.JSON).toFile(), card);
            Files.writeString(tmp.resolve(ModelCard.MARKDOWN), ModelCard.markdown(card, result.tribuoEvaluation()),
                    StandardCharsets.UTF_8);
            if (Files.isDirectory(absolute)) {
                Files.delete(absolute);
            }
            Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE);
            return card;
        } finally {
            deleteTree(tmp);
        }
    }

    /**
     * Reads a model folder.
     *
     * @param expected the task the caller needs, or null for any
     * @throws ModelFolderException naming the file and the problem
     */
    public static LoadedModel load(Path dir, Task expected) {
        if (!Files.isDirectory(dir)) {
            throw new ModelFolderException("model folder " + dir + " does not exist; give the --out folder of a"
                    + " frameloop train run");
        }
        Path cardFile = dir.resolve(ModelCard.JSON);
        JsonNode card;
        try {
            card = JSON.readTree(cardFile.toFile());
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            throw new ModelFolderException(cardFile + " is missing: " + dir + " is not a frameloop model folder"
                    + " (made by frameloop train)");
        } catch (IOException e) {
            throw new ModelFolderException(cardFile + " is not valid JSON (" + e.getMessage() + "); the folder is"
                    + " damaged: train the model again", e);
        }
        if (card == null || !ModelCard.FORMAT.equals(card.path("format").asText())) {
            throw new ModelFolderException(cardFile + " is not a frameloop model card (format is not "
                    + ModelCard.FORMAT + ")");
        }
        if (card.path("card_version").asInt() > ModelCard.VERSION) {
            throw new ModelFolderException(cardFile + " has card version " + card.path("card_version").asInt()
                    + ", newer than this build reads (" + ModelCard.VERSION + "); use a newer frameloop");
        }
        Task task;
        try {
            task = Task.fromName(card.path("task").asText());
        } catch (IllegalArgumentException e) {
            throw new ModelFolderException(cardFile + ": " + e.getMessage());
        }
        if (expected != null && task != expected) {
            throw new ModelFolderException(dir + " holds a " + task.cliName() + " model, not a " + expected.cliName()
                    + " model; give a model trained with --task " + expected.cliName());
        }
        int version = card.path("feature_set_version").asInt(-1);
        if (version != FeatureSet.VERSION) {
            throw new ModelFolderException(dir + " was trained on feature set version " + version
                    + ", this build computes version " + FeatureSet.VERSION + "; train the model again with this build");
        }
        Model<Label> model = readModel(dir.resolve(MODEL_FILE));
        checkFeatures(dir, card, task, model);
        return new LoadedModel(dir, card, task, model);
    }

    private static Model<Label> readModel(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            int first = in.read();
            int second = in.read();
            if (((first << 8) | second) == JAVA_SERIALIZATION_MAGIC) {
                throw new ModelFolderException(file + " is a Java-serialized object, not a Tribuo protobuf model;"
                        + " frameloop never deserializes Java objects (they can run code): train the model again with"
                        + " frameloop train");
            }
        } catch (NoSuchFileException e) {
            throw new ModelFolderException(file + " is missing; the model folder is incomplete: train the model again");
        } catch (IOException e) {
            throw new ModelFolderException("cannot read " + file + ": " + e.getMessage(), e);
        }
        Model<?> model;
        try {
            model = Model.deserializeFromFile(file);
        } catch (IOException | RuntimeException e) {
            throw new ModelFolderException(file + " is not a readable Tribuo protobuf model (" + e.getMessage()
                    + "); train the model again", e);
        }
        if (!model.validate(Label.class)) {
            throw new ModelFolderException(file + " is a Tribuo model of " + model.getOutputIDInfo().getClass()
                    .getSimpleName() + ", not a classification model");
        }
        @SuppressWarnings("unchecked")
        Model<Label> labels = (Model<Label>) model;
        return labels;
    }

    private static void checkFeatures(Path dir, JsonNode card, Task task, Model<Label> model) {
        Set<String> expected = new HashSet<>(List.of(FeatureSet.names(task.features())));
        Set<String> inCard = new HashSet<>();
        card.path("features").forEach(n -> inCard.add(n.asText()));
        if (!inCard.equals(expected)) {
            throw new ModelFolderException(dir.resolve(ModelCard.JSON) + " lists other features than feature set "
                    + FeatureSet.VERSION + " has for " + task.cliName() + "; train the model again");
        }
        model.getFeatureIDMap().forEach(info -> {
            if (!expected.contains(info.getName())) {
                throw new ModelFolderException(dir.resolve(MODEL_FILE) + " uses feature " + info.getName()
                        + ", which feature set " + FeatureSet.VERSION + " does not have; train the model again");
            }
        });
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
