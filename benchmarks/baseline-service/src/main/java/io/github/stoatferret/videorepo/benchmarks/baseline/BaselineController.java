package io.github.stoatferret.videorepo.benchmarks.baseline;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The same endpoints as the reference service, on blocking Spring MVC. Spring MVC validates the
 * constrained parameters itself (a 400 problem), without {@code @Validated}.
 */
@RestController
@RequestMapping("/videos")
class BaselineController {

  private final VideoStore store;
  private final int importLimit;

  BaselineController(
      VideoStore store, @Value("${video-service.import-limit:1000}") int importLimit) {
    this.store = store;
    this.importLimit = importLimit;
  }

  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MICROS);
  }

  private static String etag(long version) {
    return "\"" + version + "\"";
  }

  @PostMapping
  ResponseEntity<VideoRow.Json> create(@Valid @RequestBody VideoRequest request) {
    Instant now = now();
    VideoRow row = store.insert(request.toRow(UUID.randomUUID().toString(), now, now, null));
    return ResponseEntity.created(URI.create("/videos/" + row.id()))
        .eTag(etag(row.storedVersion()))
        .body(row.json());
  }

  @GetMapping("/{id}")
  ResponseEntity<VideoRow.Json> get(@PathVariable String id) {
    VideoRow row = store.find(id).orElseThrow(() -> new Problems.NotFound("id", id));
    return ResponseEntity.ok().eTag(etag(row.storedVersion())).body(row.json());
  }

  @GetMapping(params = "path")
  VideoRow.Json getByPath(@RequestParam String path) {
    return store.findByPath(path).orElseThrow(() -> new Problems.NotFound("path", path)).json();
  }

  @PutMapping("/{id}")
  ResponseEntity<VideoRow.Json> update(
      @PathVariable String id,
      @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
      @Valid @RequestBody VideoRequest request) {
    long expected = Problems.expectedVersion(ifMatch);
    VideoRow stored = store.find(id).orElseThrow(() -> new Problems.NotFound("id", id));
    VideoRow row = store.update(request.toRow(id, stored.createdAt(), now(), expected));
    return ResponseEntity.ok().eTag(etag(row.storedVersion())).body(row.json());
  }

  @DeleteMapping("/{id}")
  ResponseEntity<Void> delete(
      @PathVariable String id,
      @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
    long expected = Problems.expectedVersion(ifMatch);
    VideoRow stored = store.find(id).orElseThrow(() -> new Problems.NotFound("id", id));
    store.delete(stored.withVersion(expected));
    return ResponseEntity.noContent().build();
  }

  @GetMapping
  Map<String, Object> list(
      @RequestParam(required = false) @Nullable String cursor,
      @RequestParam(defaultValue = "50") @PositiveOrZero @Max(1000) int limit) {
    long offset = Problems.offset(cursor);
    return page(store.page(offset, limit), offset, limit);
  }

  @GetMapping("/search")
  Map<String, Object> search(
      @RequestParam @NotBlank String q,
      @RequestParam(required = false) @Nullable String cursor,
      @RequestParam(defaultValue = "50") @PositiveOrZero @Max(1000) int limit) {
    long offset = Problems.offset(cursor);
    return page(store.search(q, offset, limit), offset, limit);
  }

  private static Map<String, Object> page(List<VideoRow> rows, long offset, int limit) {
    Map<String, Object> page = new HashMap<>();
    page.put("items", rows.stream().map(VideoRow::json).toList());
    page.put(
        "nextCursor", rows.size() == limit && limit > 0 ? Long.toString(offset + limit) : null);
    return page;
  }

  @GetMapping("/count")
  Map<String, Long> count() {
    return Map.of("count", store.count());
  }

  @PostMapping("/import")
  ResponseEntity<List<VideoRow.Json>> importAll(@RequestBody List<@Valid VideoRequest> requests) {
    if (requests.size() > importLimit) {
      throw new Problems.TooLarge(importLimit, requests.size());
    }
    Instant now = now();
    List<VideoRow> rows =
        requests.stream().map(r -> r.toRow(UUID.randomUUID().toString(), now, now, null)).toList();
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(store.insertAll(rows).stream().map(VideoRow::json).toList());
  }
}
