/**
 * Core's own machinery behind the API's default methods, not exported: the page walk behind {@code
 * stream()} ({@code PagePublisher}), the draft writes behind {@code create} and {@code update(id,
 * draft)}, the field checks behind {@code Video}'s constructor and messages, and the publisher a
 * backend without a change feed returns. Backends use {@code spi}, never this.
 */
@NullMarked
package io.github.stoatferret.videorepo.internal;

import org.jspecify.annotations.NullMarked;
