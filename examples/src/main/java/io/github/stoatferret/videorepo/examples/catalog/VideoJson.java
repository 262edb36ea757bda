package io.github.stoatferret.videorepo.examples.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.stoatferret.videorepo.Video;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/**
 * One video as a flat JSON object, the format of {@code generate}, {@code import} (JSON Lines) and
 * {@code export}. Field names are the record's; instants are ISO-8601 text.
 */
final class VideoJson {

  static final ObjectMapper MAPPER = new ObjectMapper();

  private VideoJson() {}

  static ObjectNode toJson(Video v) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("id", v.id());
    o.put("path", v.path());
    o.put("filename", v.filename());
    o.put("durationFrames", v.durationFrames());
    o.put("frameRateNumerator", v.frameRateNumerator());
    o.put("frameRateDenominator", v.frameRateDenominator());
    o.put("width", v.width());
    o.put("height", v.height());
    o.put("videoCodec", v.videoCodec());
    o.put("audioCodec", v.audioCodec());
    o.put("fileSize", v.fileSize());
    o.put("thumbnailPath", v.thumbnailPath());
    o.put("createdAt", v.createdAt().toString());
    o.put("updatedAt", v.updatedAt().toString());
    return o;
  }

  /**
   * Reads a video from a JSON object.
   *
   * @throws IllegalArgumentException naming the field when one is missing, of the wrong type or
   *     invalid
   */
  static Video fromJson(JsonNode o) {
    if (!o.isObject()) {
      throw new IllegalArgumentException("expected a JSON object, got " + o.getNodeType());
    }
    return Video.builder()
        .id(text(o, "id"))
        .path(text(o, "path"))
        .filename(text(o, "filename"))
        .durationFrames(number(o, "durationFrames"))
        .frameRate((int) number(o, "frameRateNumerator"), (int) number(o, "frameRateDenominator"))
        .resolution((int) number(o, "width"), (int) number(o, "height"))
        .videoCodec(text(o, "videoCodec"))
        .audioCodec(optionalText(o, "audioCodec"))
        .fileSize(number(o, "fileSize"))
        .thumbnailPath(optionalText(o, "thumbnailPath"))
        .createdAt(instant(o, "createdAt"))
        .updatedAt(instant(o, "updatedAt"))
        .build();
  }

  private static String text(JsonNode o, String field) {
    String value = optionalText(o, field);
    if (value == null) {
      throw new IllegalArgumentException(field + " is missing");
    }
    return value;
  }

  private static @Nullable String optionalText(JsonNode o, String field) {
    JsonNode n = o.get(field);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isTextual()) {
      throw new IllegalArgumentException(field + " must be text, was " + n);
    }
    return n.asText();
  }

  private static long number(JsonNode o, String field) {
    JsonNode n = o.get(field);
    if (n == null || n.isNull()) {
      throw new IllegalArgumentException(field + " is missing");
    }
    if (!n.isIntegralNumber() || !n.canConvertToLong()) {
      throw new IllegalArgumentException(field + " must be a whole number, was " + n);
    }
    long v = n.asLong();
    if (!field.equals("durationFrames")
        && !field.equals("fileSize")
        && (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE)) {
      throw new IllegalArgumentException(field + " is out of range: " + n);
    }
    return v;
  }

  private static Instant instant(JsonNode o, String field) {
    String s = text(o, field);
    try {
      return Instant.parse(s);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(field + " is not an ISO-8601 instant: " + s);
    }
  }
}
