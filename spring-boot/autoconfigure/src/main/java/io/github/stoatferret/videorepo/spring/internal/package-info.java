/**
 * The starter's wrapper around the backend, not exported: {@code ObservedVideoRepository} observes
 * each operation and hands out change feeds through {@code EndableFeeds}, which the application's
 * shutdown completes before the web server waits for its requests.
 */
@NullMarked
package io.github.stoatferret.videorepo.spring.internal;

import org.jspecify.annotations.NullMarked;
