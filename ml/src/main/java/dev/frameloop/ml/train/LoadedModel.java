package dev.frameloop.ml.train;

import com.fasterxml.jackson.databind.JsonNode;
import org.tribuo.Model;
import org.tribuo.classification.Label;

import java.nio.file.Path;

/**
 * A model folder read back: its card, its task and the Tribuo model.
 *
 * @param dir   the folder
 * @param card  {@code model.json}
 * @param task  the task the model answers
 * @param model the Tribuo model (from protobuf)
 */
public record LoadedModel(Path dir, JsonNode card, Task task, Model<Label> model) {
    /** The trainer family named in the card. */
    public TrainerKind trainer() {
        return TrainerKind.fromName(card.path("trainer").path("name").asText());
    }
}
