/**
 * Helpers for authors of {@link io.github.stoatferret.videorepo.VideoRepository} backends: argument
 * checks with the contract's messages, page cursors, ordered change-event delivery.
 */
@NullMarked
package io.github.stoatferret.videorepo.spi;

import org.jspecify.annotations.NullMarked;
