package io.github.stoatferret.videorepo.examples.service;

import io.github.stoatferret.videorepo.ChangeFeedEvent;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each change as JSON, encoded once however many streams send it. Every subscriber of the feed gets
 * the same changes at about the same time, so the recent ones are kept by position; with a hundred
 * subscribers this saves 99 encodings of each change.
 */
@Component
class EncodedChanges {

  /** How many recent changes are kept: far more than subscribers are apart, in practice. */
  static final int KEPT = 4096;

  private final JsonMapper json;
  private final ConcurrentMap<Long, String> recent = new ConcurrentHashMap<>();

  EncodedChanges(JsonMapper json) {
    this.json = json;
  }

  String json(ChangeFeedEvent event) {
    long position = event.position().value();
    String encoded = recent.get(position);
    if (encoded == null) {
      encoded = json.writeValueAsString(event.change());
      if (recent.putIfAbsent(position, encoded) == null && position % (KEPT / 4) == 0) {
        recent.keySet().removeIf(p -> p <= position - KEPT); // now and then, the old ones
      }
    }
    return encoded;
  }
}
