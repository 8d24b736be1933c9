package dev.frameloop.ml.notebook;

import java.util.concurrent.CountDownLatch;

/** Lets a test wait until a snippet it evaluates on another thread is running. */
public final class SnippetStarted {
    public static final CountDownLatch LATCH = new CountDownLatch(1);

    private SnippetStarted() {
    }
}
