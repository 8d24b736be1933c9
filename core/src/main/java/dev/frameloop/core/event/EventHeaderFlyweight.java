package dev.frameloop.core.event;

import java.nio.ByteBuffer;

/**
 * Reads only the common header of any event in place: what a dispatcher needs to choose the
 * flyweight of the event type (and to check its version and size) before reading further.
 *
 * @see EventHeaderLayout
 */
public final class EventHeaderFlyweight extends EventFlyweight {

    @Override
    public EventHeaderFlyweight wrap(ByteBuffer buffer, int offset) {
        super.wrap(buffer, offset);
        return this;
    }
}
