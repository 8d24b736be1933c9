package dev.frameloop.ml.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.frameloop.ml.train.ModelCard;

import java.io.IOException;
import java.nio.file.Path;

/** One line that names a model folder for a report: where it is, its task, trainer, sessions and feature set. */
final class ModelDescription {
    private ModelDescription() {
    }

    /** E.g. {@code /x/model (thread-role, logistic, 3 sessions, feature set 2, seed 1)}; says so when the card is unreadable. */
    static String of(Path dir) {
        try {
            JsonNode card = new ObjectMapper().readTree(dir.resolve(ModelCard.JSON).toFile());
            return dir + " (" + card.path("task").asText("?") + ", " + card.path("trainer").path("name").asText("?") + ", "
                    + card.path("sessions").size() + " sessions, feature set " + card.path("feature_set_version").asText("?")
                    + ", seed " + card.path("seed").asText("?") + ")";
        } catch (IOException e) {
            return dir + " (its " + ModelCard.JSON + " cannot be read: " + e.getMessage() + ")";
        }
    }
}
