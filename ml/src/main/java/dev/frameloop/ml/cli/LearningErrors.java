package dev.frameloop.ml.cli;

import dev.frameloop.collector.cli.ExitCodes;
import dev.frameloop.collector.cli.UserFacingException;
import dev.frameloop.core.dataset.DatasetFormatException;
import dev.frameloop.ml.features.FeatureInputException;
import dev.frameloop.ml.train.ModelFolderException;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Turns the failures of feature extraction, training and model folders into messages for the user. */
final class LearningErrors {
    /** Work that may fail with the exceptions this class translates. */
    interface Work<T> {
        T run() throws IOException;
    }

    private LearningErrors() {
    }

    static <T> T translate(Work<T> work) {
        try {
            return work.run();
        } catch (DatasetFormatException e) {
            String advice = switch (e.problem()) {
                case CORRUPT -> "; run frameloop fsck on the dataset to move it aside, or leave the session out";
                case NEWER -> "; use the frameloop that recorded it";
                case FOREIGN -> "; only sessions written by frameloop record can be read";
            };
            throw new UserFacingException(ExitCodes.IO_ERROR, e.getMessage() + advice, e);
        } catch (FeatureInputException | ModelFolderException e) {
            throw new UserFacingException(ExitCodes.USAGE, e.getMessage(), e);
        } catch (IOException | UncheckedIOException e) {
            throw new UserFacingException(ExitCodes.IO_ERROR, "I/O error: " + e.getMessage(), e);
        }
    }
}
