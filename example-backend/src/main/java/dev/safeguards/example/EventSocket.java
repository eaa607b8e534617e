package dev.safeguards.example;

import java.nio.ByteBuffer;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * One WebSocket connection at {@code /ws}: the server only pushes; any message from the client
 * counts as a sign of life. Public because Jetty calls its methods reflectively.
 */
public final class EventSocket implements Session.Listener.AutoDemanding {

  private final EventHub hub;
  private ClientChannel channel;

  EventSocket(EventHub hub) {
    this.hub = hub;
  }

  @Override
  public void onWebSocketOpen(Session session) {
    channel = hub.open(session);
  }

  @Override
  public void onWebSocketText(String message) {
    if (channel != null) {
      channel.touch();
    }
  }

  @Override
  public void onWebSocketPong(ByteBuffer payload) {
    if (channel != null) {
      channel.touch();
    }
  }

  @Override
  public void onWebSocketClose(int statusCode, String reason, Callback callback) {
    if (channel != null) {
      hub.closed(channel);
    }
    callback.succeed();
  }
}
