/**
 * Helpers for authors of {@link io.github.stoatferret.videorepo.VideoRepository} backends: argument
 * checks with the contract's messages, page cursors, read-only stages, ordered change-event
 * delivery, and the whole change feed ({@link io.github.stoatferret.videorepo.spi.ChangeHub} over a
 * {@link io.github.stoatferret.videorepo.spi.ChangeHistory}).
 */
@NullMarked
package io.github.stoatferret.videorepo.spi;

import org.jspecify.annotations.NullMarked;
